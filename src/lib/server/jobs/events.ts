import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { documentJobs, jobEvents, type JobEventType, type JobStatus } from '../db/schema';

/** The NOTIFY channel that carries every appended job event to every process. */
export const EVENTS_CHANNEL = 'tailor_job_events';

export type JobEvent = {
	id: number;
	jobId: string;
	type: JobEventType;
	payload: Record<string, unknown>;
	createdAt: string;
};

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export const isTerminalEvent = (e: Pick<JobEvent, 'type' | 'payload'>) =>
	e.type === 'status' && TERMINAL_STATUSES.includes(e.payload.status as JobStatus);

/**
 * Locks the job's row for the rest of the transaction. Every event append takes this lock first, so
 * one job's events get their ids in commit order and a reader never sees id n+1 before id n.
 */
export async function lockJob(tx: Executor, jobId: string) {
	const [row] = await tx
		.select()
		.from(documentJobs)
		.where(eq(documentJobs.id, jobId))
		.for('update');
	return row ?? null;
}

/**
 * SQL that announces the inserted event rows of the CTE `e` on the events channel. The message
 * carries the whole event when it fits in NOTIFY's 8 kB payload, else only its ids for listeners
 * to read it back.
 */
export const ANNOUNCE_SQL = `pg_notify('${EVENTS_CHANNEL}', case
	when octet_length(e.message) <= 7900 then e.message
	else json_build_object('id', e.id, 'jobId', e.job_id, 'partial', true)::text end)`;

/** The NOTIFY message of an inserted `job_events` row, for a `returning` clause. */
export const EVENT_MESSAGE_SQL = `json_build_object('id', id, 'jobId', job_id, 'type', type, 'payload', payload,
	'createdAt', created_at)::text`;

export const announce = sql.raw(ANNOUNCE_SQL);
export const eventMessage = sql.raw(EVENT_MESSAGE_SQL);

type EventRow = {
	id: string | number;
	job_id: string;
	type: JobEventType;
	payload: Record<string, unknown>;
	created_at: string | Date;
};

const fromRow = (r: EventRow): JobEvent => ({
	id: Number(r.id),
	jobId: r.job_id,
	type: r.type,
	payload: r.payload,
	createdAt: new Date(r.created_at).toISOString()
});

/**
 * Appends an event inside the caller's transaction (which must hold `lockJob`) and announces it
 * with NOTIFY, delivered when that transaction commits — one statement, one round trip.
 */
export async function appendEvent(
	tx: Executor,
	jobId: string,
	type: JobEventType,
	payload: Record<string, unknown>
): Promise<JobEvent> {
	const rows = await tx.execute<EventRow>(sql`
		with e as (
			insert into job_events (job_id, type, payload)
			values (${jobId}, ${type}, ${JSON.stringify(payload)}::jsonb)
			returning id, job_id, type, payload, created_at, ${eventMessage} as message
		)
		select e.id, e.job_id, e.type, e.payload, e.created_at, ${announce} from e`);
	return fromRow(rows[0]!);
}

export type NewJob = {
	id: string;
	userId: string;
	jobType: string;
	input: Record<string, unknown>;
	opportunityId: string | null;
};

/**
 * Inserts a job row with its first event (`pending`) and announces the event, in one statement.
 * A new row is invisible to others until commit, so it needs no lock for its event order.
 */
export async function insertJobWithEvent(tx: Executor, job: NewJob): Promise<void> {
	const pending = JSON.stringify({ status: 'pending' });
	await tx.execute(sql`
		with j as (
			insert into document_jobs (id, user_id, job_type, input, opportunity_id)
			values (${job.id}, ${job.userId}, ${job.jobType}, ${JSON.stringify(job.input)}::jsonb,
				${job.opportunityId})
			returning id
		), e as (
			insert into job_events (job_id, type, payload)
			select j.id, 'status', ${pending}::jsonb from j
			returning id, job_id, ${eventMessage} as message
		)
		select ${announce} from e`);
}

/**
 * Inserts many job rows, each with its first event (`pending`), and announces the events, in one
 * statement: the set-based form of `insertJobWithEvent`.
 */
export async function insertJobsWithEvents(tx: Executor, jobs: NewJob[]): Promise<void> {
	if (!jobs.length) return;
	const rows = jobs.map((j) => ({
		id: j.id,
		user_id: j.userId,
		job_type: j.jobType,
		input: j.input,
		opportunity_id: j.opportunityId
	}));
	const pending = JSON.stringify({ status: 'pending' });
	await tx.execute(sql`
		with j as (
			insert into document_jobs (id, user_id, job_type, input, opportunity_id)
			select r.id, r.user_id, r.job_type, r.input, r.opportunity_id
			from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
				as r(id uuid, user_id text, job_type text, input jsonb, opportunity_id uuid)
			returning id
		), e as (
			insert into job_events (job_id, type, payload)
			select j.id, 'status', ${pending}::jsonb from j
			returning id, job_id, ${eventMessage} as message
		)
		select count(${announce}) from e`);
}

/** A stored event row as the stream carries it. */
export function toJobEvent(row: typeof jobEvents.$inferSelect): JobEvent {
	return {
		id: row.id,
		jobId: row.jobId,
		type: row.type,
		payload: row.payload,
		createdAt: row.createdAt.toISOString()
	};
}
