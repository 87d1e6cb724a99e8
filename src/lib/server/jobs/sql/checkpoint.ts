import type { StepPayload } from '../../../schemas/jobs';
import type { Executor } from '../../db/client';
import { ANNOUNCE, insertEvents } from './event';
import { run, type JobState } from './run';

// A step's checkpoint in one statement: it locks the job's row (a no-op inside a transaction that
// holds it already), and only if this attempt still owns the job (status `processing`) stores the
// step's output and appends its `step` event, announced with NOTIFY at commit. It returns the
// job's state as of the lock, so the next step boundary knows of a cancel request without a read
// of its own.
const CHECKPOINT = `
	with j as (
		select id, attempt, status, cancel_requested_at is not null as cancel_requested
		from document_jobs where id = $1 for update
	), s as (
		insert into job_steps (job_id, name, output, attempt, duration_ms)
		select id, $3, nullif($4::text::jsonb, 'null'::jsonb), $2, $5 from j
		where attempt = $2 and status = 'processing'
		returning job_id
	), ${insertEvents(`select job_id, 'step', $6::text::jsonb from s`)}
	select j.attempt, j.status, j.cancel_requested, (select count(${ANNOUNCE}) from e) as events
	from j`;

export type Checkpoint = {
	jobId: string;
	attempt: number;
	name: string;
	output: unknown;
	durationMs: number;
	/** The `step` event's payload. */
	event: StepPayload;
};

/**
 * Stores a step's checkpoint with its event if this attempt still owns the job. Returns the job's
 * state as the statement found it (null when the row is gone); when its attempt or status is not
 * this attempt's `processing`, nothing was written.
 */
export async function writeCheckpoint(ex: Executor, c: Checkpoint): Promise<JobState | null> {
	const [row] = await run<{ attempt: number; status: string; cancel_requested: boolean }>(
		ex,
		CHECKPOINT,
		[
			c.jobId,
			c.attempt,
			c.name,
			JSON.stringify(c.output ?? null),
			c.durationMs,
			JSON.stringify(c.event)
		]
	);
	return row
		? { attempt: row.attempt, status: row.status, cancelRequested: row.cancel_requested }
		: null;
}
