import type { Job, PgBoss } from 'pg-boss';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import type { JobData } from './enqueue';
import { appendEvent, lockJob, TERMINAL_STATUSES } from './events';
import { PermanentJobError, type Pipeline } from './pipeline';
import { DEAD_LETTER_QUEUE } from './queue';
import { finish, runJob } from './runner';

export type WorkerOptions = {
	db: Database;
	boss: PgBoss;
	log: Logger;
	pipelines: Pipeline[];
	/** Jobs this process runs at once, per pipeline. */
	concurrency: number;
	/** The queues' retry limit: an attempt with this many retries behind it is the last. */
	retries: number;
	onStepTiming?: (step: string, stepMs: number, totalMs: number) => void;
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
	if (!row || TERMINAL_STATUSES.includes(row.status)) return;
	try {
		await pipeline?.onFailure?.({ job: row, db, log, error });
	} catch (hookError) {
		log.error({ err: hookError, jobId }, 'on-failure hook failed');
	}
	await db.transaction(async (tx) => {
		const locked = await lockJob(tx, jobId);
		if (!locked || TERMINAL_STATUSES.includes(locked.status)) return;
		await finish(tx, locked, 'failed', { error });
	});
}

/** Registers the pipelines with pg-boss; this process then runs their jobs. */
export async function startWorkers(options: WorkerOptions): Promise<void> {
	const { db, boss, log, pipelines } = options;
	const byName = new Map(pipelines.map((p) => [p.name, p]));

	for (const pipeline of pipelines) {
		await boss.work<JobData>(
			pipeline.name,
			{
				batchSize: 1,
				localConcurrency: options.concurrency,
				...(pipeline.userConcurrency ? { groupConcurrency: pipeline.userConcurrency } : {}),
				// NOTIFY wakes workers for new jobs; retries after a backoff are found by this poll.
				pollingIntervalSeconds: 1,
				notifyPollingIntervalSeconds: 1
			},
			async ([job]) => {
				if (!job) return;
				await handle(pipeline, job, job.retryCount >= options.retries);
			}
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
			await runJob({
				db,
				log,
				pipeline,
				jobId,
				attempt,
				signal: job.signal,
				onStepTiming: options.onStepTiming
			});
		} catch (error) {
			const message = readableError(error);
			const permanent = error instanceof PermanentJobError;
			if (lastAttempt || permanent) {
				log.warn({ jobId, attempt, err: error }, 'job failed');
				await failJob(db, log, pipeline, jobId, message);
				if (permanent) return; // nothing to retry; pg-boss records the attempt as done
			} else {
				log.info({ jobId, attempt, error: message }, 'job attempt failed; it will be retried');
				await db.transaction(async (tx) => {
					const row = await lockJob(tx, jobId);
					if (row?.attempt === attempt && row.status === 'processing') {
						await appendEvent(tx, jobId, 'status', {
							status: 'processing',
							attempt,
							retrying: true,
							error: message
						});
					}
				});
			}
			throw error;
		}
	}
}
