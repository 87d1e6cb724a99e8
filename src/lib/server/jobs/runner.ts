import { hostname } from 'node:os';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import { lockJob } from './events';
import { Outputs, type Phase, type Pipeline, type Step, type StepContext } from './pipeline';
import { writeCheckpoint } from './sql/checkpoint';
import { claimJob } from './sql/claim';
import { completeJob } from './sql/complete';
import { addHighlight, enterPhase } from './sql/fenced-event';
import { finish } from './sql/finish';
import type { JobState } from './sql/run';

/** Which process ran an attempt, for operators reading a job's events. */
const WORKER_ID = `${hostname()}:${process.pid}`;

export type RunOutcome = 'completed' | 'cancelled' | 'skipped' | 'superseded';

/** A newer attempt owns the job: this one stops without writing anything more. */
class Superseded extends Error {}

/** This attempt still owns the job, as the last write (claim or checkpoint) found it. */
const owned = <S extends { attempt: number; status: string }>(
	state: S | null,
	attempt: number
): state is S => !!state && state.attempt === attempt && state.status === 'processing';

type Attempt = {
	db: Database;
	jobId: string;
	attempt: number;
	signal: AbortSignal;
	outputs: Outputs;
	ctx: StepContext;
	/** The phase the job is in, and whether the last write found a cancel request waiting. */
	phase: string | null;
	cancelRequested: boolean;
};

/**
 * Runs one attempt of a job through its pipeline: the claim, then for each step a boundary (cancel,
 * phase) and the step with its checkpoint, then the completion. Finished steps return their
 * checkpointed output and do not run again. Every write is fenced by the attempt, so an attempt a
 * newer one has replaced writes nothing. Throws when a step throws (pg-boss then retries or fails
 * the job).
 */
export async function runJob(options: {
	db: Database;
	log: Logger;
	pipeline: Pipeline;
	jobId: string;
	/** pg-boss's retry count + 1. */
	attempt: number;
	signal: AbortSignal;
}): Promise<RunOutcome> {
	const { db, pipeline, jobId, attempt } = options;
	const claimed = await claim(db, jobId, attempt);
	if (!claimed) return 'skipped';
	// The job's child logger is made only when something logs: most jobs never do.
	let jobLog: Logger | undefined;
	const log = () => (jobLog ??= options.log.child({ jobId, job: pipeline.name, attempt }));
	const outputs = new Outputs();
	const run: Attempt = {
		db,
		jobId,
		attempt,
		signal: options.signal,
		outputs,
		phase: claimed.job.phase,
		cancelRequested: false,
		ctx: {
			job: claimed.job,
			userId: claimed.job.userId,
			input: claimed.job.input,
			attempt,
			db,
			get log() {
				return log();
			},
			signal: options.signal,
			highlight: async (text) => {
				if (!(await addHighlight(db, jobId, attempt, text))) throw new Superseded();
			},
			get: (step) => step.get(outputs)
		}
	};
	try {
		for (const step of pipeline.steps) {
			if (claimed.steps.has(step.name)) {
				step.restore(outputs, claimed.steps.get(step.name));
				continue;
			}
			if ((await boundary(run, step.phase)) === 'cancelled') return 'cancelled';
			await runStep(run, step);
		}
		const summary = pipeline.summary?.((step) => step.get(outputs)) ?? null;
		if (!(await completeJob(db, jobId, attempt, summary))) throw new Superseded();
		return 'completed';
	} catch (error) {
		if (error instanceof Superseded) {
			log().warn('a newer attempt owns this job; this attempt stops');
			return 'superseded';
		}
		throw error;
	}
}

/**
 * Takes the job for this attempt. A job it cannot take has ended, or has a cancel request waiting:
 * that is settled here (null: there is nothing to run).
 */
async function claim(db: Database, jobId: string, attempt: number) {
	const claimed = await claimJob(db, jobId, attempt, {
		status: 'processing',
		attempt,
		worker: WORKER_ID
	});
	if (!claimed) await finish(db, jobId, 'cancelled');
	return claimed;
}

/**
 * A step boundary: honours a cancel request and enters the step's phase. The last write (the
 * claim, or the previous step's checkpoint) tells whether a cancel request waits; a phase change
 * writes only if none does and this attempt owns the job. If it is refused, or a cancel request
 * was seen, the job is cancelled if this attempt still owns it, else the attempt is superseded.
 */
async function boundary(run: Attempt, phase: Phase): Promise<'go' | 'cancelled'> {
	const { db, jobId, attempt } = run;
	const entered =
		!run.cancelRequested &&
		(run.phase === phase.name ||
			(await enterPhase(db, jobId, attempt, phase.name, {
				phase: phase.name,
				ticker: phase.ticker
			})));
	if (entered) {
		run.phase = phase.name;
		return 'go';
	}
	if (await finish(db, jobId, 'cancelled', { attempt })) return 'cancelled';
	throw new Superseded();
}

/**
 * Runs a step and stores its checkpoint with its event. A transactional step runs in a transaction
 * that holds the job's row lock, so its effects and its checkpoint commit together; the others'
 * checkpoint is one statement of its own.
 */
async function runStep(run: Attempt, step: Step<unknown>): Promise<void> {
	const { db, jobId, attempt, signal, outputs } = run;
	if (signal.aborted)
		throw new Error('the worker lost this job (it expired or the worker is stopping)');
	const checkpoint = (output: unknown, started: number) => {
		const durationMs = Math.round(performance.now() - started);
		const event = { name: step.name, phase: step.phase.name, durationMs };
		return { jobId, attempt, name: step.name, output, durationMs, event };
	};
	let state: JobState | null;
	if (step.transactional) {
		state = await db.transaction(async (tx) => {
			if (!owned(await lockJob(tx, jobId), attempt)) throw new Superseded();
			const started = performance.now();
			const ctx: StepContext = {
				...run.ctx,
				// Inside this transaction the job row is locked, so highlights go through it too.
				highlight: async (text) => void (await addHighlight(tx, jobId, attempt, text))
			};
			const output = await step.run(outputs, { ...ctx, tx });
			return writeCheckpoint(tx, checkpoint(output, started));
		});
	} else {
		const started = performance.now();
		const output = await step.run(outputs, { ...run.ctx, tx: db });
		state = await writeCheckpoint(db, checkpoint(output, started));
	}
	if (!owned(state, attempt)) throw new Superseded();
	run.cancelRequested = state.cancelRequested;
}
