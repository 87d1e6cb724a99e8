import type { Logger } from '../log';
import type { Sql } from './client';
import type { EmbeddedPostgres } from './embedded';

export type DatabaseState = 'up' | 'down';

/** Connection failures (not a query's own error): Node's socket errors and postgres.js's own. */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

/**
 * Whether an error (or what it wraps: drizzle, better-auth and tRPC keep the driver's error as a
 * `cause`) says the database could not be reached, rather than that a query was wrong. PostgreSQL's
 * own such codes: class 08 (connection exception), and 57P01–57P03 (shut down, crashed, starting).
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 8) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') {
		if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
		if (code === '57P01' || code === '57P02' || code === '57P03') return true;
	}
	const inner = (error as { errors?: unknown }).errors; // AggregateError: one per address tried
	if (Array.isArray(inner) && inner.some((e) => isConnectionError(e, depth + 1))) return true;
	return isConnectionError((error as { cause?: unknown }).cause, depth + 1);
}

const PROBE_TIMEOUT_MS = 3_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/**
 * Whether this process can reach its database, as far as it knows. It goes down when the embedded
 * server's process exits, or when a query fails for want of a connection (`report`); while down it
 * probes with `select 1`, backing off from 250 ms to 5 s, and comes back up on the first answer.
 * Nothing here reconnects: postgres.js opens new connections for new queries by itself, and the
 * embedded server is restarted by `startEmbeddedPostgres({ restart: true })`.
 */
export class DatabaseAvailability {
	#state: DatabaseState = 'up';
	#downSince = 0;
	#outages = 0;
	#probing = false;
	#wakeProbe: (() => void) | null = null;
	#closed = false;
	#listeners = new Set<(state: DatabaseState) => void>();
	#unwatch: () => void;

	constructor(
		private readonly sql: Sql,
		private readonly log: Logger,
		embedded: EmbeddedPostgres | null
	) {
		this.#unwatch =
			embedded?.watch((event) => {
				if (event.type === 'exited')
					this.markDown(
						`the embedded PostgreSQL server exited (${event.signal ?? `code ${event.code}`}); restarting it`
					);
				else if (event.type === 'restart-failed')
					this.log.debug({ attempt: event.attempt, retryInMs: event.retryInMs }, 'restart failed');
				else this.#wakeProbe?.(); // restarted: probe now rather than after the backoff
			}) ?? (() => {});
	}

	get state(): DatabaseState {
		return this.#state;
	}

	get up(): boolean {
		return this.#state === 'up';
	}

	/** How many times the database has gone down: a request that saw this change met an outage. */
	get outages(): number {
		return this.#outages;
	}

	/** Called with each change of state (after the fact). Returns the unsubscribe. */
	onChange(listener: (state: DatabaseState) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** A failed query: true (and the database is down until it answers again) for a lost connection. */
	report(error: unknown): boolean {
		if (!isConnectionError(error)) return false;
		this.markDown(error instanceof Error ? error.message : String(error));
		return true;
	}

	markDown(reason: string): void {
		if (this.#closed) return;
		if (this.#state === 'up') {
			this.#state = 'down';
			this.#outages++;
			this.#downSince = Date.now();
			this.log.warn({ reason }, 'database unavailable');
			this.#emit();
		}
		if (this.#probing) return;
		this.#probing = true;
		void this.#probe().finally(() => (this.#probing = false));
	}

	/**
	 * Asks the database now (`select 1`): true if it answers. A failure for want of a connection
	 * marks it down; while it is down this answers false without asking (the probe is asking).
	 */
	async check(): Promise<boolean> {
		if (!this.up) return false;
		try {
			await this.#ask();
			return true;
		} catch (error) {
			return !this.report(error);
		}
	}

	close(): void {
		this.#closed = true;
		this.#unwatch();
		this.#wakeProbe?.();
	}

	#emit() {
		for (const listener of this.#listeners) {
			try {
				listener(this.#state);
			} catch (error) {
				this.log.error({ err: error }, 'database state listener failed');
			}
		}
	}

	async #ask(): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const query = this.sql`select 1`;
		try {
			await Promise.race([
				query,
				new Promise((_, reject) => {
					timer = setTimeout(() => {
						query.cancel();
						reject(Object.assign(new Error('no answer to select 1'), { code: 'ETIMEDOUT' }));
					}, PROBE_TIMEOUT_MS);
				})
			]);
		} finally {
			clearTimeout(timer);
		}
	}

	async #probe(): Promise<void> {
		let delay = FIRST_RETRY_MS;
		while (!this.#closed) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, delay);
				timer.unref();
				this.#wakeProbe = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			this.#wakeProbe = null;
			if (this.#closed) return;
			try {
				await this.#ask();
			} catch (error) {
				this.log.debug({ err: error }, 'database still unavailable');
				delay = Math.min(delay * 2, MAX_RETRY_MS);
				continue;
			}
			this.#state = 'up';
			this.log.info({ downMs: Date.now() - this.#downSince }, 'database available again');
			this.#emit();
			return;
		}
	}
}
