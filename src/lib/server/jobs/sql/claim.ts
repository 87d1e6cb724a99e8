import type { StatusPayload } from '../../../schemas/jobs';
import type { Database } from '../../db/client';
import type { JobRow } from '../pipeline';
import { Coalescer } from './coalescer';
import { ANNOUNCE, insertEvents } from './event';
import { run } from './run';

// Takes jobs for an attempt: status `processing`, the attempt number, a `status` event. One
// statement for any number of jobs: the claims made in one turn of the event loop go out together
// (see Coalescer), so a fetched batch of short jobs costs one statement. The UPDATE takes the rows'
// locks and each event gets its id under its job's lock. Rows are matched with `id = any(…)`, which
// the planner serves from the primary key whatever the statistics say (a join with the id list can
// turn into a scan of the table while it is freshly filled); per-job values are looked up by the
// job's position in the id list. Two statements that lock the same jobs in a different order (only
// a stale attempt's claim can overlap another) deadlock at worst; PostgreSQL refuses one of them,
// and its calls are then run one by one.
const CLAIM = `
	with j as (
		update document_jobs
		set status = 'processing', attempt = ($2::int[])[array_position($1::uuid[], id)],
			started_at = coalesce(started_at, now())
		where id = any($1::uuid[]) and status in ('pending', 'processing')
			and cancel_requested_at is null
		returning *
	), ${insertEvents(`select id, 'status', ($3::text::jsonb) -> (array_position($1::uuid[], id) - 1) from j`)}
	select j.*, ${ANNOUNCE} from j join e on e.job_id = j.id`;

// A retry's stored checkpoints, read in a statement of its own after its claim. Not in the claim:
// the claim may wait for the previous attempt's last checkpoint transaction to release the row
// lock, and a read in the same statement sees the data as of the statement's start, without that
// checkpoint. A first attempt has none (an attempt's checkpoints need its claim).
const STEPS = 'select job_id, name, output from job_steps where job_id = any($1::uuid[])';

type RawJob = {
	id: string;
	user_id: string;
	job_type: string;
	status: JobRow['status'];
	phase: string | null;
	highlights: string[];
	input: Record<string, unknown>;
	error: string | null;
	summary: Record<string, unknown> | null;
	opportunity_id: string | null;
	tailored_profile_id: string | null;
	api_key_id: string | null;
	attempt: number;
	cancel_requested_at: string | null;
	created_at: string;
	started_at: string | null;
	completed_at: string | null;
};

const date = (v: string | null) => (v === null ? null : new Date(v));

const toJob = (r: RawJob): JobRow => ({
	id: r.id,
	userId: r.user_id,
	jobType: r.job_type,
	status: r.status,
	phase: r.phase,
	highlights: r.highlights,
	input: r.input,
	error: r.error,
	summary: r.summary,
	opportunityId: r.opportunity_id,
	tailoredProfileId: r.tailored_profile_id,
	apiKeyId: r.api_key_id,
	attempt: r.attempt,
	cancelRequestedAt: date(r.cancel_requested_at),
	createdAt: new Date(r.created_at),
	startedAt: date(r.started_at),
	completedAt: date(r.completed_at)
});

/** A claimed job and its stored step outputs (by step name; none on a first attempt). */
export type Claimed = { job: JobRow; steps: Map<string, unknown> };
type Request = { jobId: string; attempt: number; payload: string };

const claimMany =
	(db: Database) =>
	async (reqs: Request[]): Promise<(Claimed | null)[]> => {
		const ids = reqs.map((r) => r.jobId);
		const rows = await run<RawJob>(db, CLAIM, [
			ids,
			reqs.map((r) => r.attempt),
			`[${reqs.map((r) => r.payload).join(',')}]`
		]);
		const claimed = new Map(rows.map((r) => [r.id, { job: toJob(r), steps: new Map() }]));
		const retries = rows.filter((r) => r.attempt > 1).map((r) => r.id);
		if (retries.length)
			for (const s of await run<{ job_id: string; name: string; output: unknown }>(db, STEPS, [
				retries
			]))
				claimed.get(s.job_id)!.steps.set(s.name, s.output);
		return ids.map((id) => claimed.get(id) ?? null);
	};

const claimers = new WeakMap<Database, Coalescer<Request, Claimed | null>>();

/**
 * Takes the job for this attempt: status `processing`, attempt recorded, a status event with
 * `payload`. Returns the row and the job's stored step outputs, or null when the job has ended or
 * a cancel request waits.
 */
export function claimJob(
	db: Database,
	jobId: string,
	attempt: number,
	payload: StatusPayload
): Promise<Claimed | null> {
	let claimer = claimers.get(db);
	if (!claimer) claimers.set(db, (claimer = new Coalescer(claimMany(db))));
	return claimer.add({ jobId, attempt, payload: JSON.stringify(payload) });
}
