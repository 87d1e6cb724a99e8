import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { announce, eventMessage } from './events';
import type { JobRow } from './pipeline';

// The two writes every job makes, start and finish, each as a single statement (one round trip):
// the UPDATE takes the job's row lock, and the event inserted in the same statement gets its id
// under that lock, which keeps one job's events in commit order (see lockJob).

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
	cancel_requested_at: string | null;
	created_at: string;
	started_at: string | null;
	completed_at: string | null;
	steps: { name: string; output: unknown }[];
};

const date = (v: string | null) => (v === null ? null : new Date(v));

/**
 * Takes the job for this attempt: status `processing`, attempt recorded, a status event. Returns
 * the row and the job's stored step outputs, or null when the job has ended or a cancel request
 * waits (the caller then settles it).
 */
export async function claimJob(
	db: Database,
	jobId: string,
	attempt: number,
	payload: Record<string, unknown>
): Promise<{ job: JobRow; steps: Map<string, unknown> } | null> {
	const rows = await db.execute<RawJob>(sql`
		with j as (
			update document_jobs
			set status = 'processing', attempt = ${attempt}, started_at = coalesce(started_at, now())
			where id = ${jobId} and status in ('pending', 'processing') and cancel_requested_at is null
			returning *
		), e as (
			insert into job_events (job_id, type, payload)
			select id, 'status', ${JSON.stringify(payload)}::jsonb from j
			returning id, job_id, ${eventMessage} as message
		)
		select j.*,
			(select coalesce(json_agg(json_build_object('name', s.name, 'output', s.output)), '[]'::json)
				from job_steps s where s.job_id = j.id) as steps,
			${announce}
		from j, e`);
	const r = rows[0];
	if (!r) return null;
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
	return { job, steps: new Map(r.steps.map((s) => [s.name, s.output])) };
}

/**
 * Completes the job if this attempt still owns it: status, completion time, summary and the
 * terminal event. False when a newer attempt has taken the job (nothing is written).
 */
export async function completeJob(
	db: Database,
	jobId: string,
	attempt: number,
	summary: Record<string, unknown> | null
): Promise<boolean> {
	const payload = JSON.stringify(
		summary ? { status: 'completed', summary } : { status: 'completed' }
	);
	const rows = await db.execute(sql`
		with j as (
			update document_jobs
			set status = 'completed', completed_at = now(), summary = ${summary ? JSON.stringify(summary) : null}::jsonb
			where id = ${jobId} and attempt = ${attempt} and status = 'processing'
			returning id
		), e as (
			insert into job_events (job_id, type, payload)
			select id, 'status', ${payload}::jsonb from j
			returning id, job_id, ${eventMessage} as message
		)
		select ${announce} from e`);
	return rows.length > 0;
}
