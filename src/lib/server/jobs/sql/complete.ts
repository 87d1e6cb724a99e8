import type { Database } from '../../db/client';
import { Coalescer } from './coalescer';
import { ANNOUNCE, insertEvents } from './event';
import { run } from './run';

// Completes jobs whose attempt still owns them: status, completion time, summary and the terminal
// event. One statement for the completions of one turn of the event loop, as for claims.
const COMPLETE = `
	with j as (
		update document_jobs
		set status = 'completed', completed_at = now(),
			summary = nullif(($3::text::jsonb) -> (array_position($1::uuid[], id) - 1), 'null'::jsonb)
		where id = any($1::uuid[]) and attempt = ($2::int[])[array_position($1::uuid[], id)]
			and status = 'processing'
		returning id, summary
	), ${insertEvents(`select id, 'status', case when summary is null then '{"status": "completed"}'::jsonb
			else jsonb_build_object('status', 'completed', 'summary', summary) end from j`)}
	select e.job_id as id, ${ANNOUNCE} from e`;

type Request = { jobId: string; attempt: number; summary: string };

const completeMany =
	(db: Database) =>
	async (reqs: Request[]): Promise<boolean[]> => {
		const rows = await run<{ id: string }>(db, COMPLETE, [
			reqs.map((r) => r.jobId),
			reqs.map((r) => r.attempt),
			`[${reqs.map((r) => r.summary).join(',')}]`
		]);
		const done = new Set(rows.map((r) => r.id));
		return reqs.map((r) => done.has(r.jobId));
	};

const completers = new WeakMap<Database, Coalescer<Request, boolean>>();

/**
 * Completes the job if this attempt still owns it. False when a newer attempt has taken the job
 * (nothing is written).
 */
export function completeJob(
	db: Database,
	jobId: string,
	attempt: number,
	summary: Record<string, unknown> | null
): Promise<boolean> {
	let completer = completers.get(db);
	if (!completer) completers.set(db, (completer = new Coalescer(completeMany(db))));
	return completer.add({ jobId, attempt, summary: JSON.stringify(summary) });
}
