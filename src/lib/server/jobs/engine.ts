import type { PgBoss } from 'pg-boss';
import type { DatabaseAvailability } from '../db/availability';
import { createDb, type Database, type Sql, type Tx } from '../db/client';
import type { Logger } from '../log';
import { cancelJob } from './cancel';
import { enqueueJob, type EnqueueRequest } from './enqueue';
import { EventHub } from './hub';
import type { Pipeline } from './pipeline';
import { createBoss, ensureQueues, type QueueSettings } from './queue';
import { startWorkers } from './worker';

export type JobEngineOptions = {
	url: string;
	/** Enqueueing and reads. */
	db: Database;
	/**
	 * What workers write progress with (job rows, events, checkpoints, step effects); by default a
	 * pool of its own with asynchronous commit, see `openRunnerDb`.
	 */
	runnerDb?: Database;
	sql: Sql;
	log: Logger;
	pipelines: Pipeline[];
	queue: QueueSettings;
	/** Run jobs in this process (else it only enqueues and streams events). */
	worker: boolean;
	/** Jobs this process runs at once, per pipeline. */
	concurrency?: number;
	/**
	 * The process's view of the database: while it is down pg-boss's errors (every poll fails) are
	 * logged at debug level only, and once it is back live events are LISTENed for again.
	 */
	availability?: DatabaseAvailability;
};

/*
 * Workers write with `synchronous_commit = off`. Every commit that sends a NOTIFY is serialised
 * by PostgreSQL, so waiting for each one's WAL flush caps the job rate; without the wait the
 * lock is held only briefly. The trade-off is safe here: a PostgreSQL crash can lose at most the
 * last fraction of a second of progress writes, and since a later synchronous commit (pg-boss's
 * own completion of the job, say) flushes all WAL before it, what can be lost is only progress
 * made after the job's last durable point — which a retry simply redoes, checkpoints and step
 * effects together. Enqueueing stays synchronous.
 */

/**
 * The job engine of one process: pg-boss for durable work, the event hub for live progress, and
 * (unless this is a web-only process) the workers that run the pipelines.
 */
export class JobEngine {
	queue: 'running' | 'stopped' = 'stopped';
	private closeRunner: () => Promise<void> | undefined = () => undefined;
	#stopWatching: () => void = () => {};
	worker: 'running' | 'off' | 'draining' = 'off';

	private constructor(
		readonly boss: PgBoss,
		readonly hub: EventHub,
		private readonly options: JobEngineOptions
	) {}

	static async start(options: JobEngineOptions): Promise<JobEngine> {
		const { availability } = options;
		const boss = createBoss(
			options.url,
			options.queue,
			options.log.child({ component: 'queue' }),
			availability
		);
		await boss.start();
		await ensureQueues(
			boss,
			options.pipelines.map((p) => p.name),
			options.queue
		);
		// The hub listens from its first subscriber on, so a worker-only process does not receive
		// (and parse) every job's events for nothing.
		const hub = new EventHub(options.sql, options.db, options.log.child({ component: 'events' }));
		const engine = new JobEngine(boss, hub, options);
		engine.#stopWatching =
			availability?.onChange((state) => {
				if (state === 'up') void hub.relisten();
			}) ?? (() => {});
		engine.queue = 'running';
		if (options.worker) {
			const runner = options.runnerDb
				? null
				: createDb(options.url, {
						max: Math.max(4, Math.min(20, (options.concurrency ?? 4) + 2)),
						name: 'tailor-worker',
						asyncCommit: true
					});
			engine.closeRunner = () => runner?.sql.end({ timeout: 5 });
			await startWorkers({
				db: options.runnerDb ?? runner!.db,
				boss,
				log: options.log.child({ component: 'worker' }),
				pipelines: options.pipelines,
				concurrency: options.concurrency ?? 4,
				retries: options.queue.retries,
				listenNotify: options.queue.listenNotify
			});
			engine.worker = 'running';
		}
		return engine;
	}

	enqueue(request: EnqueueRequest, tx?: Tx) {
		return enqueueJob(this.options.db, this.boss, request, tx);
	}

	cancel(userId: string, jobId: string) {
		return cancelJob(this.options.db, this.boss, userId, jobId);
	}

	/** Live events of a job after `afterId`, replayed then live; see EventHub.subscribe. */
	events(jobId: string, afterId = 0, signal?: AbortSignal) {
		return this.hub.subscribe(jobId, afterId, signal);
	}

	/**
	 * Stops taking jobs, lets running steps finish for up to `timeoutMs`, closes live streams.
	 * A job still running at the timeout is picked up again by another worker (its heartbeat stops).
	 */
	async stop(timeoutMs = 30_000): Promise<void> {
		if (this.queue === 'stopped') return;
		if (this.worker === 'running') this.worker = 'draining';
		this.#stopWatching();
		await this.boss.stop({ graceful: true, timeout: timeoutMs, close: true });
		await this.closeRunner();
		await this.hub.close();
		this.queue = 'stopped';
		if (this.worker === 'draining') this.worker = 'off';
	}
}
