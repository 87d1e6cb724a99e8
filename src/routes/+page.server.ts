import { fail } from '@sveltejs/kit';
import { getCareer, replaceCareer } from '$lib/server/domain/career';
import { demoCareer } from '$lib/server/demo';
import { listJobs } from '$lib/server/domain/jobs';
import { listOpportunities } from '$lib/server/domain/opportunities';
import { listProfileScores } from '$lib/server/domain/profiles';
import { getUsage } from '$lib/server/domain/usage';
import { webApp } from '$lib/server/web';
import { requireUser } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const app = webApp();
	const db = app.conn.db;
	const [opportunities, profiles, jobs, usage, career] = await Promise.all([
		listOpportunities(db, user.id),
		listProfileScores(db, user.id),
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

export const actions: Actions = {
	/** Loads the fictional demo record into an empty account, to try Tailor before importing. */
	demo: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const db = webApp().conn.db;
		const career = await getCareer(db, user.id);
		if (career.claims.length > 0 || career.items.length > 0)
			return fail(409, {
				message: 'Your career record is not empty; the demo record would replace it.'
			});
		const counts = await replaceCareer(db, user.id, demoCareer);
		return {
			loaded: `Loaded the demo record of Sam Okafor, a backend engineer: ${counts.items} items and ${counts.claims} facts.`
		};
	}
};
