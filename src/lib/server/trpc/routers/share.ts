import { shareInput } from '../../../schemas/api';
import type { ProfileView } from '../../../schemas/views';
import {
	createShareLink,
	listShareLinks,
	revokeShareLink,
	sharedProfile,
	type ShareLink
} from '../../domain/share';
import { authedProcedure, publicProcedure, router } from '../init';

const toLink = (l: ShareLink) => ({
	id: l.id,
	token: l.token,
	/** Relative to the app's origin: the public read-only page. */
	path: `/s/${l.token}`,
	profileId: l.tailoredProfileId,
	/** The version the link always shows; null when it follows the current version. */
	pinnedVersion: l.pinnedVersion,
	viewCount: l.viewCount,
	createdAt: l.createdAt,
	revokedAt: l.revokedAt,
	active: l.revokedAt === null
});

/**
 * What a visitor with the link (a recruiter) sees: the narrative and the resume, without the
 * owner's notes (talking points, match score, evaluation).
 */
const toPublic = (p: ProfileView) => ({
	opportunity: p.opportunity,
	narrative: p.narrative,
	narrativeSentences: p.narrativeSentences,
	resume: p.resume,
	updatedAt: p.updatedAt
});

export const shareRouter = router({
	create: authedProcedure
		.input(shareInput.create)
		.mutation(async ({ ctx, input }) =>
			toLink(await createShareLink(ctx.app.conn.db, ctx.user.id, input.profileId, input.version))
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
		return toPublic((await sharedProfile(ctx.app.conn.db, input.token)).view);
	})
});
