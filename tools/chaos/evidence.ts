// What the database of a fault trial or a scale-out run holds, read once at its end, and the
// checks of `checks.ts` that need only that and what the clients received.
import type { Sql } from '../../src/lib/server/db/client';
import type { Stream } from '../harness/cluster';
import { checkOutcomes, checkStreams } from './checks';

export type TailorJobRow = {
	id: string;
	user_id: string;
	opportunity_id: string | null;
	status: string;
	attempt: number;
	profile_id: string | null;
	share: string | null;
};

/**
 * The tailor jobs, and the outcome and stream checks over them: every job the clients started
 * completed with its profile, one profile per (user, opportunity), usage counted once per
 * profile; every stream received its job's events, in order, once, and was ended by the server.
 */
export async function readEvidence(sql: Sql, clientJobIds: string[], streams: Stream[]) {
	const jobs = await sql<TailorJobRow[]>`
		select id, user_id, opportunity_id, status, attempt,
			coalesce(summary->>'profileId', tailored_profile_id::text) as profile_id,
			summary->>'shareToken' as share
		from document_jobs where job_type = 'tailor'`;
	const profiles = await sql<{ id: string; user_id: string; opportunity_id: string }[]>`
		select id, user_id, opportunity_id from tailored_profiles`;
	const usage = await sql<{ user_id: string; n: number }[]>`
		select user_id, sum(profiles_created)::int as n from usage_counters group by user_id`;
	const eventRows = await sql<{ job_id: string; id: string }[]>`
		select job_id, id::text from job_events order by id`;
	const stored = new Map<string, string[]>();
	for (const r of eventRows) {
		const list = stored.get(r.job_id);
		if (list) list.push(r.id);
		else stored.set(r.job_id, [r.id]);
	}
	const outcomes = checkOutcomes(
		jobs.map((j) => ({
			id: j.id,
			userId: j.user_id,
			opportunityId: j.opportunity_id,
			status: j.status,
			profileId: j.profile_id
		})),
		profiles.map((p) => ({ id: p.id, userId: p.user_id, opportunityId: p.opportunity_id })),
		usage.map((u) => ({ userId: u.user_id, profilesCreated: u.n })),
		clientJobIds
	);
	return { jobs, outcomes, delivered: checkStreams(streams, stored) };
}
