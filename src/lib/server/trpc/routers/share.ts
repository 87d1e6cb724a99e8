import { shareInput } from '../../../schemas/api';
import type { ProfileView } from '../../domain/profiles';
import { withCurrentNarrative } from '../../domain/profile-edits';
import { getSharedProfile } from '../../domain/profiles';
import {
	createShareLink,
	listShareLinks,
	revokeShareLink,
	viewShared,
	type ShareLink
} from '../../domain/share';
import { authedProcedure, publicProcedure, router } from '../init';

const toLink = (l: ShareLink) => ({
	id: l.id,
	token: l.token,
	/** Relative to the app's origin: the public read-only page. */
	path: `/s/${l.token}`,
	profileId: l.tailoredProfileId,
	viewCount: l.viewCount,
	createdAt: l.createdAt,
	revokedAt: l.revokedAt,
	active: l.revokedAt === null
});

/** What a visitor with the link sees: the profile without its owner's quality notes. */
const toPublic = (p: ProfileView) => ({
	opportunity: p.opportunity,
	talkingPoints: p.talkingPoints,
	narrative: p.narrative,
	narrativeSentences: p.narrativeSentences,
	resume: p.resume,
	matchScore: p.matchScore,
	updatedAt: p.updatedAt
});

export const shareRouter = router({
	create: authedProcedure
		.input(shareInput.create)
		.mutation(async ({ ctx, input }) =>
			toLink(await createShareLink(ctx.app.conn.db, ctx.user.id, input.profileId))
		),

	revoke: authedProcedure
		.input(shareInput.revoke)
		.mutation(async ({ ctx, input }) =>
			toLink(await revokeShareLink(ctx.app.conn.db, ctx.user.id, input.id))
		),

	/** The user's links (optionally one profile's) with their view counts. */
	list: authedProcedure
		.input(shareInput.list)
		.query(async ({ ctx, input }) =>
			(await listShareLinks(ctx.app.conn.db, ctx.user.id, input?.profileId)).map(toLink)
		),

	/** Public: the read-only profile behind a live link, counting the view. */
	view: publicProcedure.input(shareInput.view).query(async ({ ctx, input }) => {
		const db = ctx.app.conn.db;
		const { profileId } = await viewShared(db, input.token);
		return toPublic(withCurrentNarrative(await getSharedProfile(db, profileId)));
	})
});
