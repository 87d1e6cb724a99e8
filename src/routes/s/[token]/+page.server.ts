import { error } from '@sveltejs/kit';
import { withCurrentNarrative } from '$lib/server/domain/profile-edits';
import { getSharedProfile } from '$lib/server/domain/profiles';
import { viewShared } from '$lib/server/domain/share';
import { webApp } from '$lib/server/web';
import { orNotFound } from '$lib/ui/guard.server';
import { profileClaims, profileForPage } from '$lib/ui/profile.server';
import type { PageServerLoad } from './$types';

/** The public, read-only page behind a share link; a revoked or unknown token is not found. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	if (!/^[A-Za-z0-9_-]{16,128}$/.test(params.token)) error(404, 'This link does not exist');
	const db = webApp().conn.db;
	const shared = await orNotFound(viewShared(db, params.token));
	const view = withCurrentNarrative(await orNotFound(getSharedProfile(db, shared.profileId)));
	const claims = await profileClaims(db, shared.userId, view);
	const { evaluation: _e, editedFields: _f, model: _m, ...profile } = profileForPage(view);
	return { profile, claims };
};
