import { fail, redirect } from '@sveltejs/kit';
import { opportunityDraftSchema } from '$lib/schemas/api';
import { getCareer } from '$lib/server/domain/career';
import { InvalidInputError, LimitReachedError } from '$lib/server/domain/errors';
import { createOpportunity } from '$lib/server/domain/opportunities';
import { demoPosting } from '$lib/server/demo';
import { readForm } from '$lib/server/forms';
import { startTailor } from '$lib/server/domain/tailor';
import { webApp } from '$lib/server/web';
import { requireUser } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const career = await getCareer(webApp().conn.db, user.id);
	return { hasCareer: career.claims.length > 0, sample: demoPosting };
};

/** What a refusal of an unreadable form gives back: the page keeps what is typed in it. */
const unread = { title: '', company: '', url: '', description: '' };
const noIssues: { field: string; message: string }[] = [];

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { values: unread, issues: noIssues } });
		if (!(form instanceof FormData)) return form;
		const values = {
			title: String(form.get('title') ?? ''),
			company: String(form.get('company') ?? ''),
			url: String(form.get('url') ?? ''),
			description: String(form.get('description') ?? '')
		};
		const tailor = form.get('intent') === 'tailor';
		const parsed = opportunityDraftSchema.safeParse(values);
		if (!parsed.success) {
			const issues = parsed.error.issues.map((i) => ({
				field: String(i.path[0] ?? ''),
				message: i.message
			}));
			return fail(400, { values, issues, message: 'Check the highlighted fields.' });
		}
		const app = webApp();
		let opportunityId: string;
		try {
			const opp = await createOpportunity(app.conn.db, user.id, parsed.data);
			opportunityId = opp.id;
		} catch (e) {
			if (e instanceof InvalidInputError)
				return fail(400, { values, issues: [], message: e.message });
			throw e;
		}
		if (!tailor) redirect(303, `/opportunities/${opportunityId}`);
		let start;
		try {
			start = await startTailor(
				app.conn.db,
				app.jobs,
				app.env.TAILOR_MONTHLY_LIMIT,
				user.id,
				opportunityId
			);
		} catch (e) {
			if (e instanceof LimitReachedError) redirect(303, `/opportunities/${opportunityId}?limit=1`);
			throw e;
		}
		redirect(
			303,
			start.kind === 'cached' ? `/profiles/${start.profile.id}` : `/jobs/${start.jobId}`
		);
	}
};
