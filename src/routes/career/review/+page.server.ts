import { fail, redirect } from '@sveltejs/kit';
import { extractCareer } from '$lib/server/career/json-resume';
import { getCareer } from '$lib/server/domain/career';
import {
	confirmCareerDraft,
	discardCareerDraft,
	getCareerDraft
} from '$lib/server/domain/career-drafts';
import { InvalidInputError, NotFoundError } from '$lib/server/domain/errors';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { setCareerNotice } from '$lib/ui/career-notice.server';
import { requireUser } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

/** An import read from a file or pasted text, shown before it replaces the record. */

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = webApp().conn.db;
	const [draft, career] = await Promise.all([getCareerDraft(db, user.id), getCareer(db, user.id)]);
	if (!draft) redirect(303, '/career');
	const extract = extractCareer(draft.resume);
	return {
		resume: draft.resume,
		source: draft.source,
		createdAt: draft.createdAt.toISOString(),
		draft: {
			roles: extract.items.filter((i) => i.section === 'work').length,
			items: extract.items.length,
			facts: extract.claims.length
		},
		record: {
			roles: career.items.filter((i) => i.section === 'work').length,
			items: career.items.length,
			facts: career.claims.length
		}
	};
};

export const actions: Actions = {
	replace: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		let counts: { items: number; claims: number };
		try {
			counts = await confirmCareerDraft(webApp().conn.db, user.id);
		} catch (e) {
			// Confirmed or discarded already (in another tab): there is nothing left to review.
			if (e instanceof NotFoundError) redirect(303, '/career');
			if (e instanceof InvalidInputError) return fail(400, { message: e.message });
			throw e;
		}
		setCareerNotice(cookies, url, { kind: 'imported', ...counts });
		redirect(303, '/career');
	},
	discard: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		if (await discardCareerDraft(webApp().conn.db, user.id))
			setCareerNotice(cookies, url, { kind: 'discarded' });
		redirect(303, '/career');
	}
};
