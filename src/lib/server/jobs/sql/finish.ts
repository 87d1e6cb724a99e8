import type { Executor } from '../../db/client';
import { ANNOUNCE, insertEvents } from './event';
import { run } from './run';

// Ends an unfinished job as failed or cancelled, with its terminal status event, in one
// statement; with an attempt ($4), only while that attempt owns the job.
const FINISH = `
	with j as (
		update document_jobs set status = $2, completed_at = now(), error = coalesce($3, error)
		where id = $1 and status in ('pending', 'processing')
			and ($4::int is null or (attempt = $4 and status = 'processing'))
		returning id
	), ${insertEvents(`select id, 'status', jsonb_strip_nulls(jsonb_build_object('status', $2::text, 'error', $3::text)) from j`)}
	select count(${ANNOUNCE})::int as events from e`;

/**
 * Marks the job `failed` (with its readable `error`) or `cancelled`, in the caller's transaction
 * or on its own. Does nothing to a job that has ended, nor, given `attempt`, to a job that attempt
 * no longer owns. True when it wrote.
 */
export async function finish(
	ex: Executor,
	jobId: string,
	status: 'failed' | 'cancelled',
	options: { error?: string; attempt?: number } = {}
): Promise<boolean> {
	const [row] = await run<{ events: number }>(ex, FINISH, [
		jobId,
		status,
		options.error ?? null,
		options.attempt ?? null
	]);
	return row!.events > 0;
}
