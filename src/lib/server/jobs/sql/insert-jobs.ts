import type { Executor } from '../../db/client';
import { ANNOUNCE, insertEvents } from './event';
import { run } from './run';

// New job rows, each with its first event (`pending`), announced, in one statement. A new row is
// invisible to others until commit, so it needs no lock for its event order.
const INSERT = `
	with j as (
		insert into document_jobs (id, user_id, job_type, input, opportunity_id)
		select r.id, r.user_id, r.job_type, r.input, r.opportunity_id
		from jsonb_to_recordset($1::text::jsonb)
			as r(id uuid, user_id text, job_type text, input jsonb, opportunity_id uuid)
		returning id
	), ${insertEvents(`select id, 'status', '{"status": "pending"}'::jsonb from j`)}
	select count(${ANNOUNCE})::int as events from e`;

export type NewJob = {
	id: string;
	userId: string;
	jobType: string;
	input: Record<string, unknown>;
	opportunityId: string | null;
};

export async function insertJobs(ex: Executor, jobs: NewJob[]): Promise<void> {
	const rows = jobs.map((j) => ({
		id: j.id,
		user_id: j.userId,
		job_type: j.jobType,
		input: j.input,
		opportunity_id: j.opportunityId
	}));
	await run(ex, INSERT, [JSON.stringify(rows)]);
}
