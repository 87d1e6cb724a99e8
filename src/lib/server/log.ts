import pino from 'pino';

/** The one logger. Child loggers carry context such as `{ jobId }`. */
export function createLogger(level: string, base: Record<string, unknown> = {}) {
	return pino({ level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = pino.Logger;
