import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../db/client';
import { documentJobs } from '../db/schema';
import type { Logger } from '../log';
import { appendEvent, lockJob, TERMINAL_STATUSES } from './events';
import {
	addHighlightFenced,
	claimJob,
	completeJob,
	enterPhase,
	writeCheckpoint,
	writeCheckpointLocked,
	type Checkpoint,
	type JobState
} from './job-sql';
import type { JobRow, Pipeline, StepContext } from './pipeline';

/** Which process ran an attempt, for operators reading a job's events. */
const WORKER_ID = `${hostname()}:${process.pid}`;

export type RunOutcome = 'completed' | 'cancelled' | 'skipped' | 'superseded';

/** A newer attempt owns the job: this one stops without writing anything more. */
class Superseded extends Error {}

/**
 * Runs one attempt of a job through its pipeline. Finished steps return their checkpointed output
 * and do not run again; each new checkpoint, phase change, highlight and status change is written
 * with its event in one transaction. Throws when a step throws (pg-boss then retries or fails it).
 */
export async function runJob(options: {
	db: Database;
	log: Logger;
	pipeline: Pipeline;
	jobId: string;
	/** pg-boss's retry count + 1. */
	attempt: number;
	signal: AbortSignal;
	/** Called with each step's runner time minus step time, for the overhead benchmark. */
	onStepTiming?: (step: string, stepMs: number, totalMs: number) => void;
}): Promise<RunOutcome> {
	const { db, pipeline, jobId, attempt, signal } = options;
	// The job's child logger is made only when something logs: most jobs never do.
	let jobLog: Logger | undefined;
	const log = () => (jobLog ??= options.log.child({ jobId, job: pipeline.name, attempt }));

	// Take ownership: from here on, writes of an older attempt are refused (see `guarded`).
	const claimed = await claimJob(db, jobId, attempt, {
		status: 'processing',
		attempt,
		worker: WORKER_ID
	});
	if (!claimed) {
		// Ended already, or a cancel request is waiting: settle that under the row lock.
		await db.transaction(async (tx) => {
			const row = await lockJob(tx, jobId);
			if (row && !TERMINAL_STATUSES.includes(row.status) && row.cancelRequestedAt) {
				await finish(tx, row, 'cancelled', {});
			}
		});
		return 'skipped';
	}
	const { job, steps: done } = claimed;

	/** A transaction that first checks this attempt still owns the job. */
	const guarded = <T>(fn: (tx: Tx, row: JobRow) => Promise<T>) =>
		db.transaction(async (tx) => {
			const row = await lockJob(tx, jobId);
			if (!row || row.attempt !== attempt || row.status !== 'processing') throw new Superseded();
			return fn(tx, row);
		});

	const outputs: Record<string, unknown> = {};
	const ctx: StepContext = {
		job,
		userId: job.userId,
		input: job.input,
		outputs,
		attempt,
		db,
		get log() {
			return log();
		},
		signal,
		highlight: async (text) => {
			if (!(await addHighlightFenced(db, jobId, attempt, text))) throw new Superseded();
		}
	};

	try {
		let phase = job.phase;
		// The job as the claim found it: this attempt's, and no cancel request waiting.
		let state: JobState = { attempt, status: 'processing', cancelRequested: false };
		for (const p of pipeline.phases) {
			for (const step of p.steps) {
				if (step.skip?.(ctx)) continue;
				if (done.has(step.name)) {
					outputs[step.name] = done.get(step.name);
					continue;
				}
				// A step boundary: honour a cancel request, enter the step's phase. What the last write
				// (the claim, or the previous step's checkpoint) found of the job tells whether a cancel
				// request waits; a phase change is one statement that writes only if none does and this
				// attempt owns the job. Otherwise the row lock settles it: cancel, or superseded.
				const settled =
					!state.cancelRequested &&
					(phase === p.name ||
						(await enterPhase(db, jobId, attempt, p.name, { phase: p.name, ticker: p.ticker })));
				const stop =
					!settled &&
					(await guarded(async (tx, row) => {
						if (row.cancelRequestedAt) {
							await finish(tx, row, 'cancelled', {});
							return true;
						}
						if (phase !== p.name) {
							await tx
								.update(documentJobs)
								.set({ phase: p.name })
								.where(eq(documentJobs.id, jobId));
							await appendEvent(tx, jobId, 'phase', { phase: p.name, ticker: p.ticker });
						}
						return false;
					}));
				if (stop) return 'cancelled';
				state = { attempt, status: 'processing', cancelRequested: false };
				phase = p.name;
				if (signal.aborted)
					throw new Error('the worker lost this job (it expired or the worker is stopping)');

				const started = performance.now();
				const checkpoint = (output: unknown, stepMs: number): Checkpoint => {
					const durationMs = Math.round(stepMs);
					return {
						jobId,
						attempt,
						name: step.name,
						output,
						durationMs,
						event: { name: step.name, phase: p.name, durationMs }
					};
				};
				let output: unknown;
				let stepMs: number;
				if (step.transactional) {
					// The step's effects and its checkpoint commit together, under the row lock.
					let cancelRequested: boolean;
					[output, stepMs, cancelRequested] = await guarded(async (tx, row) => {
						const t0 = performance.now();
						// Inside this transaction the job row is locked, so highlights go through it too.
						const highlight = (text: string) => addHighlight(tx, jobId, text);
						const out = await step.run({ ...ctx, highlight, tx });
						const ms = performance.now() - t0;
						await writeCheckpointLocked(tx, checkpoint(out, ms));
						return [out, ms, !!row.cancelRequestedAt] as const;
					});
					state = { attempt, status: 'processing', cancelRequested };
				} else {
					output = await step.run(ctx);
					stepMs = performance.now() - started;
					// One statement: checks that this attempt owns the job, stores the checkpoint with its
					// event, and reports a waiting cancel request for the next boundary.
					const found = await writeCheckpoint(db, checkpoint(output, stepMs));
					if (!found || found.attempt !== attempt || found.status !== 'processing')
						throw new Superseded();
					state = found;
				}
				outputs[step.name] = output ?? null;
				options.onStepTiming?.(step.name, stepMs, performance.now() - started);
			}
		}
		const summary = pipeline.summary?.(outputs) ?? null;
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

async function addHighlight(tx: Executor, jobId: string, text: string) {
	await tx
		.update(documentJobs)
		.set({ highlights: sql`${documentJobs.highlights} || ${JSON.stringify([text])}::jsonb` })
		.where(eq(documentJobs.id, jobId));
	await appendEvent(tx, jobId, 'highlight', { text });
}

/** Marks a job terminal and appends its terminal status event, in the caller's transaction. */
export async function finish(
	tx: Tx,
	row: JobRow,
	status: 'completed' | 'failed' | 'cancelled',
	extra: { summary?: Record<string, unknown>; error?: string }
) {
	await tx
		.update(documentJobs)
		.set({
			status,
			completedAt: new Date(),
			...(extra.summary ? { summary: extra.summary } : {}),
			...(extra.error ? { error: extra.error } : {})
		})
		.where(eq(documentJobs.id, row.id));
	await appendEvent(tx, row.id, 'status', {
		status,
		...(extra.summary ? { summary: extra.summary } : {}),
		...(extra.error ? { error: extra.error } : {})
	});
}
