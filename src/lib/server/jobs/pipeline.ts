import type { Database, Executor } from '../db/client';
import type { documentJobs } from '../db/schema';
import type { Logger } from '../log';

export type JobRow = typeof documentJobs.$inferSelect;

export type StepContext = {
	job: JobRow;
	userId: string;
	input: Record<string, unknown>;
	/** Outputs of the steps before this one (stored checkpoints on a retry). */
	outputs: Record<string, unknown>;
	/** 1 for the first attempt. */
	attempt: number;
	db: Database;
	log: Logger;
	/** Aborted when the worker loses the job (expiry, shutdown timeout). */
	signal: AbortSignal;
	/** Shows a short fact live ("Found 7 talking points"). */
	highlight(text: string): Promise<void>;
};

/** A step of a `transactional` kind runs inside the transaction that stores its checkpoint. */
export type TransactionalStepContext = StepContext & { tx: Executor };

export type Step =
	| {
			name: string;
			/** Left out of this run when it returns true. */
			skip?: (ctx: StepContext) => boolean;
			transactional?: false;
			run(ctx: StepContext): Promise<unknown>;
	  }
	| {
			name: string;
			skip?: (ctx: StepContext) => boolean;
			/**
			 * Writes its effects and its checkpoint atomically: a crash mid-step leaves neither, so the
			 * retry runs it once more and its effects happen exactly once.
			 */
			transactional: true;
			run(ctx: TransactionalStepContext): Promise<unknown>;
	  };

export type Phase = {
	name: string;
	/** Rotating messages the UI shows while the phase runs. */
	ticker: string[];
	steps: Step[];
};

export type Pipeline = {
	/** The `job_type` and the pg-boss queue. */
	name: string;
	phases: Phase[];
	/**
	 * Jobs taken per fetch (default 1). Only for pipelines of short jobs: a batch's loop fetches
	 * again once all of the batch has ended.
	 */
	batchSize?: number;
	/** Per-user concurrency for this pipeline's jobs; unlimited when unset. */
	userConcurrency?: number;
	/** What the completed job's `summary` holds, from the steps' outputs. */
	summary?: (outputs: Record<string, unknown>) => Record<string, unknown> | null;
	/** Runs once when the job has failed for good (after its last retry), before it is marked failed. */
	onFailure?: (ctx: { job: JobRow; db: Database; log: Logger; error: string }) => Promise<void>;
};

/** Thrown by a step for a failure that a retry cannot fix; the job fails at once. */
export class PermanentJobError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PermanentJobError';
	}
}
