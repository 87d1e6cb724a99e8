import { fail, redirect } from '@sveltejs/kit';
import { listJobs } from '$lib/server/domain/jobs';
import { LimitReachedError } from '$lib/server/domain/errors';
import { deleteOpportunity, getOpportunity } from '$lib/server/domain/opportunities';
import { findProfileFor } from '$lib/server/domain/profiles';
import { startTailor } from '$lib/server/domain/tailor';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = routeId(params.id);
	const db = webApp().conn.db;
	const opportunity = await orNotFound(getOpportunity(db, user.id, id));
	const [profile, running] = await Promise.all([
		findProfileFor(db, user.id, id),
		listJobs(db, user.id, {
			opportunityId: id,
			type: 'tailor',
			status: ['pending', 'processing'],
			limit: 1
		})
	]);
	return {
		opportunity,
		profile: profile
			? { id: profile.id, matchScore: profile.matchScore, updatedAt: profile.updatedAt }
			: null,
		runningJobId: running[0]?.id ?? null,
		limitReached: url.searchParams.has('limit')
	};
};

export const actions: Actions = {
	tailor: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const regenerate = form.get('regenerate') === '1';
		const app = webApp();
		let start;
		try {
			start = await orNotFound(
				startTailor(app.conn.db, app.jobs, app.env.TAILOR_MONTHLY_LIMIT, user.id, id, {
					regenerate
				})
			);
		} catch (e) {
			if (e instanceof LimitReachedError) return fail(403, { message: e.message });
			throw e;
		}
		redirect(
			303,
			start.kind === 'cached' ? `/profiles/${start.profile.id}` : `/jobs/${start.jobId}`
		);
	},
	delete: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		await orNotFound(deleteOpportunity(webApp().conn.db, user.id, routeId(params.id)));
		redirect(303, '/');
	}
};
