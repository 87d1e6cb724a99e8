import type { Phase } from '../../schemas/jobs';
import type { Database, Executor } from '../db/client';
import type { documentJobs } from '../db/schema';
import type { Logger } from '../log';

export type { Phase };
export type JobRow = typeof documentJobs.$inferSelect;

/** One attempt's step outputs; each step keeps its own, typed (see `Step.get`). */
export class Outputs {}

export type StepContext = {
	job: JobRow;
	userId: string;
	input: Record<string, unknown>;
	/** 1 for the first attempt. */
	attempt: number;
	db: Database;
	log: Logger;
	/** Aborted when the worker loses the job (expiry, shutdown timeout). */
	signal: AbortSignal;
	/** Shows a short fact live ("Found 7 talking points"). */
	highlight(text: string): Promise<void>;
	/** The output of an earlier step of this pipeline (its stored checkpoint on a retry). */
	get<T>(step: Step<T>): T;
};

/** A step of a `transactional` kind runs inside the transaction that stores its checkpoint. */
export type TransactionalStepContext = StepContext & { tx: Executor };

type Body<T> =
	| { transactional: false; run(ctx: StepContext): Promise<T> }
	| {
			/**
			 * Writes its effects and its checkpoint atomically: a crash mid-step leaves neither, so the
			 * retry runs it once more and its effects happen exactly once.
			 */
			transactional: true;
			run(ctx: TransactionalStepContext): Promise<T>;
	  };

/**
 * A named step of a pipeline, in one of its phases, with an output of type `T` that later steps
 * read with `ctx.get(step)`. Its output is checkpointed as JSON when it finishes.
 */
export class Step<T> {
	readonly #outputs: WeakMap<Outputs, T>;

	constructor(
		readonly name: string,
		readonly phase: Phase,
		readonly body: Body<T>,
		outputs = new WeakMap<Outputs, T>()
	) {
		this.#outputs = outputs;
	}

	get transactional(): boolean {
		return this.body.transactional;
	}

	/** Runs the step (in `ctx.tx` when it is transactional) and keeps its output for the steps after. */
	async run(outputs: Outputs, ctx: TransactionalStepContext): Promise<T> {
		const output = await this.body.run(ctx);
		this.#outputs.set(outputs, output);
		return output;
	}

	/** Keeps the output an earlier attempt of this step stored in its checkpoint. */
	restore(outputs: Outputs, stored: unknown): void {
		// The checkpoint is the JSON of what this same step returned then.
		this.#outputs.set(outputs, stored as T);
	}

	get(outputs: Outputs): T {
		if (!this.#outputs.has(outputs)) throw new Error(`step ${this.name} has not run yet`);
		return this.#outputs.get(outputs)!;
	}

	/**
	 * The same step, its output read through the same handle, with its code wrapped: `around` gets
	 * the context and the step's own run, to record when it starts, say.
	 */
	wrap(around: (ctx: StepContext, run: () => Promise<T>) => Promise<T>): Step<T> {
		const b = this.body;
		const body: Body<T> = b.transactional
			? { transactional: true, run: (ctx) => around(ctx, () => b.run(ctx)) }
			: { transactional: false, run: (ctx) => around(ctx, () => b.run(ctx)) };
		return new Step(this.name, this.phase, body, this.#outputs);
	}
}

export type Pipeline = {
	/** The `job_type` and the pg-boss queue. */
	name: string;
	phases: Phase[];
	/** In the order they run, each in one of `phases`. */
	steps: Step<unknown>[];
	/**
	 * Jobs taken per fetch (default 1). Only for pipelines of short jobs: a batch's loop fetches
	 * again once all of the batch has ended.
	 */
	batchSize?: number;
	/** Per-user concurrency for this pipeline's jobs; unlimited when unset. */
	userConcurrency?: number;
	/** What the completed job's `summary` holds, from the steps' outputs. */
	summary?: (get: <T>(step: Step<T>) => T) => Record<string, unknown> | null;
	/** Runs once when the job has failed for good (after its last retry), before it is marked failed. */
	onFailure?: (ctx: { job: JobRow; db: Database; log: Logger; error: string }) => Promise<void>;
};

/**
 * Builds a pipeline's step list in the order the steps are declared:
 *
 *     const steps = new Steps();
 *     const posting = steps.add(analyzing, 'extract-requirements', async (ctx) => …);
 *     const points = steps.add(analyzing, 'generate-talking-points', async (ctx) => {
 *       const { requirements } = ctx.get(posting); …
 *     });
 */
export class Steps {
	readonly list: Step<unknown>[] = [];

	add<T>(phase: Phase, name: string, run: (ctx: StepContext) => Promise<T>): Step<T> {
		return this.#push(new Step(name, phase, { transactional: false, run }));
	}

	/** A step whose effects commit with its checkpoint (see `TransactionalStepContext`). */
	addTransactional<T>(
		phase: Phase,
		name: string,
		run: (ctx: TransactionalStepContext) => Promise<T>
	): Step<T> {
		return this.#push(new Step(name, phase, { transactional: true, run }));
	}

	#push<T>(step: Step<T>): Step<T> {
		this.list.push(step);
		return step;
	}
}

/** Thrown by a step for a failure that a retry cannot fix; the job fails at once. */
export class PermanentJobError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PermanentJobError';
	}
}
