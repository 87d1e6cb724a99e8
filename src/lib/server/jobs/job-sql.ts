import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { announce, ANNOUNCE_SQL, EVENT_MESSAGE_SQL, eventMessage } from './events';
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

/** What a step boundary needs to know of the job: who owns it, its status, a waiting cancel. */
export type JobState = { attempt: number; status: JobRow['status']; cancelRequested: boolean };

// A checkpoint of a step that ran outside a transaction, in one statement (autocommit): it locks
// the job's row, and only if this attempt still owns the job (status `processing`) stores the
// step's output and appends its `step` event, announced with NOTIFY at commit. The event's id is
// drawn after the lock is held (the insert reads its row from the locked CTE), which keeps one
// job's events in commit order, as `lockJob` does for a transaction. It returns the job's state as
// of the lock, so the next step boundary knows of a cancel request without a read of its own.
const CHECKPOINT_SQL = `
	with j as (
		select id, attempt, status, cancel_requested_at is not null as cancel_requested
		from document_jobs where id = $1 for update
	), s as (
		insert into job_steps (job_id, name, output, attempt, duration_ms)
		select id, $3, nullif($4::text::jsonb, 'null'::jsonb), $2, $5 from j
		where attempt = $2 and status = 'processing'
		returning job_id
	), e as (
		insert into job_events (job_id, type, payload)
		select job_id, 'step', $6::text::jsonb from s
		returning id, job_id, ${EVENT_MESSAGE_SQL} as message
	)
	select j.attempt, j.status, j.cancel_requested, (select count(${ANNOUNCE_SQL}) from e) as events
	from j`;

export type Checkpoint = {
	jobId: string;
	attempt: number;
	name: string;
	output: unknown;
	durationMs: number;
	/** The `step` event's payload. */
	event: Record<string, unknown>;
};

const checkpointParams = (c: Checkpoint) => [
	c.jobId,
	c.attempt,
	c.name,
	JSON.stringify(c.output ?? null),
	c.durationMs,
	JSON.stringify(c.event)
];

/**
 * Stores a step's checkpoint with its event if this attempt still owns the job, in one statement.
 * Returns the job's state as the statement found it (null when the row is gone); when its attempt
 * or status is not this attempt's `processing`, nothing was written.
 */
export async function writeCheckpoint(db: Database, c: Checkpoint): Promise<JobState | null> {
	const [row] = await db.$client.unsafe<
		{ attempt: number; status: JobRow['status']; cancel_requested: boolean }[]
	>(CHECKPOINT_SQL, checkpointParams(c), { prepare: true });
	return row
		? { attempt: row.attempt, status: row.status, cancelRequested: row.cancel_requested }
		: null;
}

/** The checkpoint and its event, in a transaction that holds the job's row lock (see `lockJob`). */
export async function writeCheckpointLocked(tx: Executor, c: Checkpoint): Promise<void> {
	await tx.execute(sql`
		with s as (
			insert into job_steps (job_id, name, output, attempt, duration_ms)
			values (${c.jobId}, ${c.name}, nullif(${JSON.stringify(c.output ?? null)}::text::jsonb,
				'null'::jsonb), ${c.attempt}, ${c.durationMs})
			returning job_id
		), e as (
			insert into job_events (job_id, type, payload)
			select job_id, 'step', ${JSON.stringify(c.event)}::text::jsonb from s
			returning id, job_id, ${eventMessage} as message
		)
		select count(${announce}) from e`);
}

// A phase change or a highlight of an attempt outside a transaction, in one statement: the UPDATE
// takes the job's row lock and writes only if this attempt owns the job (for a phase change, also
// only if no cancel request waits), and the event, inserted from its result, gets its id under
// that lock. It returns how many events it announced: 0 when nothing was written. `set` writes $3
// into the row; the event of `type` carries $4.
const fencedEventSql = (set: string, type: string, alsoWhen = '') => `
	with j as (
		update document_jobs set ${set}
		where id = $1 and attempt = $2 and status = 'processing'${alsoWhen}
		returning id
	), e as (
		insert into job_events (job_id, type, payload)
		select id, '${type}', $4::text::jsonb from j
		returning id, job_id, ${EVENT_MESSAGE_SQL} as message
	)
	select count(${ANNOUNCE_SQL})::int as events from e`;

const PHASE_SQL = fencedEventSql('phase = $3', 'phase', ' and cancel_requested_at is null');
const HIGHLIGHT_SQL = fencedEventSql('highlights = highlights || $3::text::jsonb', 'highlight');

async function written(db: Database, query: string, params: (string | number)[]) {
	const [row] = await db.$client.unsafe<{ events: number }[]>(query, params, { prepare: true });
	return row!.events > 0;
}

/**
 * Enters a phase (the job's `phase` and its `phase` event) if this attempt owns the job and no
 * cancel request waits, in one statement. False when nothing was written: the caller then finds
 * out why under the row lock.
 */
export function enterPhase(
	db: Database,
	jobId: string,
	attempt: number,
	phase: string,
	payload: Record<string, unknown>
): Promise<boolean> {
	return written(db, PHASE_SQL, [jobId, attempt, phase, JSON.stringify(payload)]);
}

/** Adds a highlight with its event if this attempt owns the job, in one statement; else false. */
export function addHighlightFenced(
	db: Database,
	jobId: string,
	attempt: number,
	text: string
): Promise<boolean> {
	return written(db, HIGHLIGHT_SQL, [
		jobId,
		attempt,
		JSON.stringify([text]),
		JSON.stringify({ text })
	]);
}
