import { fail } from '@sveltejs/kit';
import { LIMITS } from '$lib/schemas/api';
import { InvalidInputError, NotFoundError } from '$lib/server/domain/errors';
import { listJobs } from '$lib/server/domain/jobs';
import {
	readProfile,
	revertProfileField,
	updateProfile,
	withCurrentNarrative
} from '$lib/server/domain/profile-edits';
import {
	getProfileVersion,
	listVersions,
	restoreVersion
} from '$lib/server/domain/profile-versions';
import { createShareLink, listShareLinks, revokeShareLink } from '$lib/server/domain/share';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import { profileClaims, profileForPage } from '$lib/ui/profile.server';
import { applyResumeEdit, parseResumeForm } from '$lib/ui/resume-edit';
import type { Actions, PageServerLoad } from './$types';

/** `?compare=N`: version N beside the current one. */
function compareParam(url: URL): number | null {
	const raw = url.searchParams.get('compare');
	return raw && /^\d{1,7}$/.test(raw) ? Number(raw) : null;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = routeId(params.id);
	const db = webApp().conn.db;
	const view = await orNotFound(readProfile(db, user.id, id));
	const compare = compareParam(url);
	const [claims, links, versions, running, other] = await Promise.all([
		profileClaims(db, user.id, view),
		listShareLinks(db, user.id, id),
		listVersions(db, user.id, id),
		listJobs(db, user.id, {
			opportunityId: view.opportunityId,
			type: 'tailor',
			status: ['pending', 'processing'],
			limit: 1
		}),
		compare !== null && compare !== view.version
			? getProfileVersion(db, user.id, id, compare).catch((e) => {
					if (e instanceof NotFoundError) return null;
					throw e;
				})
			: null
	]);
	return {
		profile: profileForPage(view),
		claims,
		versions,
		runningJobId: running[0]?.id ?? null,
		compared: other ? profileForPage(withCurrentNarrative(other)) : null,
		shareLinks: links.map((l) => ({
			id: l.id,
			token: l.token,
			createdAt: l.createdAt,
			revokedAt: l.revokedAt,
			viewCount: l.viewCount,
			pinnedVersion: l.pinnedVersion
		}))
	};
};

/** A version number from a form field, or null. */
function versionField(data: FormData): number | null {
	const raw = String(data.get('version') ?? '');
	return /^\d{1,7}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

export const actions: Actions = {
	narrative: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const narrative = String(form.get('narrative') ?? '').trim();
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
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const edit = parseResumeForm(form);
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
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const field = String(form.get('field') ?? '');
		if (field !== 'narrative' && field !== 'resume')
			return fail(400, { message: 'Nothing to revert.' });
		await orNotFound(revertProfileField(webApp().conn.db, user.id, routeId(params.id), field));
		return { saved: `The ${field} is back to what was generated.` };
	},
	share: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const pinned = versionField(form);
		const link = await orNotFound(
			createShareLink(webApp().conn.db, user.id, routeId(params.id), pinned ?? undefined)
		);
		return { shared: link.token };
	},
	restore: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const version = versionField(form);
		if (version === null) return fail(400, { message: 'Choose a version to restore.' });
		try {
			await restoreVersion(webApp().conn.db, user.id, routeId(params.id), version);
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { message: 'That version is not kept.' });
			throw e;
		}
		return { saved: `Version ${version} is your profile again; the one it replaced is kept.` };
	},
	revokeShare: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const linkId = String(form.get('linkId') ?? '');
		await orNotFound(revokeShareLink(webApp().conn.db, user.id, routeId(linkId)));
		return { saved: 'Link revoked: it no longer opens the profile.' };
	}
};
