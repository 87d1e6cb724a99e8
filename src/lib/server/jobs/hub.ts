import { isTerminalEvent, type JobEvent } from '../../schemas/jobs';
import type { Database, Sql } from '../db/client';
import type { Logger } from '../log';
import { EVENTS_CHANNEL, isPartial, parseEvent, readEvents } from './events';

/** Pushed to a subscriber when its stream must end (the hub closes, its signal aborts). */
const CLOSED = Symbol('closed');

type Subscriber = { push(event: JobEvent | typeof CLOSED): void; resync(): void };

/**
 * One LISTEN connection per process, fanned out in memory to any number of subscribers. A
 * subscriber gets the events it missed from `job_events` first, then live ones, with no gap and no
 * duplicate: it starts listening before it reads, and drops anything at or below the last id seen.
 */
export class EventHub {
	#subscribers = new Map<string, Set<Subscriber>>();
	#listening: Promise<unknown> | null = null;
	#unlisten: (() => Promise<void>) | null = null;
	#closed = false;

	constructor(
		private readonly sql: Sql,
		private readonly db: Database,
		private readonly log: Logger
	) {}

	/** Starts the LISTEN connection; safe to call more than once. */
	start(): Promise<unknown> {
		this.#listening ??= this.sql
			.listen(
				EVENTS_CHANNEL,
				(message) => this.#dispatch(message),
				// Runs on the first LISTEN and after every reconnect: anything announced while the
				// connection was down is read back from the table.
				() => {
					for (const set of this.#subscribers.values()) for (const s of set) s.resync();
				}
			)
			.then(
				(meta) => {
					this.#unlisten = meta.unlisten;
					return meta;
				},
				(error: unknown) => {
					this.#listening = null; // the next subscriber tries again
					throw error;
				}
			);
		return this.#listening;
	}

	/**
	 * LISTENs again, once the database is back after an outage. postgres.js re-LISTENs by itself
	 * when the connection closes, but if the server is still down after its connect timeout (30 s)
	 * that attempt fails and the channel is dropped for good. The subscribers re-read what they
	 * missed.
	 */
	async relisten(): Promise<void> {
		if (this.#closed || !this.#listening) return;
		const unlisten = this.#unlisten;
		this.#listening = null;
		this.#unlisten = null;
		await unlisten?.().catch(() => {});
		await this.start().catch((error: unknown) =>
			this.log.warn({ err: error }, 'LISTEN failed; the next subscriber tries again')
		);
	}

	async close(): Promise<void> {
		this.#closed = true;
		for (const set of this.#subscribers.values()) for (const s of set) s.push(CLOSED);
		this.#subscribers.clear();
		await this.#unlisten?.().catch(() => {});
	}

	get subscriberCount(): number {
		let n = 0;
		for (const set of this.#subscribers.values()) n += set.size;
		return n;
	}

	#dispatch(message: string) {
		let parsed: ReturnType<typeof parseEvent>;
		try {
			parsed = parseEvent(message);
		} catch {
			this.log.warn({ message }, 'unreadable job event notification');
			return;
		}
		const set = this.#subscribers.get(parsed.jobId);
		if (!set) return;
		for (const s of set) {
			if (isPartial(parsed)) s.resync();
			else s.push(parsed);
		}
	}

	/**
	 * Every event of the job after `afterId` (0 = from the start), replayed then live, ending after
	 * the terminal status event. Stops early when `signal` aborts or the hub closes.
	 */
	async *subscribe(
		jobId: string,
		afterId = 0,
		signal?: AbortSignal
	): AsyncGenerator<JobEvent, void, undefined> {
		if (this.#closed) return;
		let lastId = afterId;
		const queue: (JobEvent | typeof CLOSED)[] = [];
		let wake: (() => void) | null = null;
		let needsResync = true; // the first read is a resync
		const notify = () => {
			wake?.();
			wake = null;
		};
		const subscriber: Subscriber = {
			push(event) {
				queue.push(event);
				notify();
			},
			resync() {
				needsResync = true;
				notify();
			}
		};
		let set = this.#subscribers.get(jobId);
		if (!set) this.#subscribers.set(jobId, (set = new Set()));
		set.add(subscriber);
		const onAbort = () => subscriber.push(CLOSED);
		signal?.addEventListener('abort', onAbort);
		try {
			await this.start();
			while (!signal?.aborted) {
				if (needsResync) {
					needsResync = false;
					// Listening already: whatever commits after this read arrives as a notification.
					for (const event of await readEvents(this.db, jobId, lastId)) {
						if (event.id <= lastId) continue;
						lastId = event.id;
						yield event;
						if (isTerminalEvent(event)) return;
					}
				}
				while (queue.length) {
					const event = queue.shift()!;
					if (event === CLOSED) return;
					// One job's events commit in id order (see lockJob) and NOTIFY delivers in commit
					// order, so live events only need the replayed ones filtered out.
					if (event.id <= lastId) continue;
					lastId = event.id;
					yield event;
					if (isTerminalEvent(event)) return;
				}
				if (!needsResync && !queue.length) await new Promise<void>((r) => (wake = r));
			}
		} finally {
			signal?.removeEventListener('abort', onAbort);
			set.delete(subscriber);
			if (set.size === 0) this.#subscribers.delete(jobId);
		}
	}
}
