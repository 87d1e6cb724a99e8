import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { documentJobs } from '../db/schema';
import type { JobEngine } from '../jobs/engine';
import { LimitReachedError } from './errors';
import { getOpportunity } from './opportunities';
import { findProfileFor, findProfileForFast } from './profiles';
import { getUsage } from './usage';
import type { ProfileView } from '../../schemas/views';

export type TailorInput = {
	regenerate?: boolean;
	share?: boolean;
	/** The API key asking, if one is: its webhook hears when the job ends. */
	apiKeyId?: string | null;
};

export type TailorStart =
	{ kind: 'cached'; profile: ProfileView } | { kind: 'job'; jobId: string; status: 'processing' };

/**
 * Tailors one of the user's opportunities: the stored profile when there is one (and no
 * regeneration is asked for), else a `tailor` job — or the job already running for it, never a
 * second one. The monthly limit is checked here, before a job exists, counting profiles made this
 * month and tailor jobs still running.
 */
export async function startTailor(
	db: Database,
	jobs: JobEngine,
	limit: number,
	userId: string,
	opportunityId: string,
	options: TailorInput = {}
): Promise<TailorStart> {
	// A stored profile is the answer whatever else is going on: one read, no lock, no transaction.
	// (The profile is the user's and joined to its opportunity, so the ownership check holds.)
	if (!options.regenerate) {
		const profile = await findProfileForFast(db, userId, opportunityId);
		if (profile) return { kind: 'cached', profile };
	}
	return db.transaction(async (tx) => {
		// One decision at a time per user, so concurrent requests cannot both pass the checks.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tailor:${userId}`}))`);
		await getOpportunity(tx, userId, opportunityId);
		if (!options.regenerate) {
			const profile = await findProfileFor(tx, userId, opportunityId);
			if (profile) return { kind: 'cached', profile };
		}
		const [running] = await tx
			.select({ id: documentJobs.id })
			.from(documentJobs)
			.where(
				and(
					eq(documentJobs.userId, userId),
					eq(documentJobs.opportunityId, opportunityId),
					eq(documentJobs.jobType, 'tailor'),
					inArray(documentJobs.status, ['pending', 'processing'])
				)
			)
			.limit(1);
		if (running) return { kind: 'job', jobId: running.id, status: 'processing' };
		const usage = await getUsage(tx, userId, limit);
		if (usage.used + usage.inProgress >= limit) throw new LimitReachedError(limit, usage.used);
		const job = await jobs.enqueue(
			{
				userId,
				type: 'tailor',
				opportunityId,
				apiKeyId: options.apiKeyId ?? null,
				input: { regenerate: !!options.regenerate, share: !!options.share }
			},
			tx
		);
		return { kind: 'job', jobId: job.id, status: 'processing' };
	});
}
