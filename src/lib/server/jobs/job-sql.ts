import type { Database } from '../db/client';
import { ANNOUNCE_SQL, EVENT_MESSAGE_SQL } from './events';
import type { JobRow } from './pipeline';

// The two writes every job makes, start and finish. Each is one statement for any number of jobs:
// calls made in the same turn of the event loop (the jobs of one fetched batch, say) go out
// together, so a batch of short jobs costs two statements instead of two per job. In each, the
// UPDATE takes the jobs' row locks, and the event inserted in the same statement gets its id under
// its job's lock, which keeps one job's events in commit order (see lockJob). Rows are matched with
// `id = any(…)`, which the planner serves from the primary key whatever the statistics say (a join
// with the id list can turn into a scan of the table while it is freshly filled); per-job values
// are looked up by the job's position in the id list. Two statements that lock the same jobs in a
// different order (only a stale attempt's claim can overlap another) deadlock at worst; PostgreSQL
// refuses one of them, and its calls are then run one by one (see Coalescer).

const CLAIM_SQL = `
	with j as (
		update document_jobs
		set status = 'processing', attempt = ($2::int[])[array_position($1::uuid[], id)],
			started_at = coalesce(started_at, now())
		where id = any($1::uuid[]) and status in ('pending', 'processing')
			and cancel_requested_at is null
		returning *
	), e as (
		insert into job_events (job_id, type, payload)
		select id, 'status', ($3::text::jsonb) -> (array_position($1::uuid[], id) - 1) from j
		returning id, job_id, ${EVENT_MESSAGE_SQL} as message
	)
	select j.*, ${ANNOUNCE_SQL} from j join e on e.job_id = j.id`;

// A retry's stored checkpoints, read in a statement of their own after its claim. Not in the claim:
// the claim may wait for the previous attempt's last checkpoint transaction to release the row
// lock, and a read in the same statement sees the data as of the statement's start, without that
// checkpoint. A first attempt has none (an attempt's checkpoints need its claim).
const STEPS_SQL = 'select job_id, name, output from job_steps where job_id = any($1::uuid[])';

const COMPLETE_SQL = `
	with j as (
		update document_jobs
		set status = 'completed', completed_at = now(),
			summary = nullif(($3::text::jsonb) -> (array_position($1::uuid[], id) - 1), 'null'::jsonb)
		where id = any($1::uuid[]) and attempt = ($2::int[])[array_position($1::uuid[], id)]
			and status = 'processing'
		returning id, summary
	), e as (
		insert into job_events (job_id, type, payload)
		select id, 'status', case when summary is null then '{"status": "completed"}'::jsonb
			else jsonb_build_object('status', 'completed', 'summary', summary) end
		from j
		returning id, job_id, ${EVENT_MESSAGE_SQL} as message
	)
	select e.job_id as id, ${ANNOUNCE_SQL} from e`;

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
	attempt: number;
	cancel_requested_at: string | Date | null;
	created_at: string | Date;
	started_at: string | Date | null;
	completed_at: string | Date | null;
};

const date = (v: string | Date | null) => (v === null ? null : new Date(v));

type Claimed = { job: JobRow; steps: Map<string, unknown> };
/** `json`: the job's value (event payload, summary) as JSON, serialised by the caller. */
type Request = { jobId: string; attempt: number; json: string };

/**
 * Gathers the calls made in one turn of the event loop and runs them as one statement. If that
 * statement is refused by the database (so nothing of it was written), each call is run again on
 * its own, so one job's bad value fails only that job.
 */
class Coalescer<Req, Res> {
	private queued: { req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }[] = [];

	constructor(private readonly runMany: (reqs: Req[]) => Promise<Res[]>) {}

	add(req: Req): Promise<Res> {
		return new Promise((resolve, reject) => {
			if (!this.queued.length) setImmediate(() => void this.flush());
			this.queued.push({ req, resolve, reject });
		});
	}

	private async flush() {
		const batch = this.queued;
		this.queued = [];
		try {
			const results = await this.runMany(batch.map((b) => b.req));
			batch.forEach((b, i) => b.resolve(results[i]!));
		} catch (error) {
			if (batch.length === 1 || !refusedByDatabase(error)) {
				for (const b of batch) b.reject(error);
				return;
			}
			await Promise.all(
				batch.map((b) =>
					this.runMany([b.req]).then(
						([r]) => b.resolve(r!),
						(e: unknown) => b.reject(e)
					)
				)
			);
		}
	}
}

/**
 * An ERROR PostgreSQL raised for the statement: it was rolled back and the session goes on. Not a
 * lost connection or a FATAL one, after which the statement may have committed.
 */
