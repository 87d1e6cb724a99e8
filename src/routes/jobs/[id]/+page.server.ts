import { fail, redirect } from '@sveltejs/kit';
import { LimitReachedError } from '$lib/server/domain/errors';
import { getJob, getJobWithEvents } from '$lib/server/domain/jobs';
import { startTailor } from '$lib/server/domain/tailor';
import { jobPhases } from '$lib/server/pipelines';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = routeId(params.id);
	// The whole history so far (a job has a few dozen events); the page then follows the live
	// stream from the last of them, so a reload never misses or repeats anything.
	const { job, events } = await orNotFound(getJobWithEvents(webApp().conn.db, user.id, id));
	return { job, events, phases: jobPhases[job.type] };
};

export const actions: Actions = {
	cancel: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const result = await webApp().jobs.cancel(user.id, routeId(params.id));
		if (result === 'not-found') return fail(404, { message: 'Job not found.' });
		return { cancel: result };
	},
	retry: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const app = webApp();
		const job = await orNotFound(getJob(app.conn.db, user.id, routeId(params.id)));
		if (job.type !== 'tailor' || !job.opportunityId)
			return fail(400, { message: 'Only a tailor job can be retried from here.' });
		let start;
		try {
			start = await orNotFound(
				startTailor(
					app.conn.db,
					app.jobs,
					app.env.TAILOR_MONTHLY_LIMIT,
					user.id,
					job.opportunityId,
					{ regenerate: true }
				)
			);
		} catch (e) {
			if (e instanceof LimitReachedError) return fail(403, { message: e.message });
			throw e;
		}
		redirect(
			303,
			start.kind === 'cached' ? `/profiles/${start.profile.id}` : `/jobs/${start.jobId}`
		);
	}
};
