import { fail } from '@sveltejs/kit';
import { LIMITS } from '$lib/schemas/api';
import { InvalidInputError } from '$lib/server/domain/errors';
import { readProfile, revertProfileField, updateProfile } from '$lib/server/domain/profile-edits';
import { createShareLink, listShareLinks, revokeShareLink } from '$lib/server/domain/share';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import { profileClaims, profileForPage } from '$lib/ui/profile.server';
import { applyResumeEdit, parseResumeForm } from '$lib/ui/resume-edit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = routeId(params.id);
	const db = webApp().conn.db;
	const view = await orNotFound(readProfile(db, user.id, id));
	const [claims, links] = await Promise.all([
		profileClaims(db, user.id, view),
		listShareLinks(db, user.id, id)
	]);
	return {
		profile: profileForPage(view),
		claims,
		shareLinks: links.map((l) => ({
			id: l.id,
			token: l.token,
			createdAt: l.createdAt,
			revokedAt: l.revokedAt,
			viewCount: l.viewCount
		}))
	};
};

export const actions: Actions = {
	narrative: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const narrative = String((await request.formData()).get('narrative') ?? '').trim();
		if (!narrative) return fail(400, { message: 'The narrative cannot be empty.' });
		if (narrative.length > LIMITS.narrative)
			return fail(400, { message: `At most ${LIMITS.narrative} characters.` });
		try {
			await orNotFound(updateProfile(webApp().conn.db, user.id, routeId(params.id), { narrative }));
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { message: e.message });
			throw e;
		}
		return { saved: 'Narrative saved.' };
	},
	resume: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const id = routeId(params.id);
		const edit = parseResumeForm(await request.formData());
		const texts = [edit.summary, ...Object.values(edit.highlights).flat(2)];
		if (texts.some((t) => t.length > LIMITS.shortText))
			return fail(400, { message: `A line can have at most ${LIMITS.shortText} characters.` });
		const db = webApp().conn.db;
		const current = await orNotFound(readProfile(db, user.id, id));
		try {
			await updateProfile(db, user.id, id, { resume: applyResumeEdit(current.resume, edit) });
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { message: e.message });
			throw e;
		}
		return { saved: 'Resume saved.' };
	},
	revert: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const field = String((await request.formData()).get('field') ?? '');
		if (field !== 'narrative' && field !== 'resume')
			return fail(400, { message: 'Nothing to revert.' });
		await orNotFound(revertProfileField(webApp().conn.db, user.id, routeId(params.id), field));
		return { saved: `The ${field} is back to what was generated.` };
	},
	share: async ({ locals, url, params }) => {
		const user = requireUser(locals, url);
		const link = await orNotFound(createShareLink(webApp().conn.db, user.id, routeId(params.id)));
		return { shared: link.token };
	},
	revokeShare: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const linkId = String((await request.formData()).get('linkId') ?? '');
		await orNotFound(revokeShareLink(webApp().conn.db, user.id, routeId(linkId)));
		return { saved: 'Link revoked: it no longer opens the profile.' };
	}
};
