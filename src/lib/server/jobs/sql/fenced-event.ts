import type { PhasePayload } from '../../../schemas/jobs';
import type { Executor } from '../../db/client';
import { ANNOUNCE, insertEvents } from './event';
import { run } from './run';

// An event of a running attempt, in one statement: the UPDATE takes the job's row lock and writes
// only if this attempt owns the job (for a phase change, also only if no cancel request waits),
// and the event, inserted from its result, gets its id under that lock. It returns how many events
// it announced: 0 when nothing was written. `set` writes $3 into the row and the event carries $4;
// without `set` the row is left as it is and the event carries $3.
const fenced = (type: string, set?: string, alsoWhen = '') => `
	with j as (
		update document_jobs set ${set ?? 'attempt = attempt'}
		where id = $1 and attempt = $2 and status = 'processing'${alsoWhen}
		returning id
	), ${insertEvents(`select id, '${type}', ${set ? '$4' : '$3'}::text::jsonb from j`)}
	select count(${ANNOUNCE})::int as events from e`;

const PHASE = fenced('phase', 'phase = $3', ' and cancel_requested_at is null');
const HIGHLIGHT = fenced('highlight', 'highlights = highlights || $3::text::jsonb');
const STATUS = fenced('status');

async function written(ex: Executor, text: string, params: (string | number)[]) {
	const [row] = await run<{ events: number }>(ex, text, params);
	return row!.events > 0;
}

/**
 * Enters a phase (the job's `phase` and its `phase` event) if this attempt owns the job and no
 * cancel request waits. False when nothing was written.
 */
export function enterPhase(
	ex: Executor,
	jobId: string,
	attempt: number,
	phase: string,
	payload: PhasePayload
): Promise<boolean> {
	return written(ex, PHASE, [jobId, attempt, phase, JSON.stringify(payload)]);
}

/** Adds a highlight with its event if this attempt owns the job; else false. */
export function addHighlight(
	ex: Executor,
	jobId: string,
	attempt: number,
	text: string
): Promise<boolean> {
	return written(ex, HIGHLIGHT, [jobId, attempt, JSON.stringify([text]), JSON.stringify({ text })]);
}

/** Says that this attempt failed with `error` and the job will be retried, if the attempt owns it. */
export function announceRetry(
	ex: Executor,
	jobId: string,
	attempt: number,
	error: string
): Promise<boolean> {
	const payload = { status: 'processing', attempt, retrying: true, error };
	return written(ex, STATUS, [jobId, attempt, JSON.stringify(payload)]);
}
