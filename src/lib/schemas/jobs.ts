/**
 * Background jobs as the server stores them and every client reads them: statuses, phases and the
 * events of `job_events` (SPEC §4, §5). Browser-safe.
 */

export const jobTypes = ['resume', 'opportunity', 'tailor'] as const;
export const jobStatuses = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export const terminalStatuses = ['completed', 'failed', 'cancelled'] as const;
export const jobEventTypes = ['status', 'phase', 'highlight', 'step'] as const;

export type JobType = (typeof jobTypes)[number];
export type JobStatus = (typeof jobStatuses)[number];
export type TerminalStatus = (typeof terminalStatuses)[number];
export type JobEventType = (typeof jobEventTypes)[number];

const terminal: ReadonlySet<string> = new Set(terminalStatuses);

/** A job in this status has ended: it takes no more steps and writes no more events. */
export const isTerminalStatus = (status: string): status is TerminalStatus => terminal.has(status);

/** A phase of a pipeline, as the progress page shows it. */
export type Phase = {
	name: string;
	/** The phase stepper's label. */
	label: string;
	/** Rotating messages shown while the phase runs. */
	ticker: string[];
};

export type StatusPayload = {
	status: JobStatus;
	/** The attempt that claimed the job, and the process running it (`host:pid`). */
	attempt?: number;
	worker?: string;
	/** An attempt failed with `error` and the job will be retried. */
	retrying?: boolean;
	error?: string;
	/** What a completed job made (the pipeline's summary). */
	summary?: Record<string, unknown>;
};

export type PhasePayload = { phase: string; ticker?: string[] };
export type HighlightPayload = { text: string };
export type StepPayload = { name: string; phase: string; durationMs: number };

type PayloadKey = keyof (StatusPayload & PhasePayload & HighlightPayload & StepPayload);
/** A payload that has none of the other kinds' fields, so any event's `payload.status` reads. */
type Only<P> = P & { [K in Exclude<PayloadKey, keyof P>]?: never };

/** The `type` and `payload` of each kind of event. */
export type JobEventData =
	| { type: 'status'; payload: Only<StatusPayload> }
	| { type: 'phase'; payload: Only<PhasePayload> }
	| { type: 'highlight'; payload: Only<HighlightPayload> }
	| { type: 'step'; payload: Only<StepPayload> };

/** One `job_events` row: what the progress stream carries and replays. */
export type JobEvent = JobEventData & { id: number; jobId: string; createdAt: string };

export const isTerminalEvent = (e: JobEventData): boolean =>
	e.type === 'status' && isTerminalStatus(e.payload.status);
