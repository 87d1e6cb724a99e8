import { eq } from 'drizzle-orm';
import { getCareer } from '$lib/server/domain/career';
import { listJobs } from '$lib/server/domain/jobs';
import { listOpportunities } from '$lib/server/domain/opportunities';
import { getUsage } from '$lib/server/domain/usage';
import { tailoredProfiles } from '$lib/server/db/schema';
import { webApp } from '$lib/server/web';
import { requireUser } from '$lib/ui/guard.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const app = webApp();
	const db = app.conn.db;
	const [opportunities, profiles, jobs, usage, career] = await Promise.all([
		listOpportunities(db, user.id),
		db
			.select({
				id: tailoredProfiles.id,
				opportunityId: tailoredProfiles.opportunityId,
				matchScore: tailoredProfiles.matchScore
			})
			.from(tailoredProfiles)
			.where(eq(tailoredProfiles.userId, user.id)),
		listJobs(db, user.id, { limit: 8 }),
		getUsage(db, user.id, app.env.TAILOR_MONTHLY_LIMIT),
		getCareer(db, user.id)
	]);
	const byOpportunity = new Map(profiles.map((p) => [p.opportunityId, p]));
	const titles = new Map(opportunities.map((o) => [o.id, o.title]));
	return {
		user,
		usage,
		claimCount: career.claims.length,
		opportunities: opportunities.map((o) => ({
			id: o.id,
			title: o.title,
			company: o.company,
			createdAt: o.createdAt,
			profile: byOpportunity.get(o.id) ?? null
		})),
		jobs: jobs.map((j) => ({
			id: j.id,
			type: j.type,
			status: j.status,
			phase: j.phase,
			error: j.error,
			createdAt: j.createdAt,
			title: (j.opportunityId && titles.get(j.opportunityId)) || null
		}))
	};
};
