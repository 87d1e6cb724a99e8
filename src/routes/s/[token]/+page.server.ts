import { error } from '@sveltejs/kit';
import { sharedProfile } from '$lib/server/domain/share';
import { webApp } from '$lib/server/web';
import { orNotFound } from '$lib/ui/guard.server';
import { profileClaims, profileForPage } from '$lib/ui/profile.server';
import type { PageServerLoad } from './$types';

/** The public, read-only page behind a share link; a revoked or unknown token is not found. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!/^[A-Za-z0-9_-]{16,128}$/.test(params.token)) error(404, 'This link does not exist');
	const db = webApp().conn.db;
	const { view, userId } = await orNotFound(sharedProfile(db, params.token));
	const claims = await profileClaims(db, userId, view);
	// A recruiter sees the narrative and the resume: no talking points, no scores, no evaluation.
	const {
		evaluation: _e,
		editedFields: _f,
		model: _m,
		recordOutdated: _o,
		matchScore: _s,
		...page
	} = profileForPage(view);
	const profile = { ...page, talkingPoints: [] as typeof page.talkingPoints };
	return { profile, claims };
};