const refusedByDatabase = (error: unknown) =>
	error instanceof Error &&
	error.name === 'PostgresError' &&
	(error as { severity?: unknown }).severity === 'ERROR';

/** Runs requests for distinct jobs as one statement; a batch naming a job twice goes one by one. */
function distinct<Req extends { jobId: string }, Res>(
	runMany: (reqs: Req[]) => Promise<Res[]>
): (reqs: Req[]) => Promise<Res[]> {
	return async (reqs) => {
		if (new Set(reqs.map((r) => r.jobId)).size === reqs.length) return runMany(reqs);
		const results: Res[] = [];
		for (const r of reqs) results.push(...(await runMany([r])));
		return results;
	};
}

function claimMany(db: Database) {
	return distinct(async (reqs: Request[]): Promise<(Claimed | null)[]> => {
		const rows = await db.$client.unsafe<RawJob[]>(
			CLAIM_SQL,
			[
				reqs.map((r) => r.jobId),
				reqs.map((r) => r.attempt),
				`[${reqs.map((r) => r.json).join(',')}]`
			],
			{ prepare: true }
		);
		const claimed = new Map(rows.map((r) => [r.id, toClaimed(r)]));
		const retries = [...claimed.values()].filter((c) => c.job.attempt > 1);
		if (retries.length) {
			const steps = await db.$client.unsafe<{ job_id: string; name: string; output: unknown }[]>(
				STEPS_SQL,
				[retries.map((c) => c.job.id)],
				{ prepare: true }
			);
			for (const s of steps) claimed.get(s.job_id)!.steps.set(s.name, s.output);
		}
		return reqs.map((req) => claimed.get(req.jobId) ?? null);
	});
}

function completeMany(db: Database) {
	return distinct(async (reqs: Request[]): Promise<boolean[]> => {
		const rows = await db.$client.unsafe<{ id: string }[]>(
			COMPLETE_SQL,
			[
				reqs.map((r) => r.jobId),
				reqs.map((r) => r.attempt),
				`[${reqs.map((r) => r.json).join(',')}]`
			],
			{ prepare: true }
		);
		const done = new Set(rows.map((r) => r.id));
		return reqs.map((r) => done.has(r.jobId));
	});
}

function toClaimed(r: RawJob): Claimed {
	const job: JobRow = {
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
		attempt: r.attempt,
		cancelRequestedAt: date(r.cancel_requested_at),
		createdAt: new Date(r.created_at),
		startedAt: date(r.started_at),
		completedAt: date(r.completed_at)
	};
	return { job, steps: new Map() };
}

const claimers = new WeakMap<Database, Coalescer<Request, Claimed | null>>();
const completers = new WeakMap<Database, Coalescer<Request, boolean>>();

/**
 * Takes the job for this attempt: status `processing`, attempt recorded, a status event with
 * `payload`. Returns the row and the job's stored step outputs, or null when the job has ended or
 * a cancel request waits (the caller then settles it).
 */
export function claimJob(
	db: Database,
	jobId: string,
	attempt: number,
	payload: Record<string, unknown>
): Promise<Claimed | null> {
	let claimer = claimers.get(db);
	if (!claimer) claimers.set(db, (claimer = new Coalescer(claimMany(db))));
	return claimer.add({ jobId, attempt, json: JSON.stringify(payload) });
}

/**
 * Completes the job if this attempt still owns it: status, completion time, summary and the
 * terminal event. False when a newer attempt has taken the job (nothing is written).
 */
export function completeJob(
	db: Database,
	jobId: string,
	attempt: number,
	summary: Record<string, unknown> | null
): Promise<boolean> {
	let completer = completers.get(db);
	if (!completer) completers.set(db, (completer = new Coalescer(completeMany(db))));
	return completer.add({ jobId, attempt, json: JSON.stringify(summary) });
}

/**
 * What a step boundary needs to know of the job, read without a lock: the attempt that owns it,
 * its status and whether a cancel request waits; null when the job row is gone.
 */
export async function readJobState(
	db: Database,
	jobId: string
): Promise<{ attempt: number; status: JobRow['status']; cancelRequested: boolean } | null> {
	const [row] = await db.$client.unsafe<
		{ attempt: number; status: JobRow['status']; cancel_requested: boolean }[]
	>(
		'select attempt, status, cancel_requested_at is not null as cancel_requested from document_jobs where id = $1',
		[jobId],
		{ prepare: true }
	);
	return row
		? { attempt: row.attempt, status: row.status, cancelRequested: row.cancel_requested }
		: null;
}
