import type { Job, JobResult, PgBoss, WorkOptions } from 'pg-boss';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import type { JobData } from './enqueue';
import { isTerminalStatus } from '../../schemas/jobs';
import { PermanentJobError, type Pipeline } from './pipeline';
import { DEAD_LETTER_QUEUE } from './queue';
import { runJob } from './runner';
import { announceRetry } from './sql/fenced-event';
import { finish } from './sql/finish';

export type WorkerOptions = {
	db: Database;
	boss: PgBoss;
	log: Logger;
	pipelines: Pipeline[];
	/** Jobs this process runs at once, per pipeline. */
	concurrency: number;
	/** The queues' retry limit: an attempt with this many retries behind it is the last. */
	retries: number;
	/** false: pg-boss's default polling (the benchmark's baseline), no LISTEN/NOTIFY settings. */
	listenNotify?: boolean;
};

export const readableError = (error: unknown): string => {
	const message = error instanceof Error ? error.message : String(error);
	return (message || 'Unknown error').slice(0, 1000);
};

/**
 * Marks a job failed for good: the pipeline's on-failure hook runs, then the row gets its error
 * and the terminal event. Does nothing to a job that has already ended.
 */
export async function failJob(
	db: Database,
	log: Logger,
	pipeline: Pipeline | undefined,
	jobId: string,
	error: string
): Promise<void> {
	const row = await db.query.documentJobs.findFirst({ where: (j, { eq }) => eq(j.id, jobId) });
	if (!row || isTerminalStatus(row.status)) return;
	try {
		await pipeline?.onFailure?.({ job: row, db, log, error });
	} catch (hookError) {
		log.error({ err: hookError, jobId }, 'on-failure hook failed');
	}
	await finish(db, jobId, 'failed', { error });
}

/** Registers the pipelines with pg-boss; this process then runs their jobs. */
export async function startWorkers(options: WorkerOptions): Promise<void> {
	const { db, boss, log, pipelines } = options;
	const byName = new Map(pipelines.map((p) => [p.name, p]));

	for (const pipeline of pipelines) {
		// Jobs of a pipeline are fetched `batchSize` at a time by `loops` pg-boss worker loops, so
		// that `concurrency` jobs run at once. A long job holds its loop until it ends, hence the
		// default of one job per fetch; a pipeline of short jobs fetches in batches, which saves
		// pg-boss round trips. NOTIFY wakes the loops for new jobs; while pg-boss's cached count
		// says jobs are ready (or a batch came back full) they fetch back to back, so a backlog
		// drains without polling delays; otherwise they poll each second, which also finds retries
		// whose backoff has passed.
		const batchSize = Math.max(1, Math.min(pipeline.batchSize ?? 1, options.concurrency));
		const loops = Math.max(1, Math.ceil(options.concurrency / batchSize));
		const polling =
			options.listenNotify === false
				? {}
				: {
						pollingIntervalSeconds: 1,
						notifyPollingIntervalSeconds: 1,
						burstWhenReadyExceeds: 1,
						burstWhenBatchFull: batchSize > 1
					};
		const runOne = async (job: Job<JobData>): Promise<JobResult> => {
			try {
				await handle(pipeline, job, job.retryCount >= options.retries);
				return { id: job.id, status: 'completed' };
			} catch (error) {
				return { id: job.id, status: 'failed', output: { message: readableError(error) } };
			}
		};
		await boss.work<JobData, never, WorkOptions & { perJobResults: true }>(
			pipeline.name,
			{
				perJobResults: true,
				batchSize,
				localConcurrency: loops,
				...(pipeline.userConcurrency ? { groupConcurrency: pipeline.userConcurrency } : {}),
				...polling
			},
			(jobs) => Promise.all(jobs.map(runOne))
		);
	}

	// A job that failed its last attempt without the handler seeing it (its worker was killed)
	// arrives here; its row is marked failed so the user is not left watching a dead job.
	await boss.work<JobData>(DEAD_LETTER_QUEUE, { batchSize: 10 }, async (jobs) => {
		for (const job of jobs) {
			const row = await db.query.documentJobs.findFirst({
				where: (j, { eq }) => eq(j.id, job.data.jobId)
			});
			if (!row) continue;
			await failJob(
				db,
				log,
				byName.get(row.jobType),
				row.id,
				'The job stopped after its last attempt: the worker running it stopped responding.'
			);
		}
	});

	async function handle(pipeline: Pipeline, job: Job<JobData>, lastAttempt: boolean) {
		const { jobId } = job.data;
		const attempt = job.retryCount + 1;
		try {
			await runJob({ db, log, pipeline, jobId, attempt, signal: job.signal });
		} catch (error) {
			const message = readableError(error);
			const permanent = error instanceof PermanentJobError;
			if (lastAttempt || permanent) {
				log.warn({ jobId, attempt, err: error }, 'job failed');
				await failJob(db, log, pipeline, jobId, message);
				if (permanent) return; // nothing to retry; pg-boss records the attempt as done
			} else {
				log.info({ jobId, attempt, error: message }, 'job attempt failed; it will be retried');
				await announceRetry(db, jobId, attempt, message);
			}
			throw error;
		}
	}
}
