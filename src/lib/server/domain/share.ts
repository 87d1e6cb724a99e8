import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { shareLinks, tailoredProfiles } from '../db/schema';
import { NotFoundError } from './errors';
import { withCurrentNarrative } from './profile-edits';
import { archivedRow, getProfileVersion } from './profile-versions';
import { getSharedProfile } from './profiles';
import type { ProfileView } from '../../schemas/views';

export type ShareLink = typeof shareLinks.$inferSelect;

/** 192 random bits, URL-safe. */
export const newShareToken = () => randomBytes(24).toString('base64url');

/**
 * A new link to one of the user's profiles. Without `version` it shows whatever version is current
 * when it is opened; with one, it shows that version for good (the current one included).
 */
export async function createShareLink(
	db: Executor,
	userId: string,
	profileId: string,
	version?: number
): Promise<ShareLink> {
	const [profile] = await db
		.select({ id: tailoredProfiles.id, version: tailoredProfiles.version })
		.from(tailoredProfiles)
		.where(and(eq(tailoredProfiles.id, profileId), eq(tailoredProfiles.userId, userId)));
	if (!profile) throw new NotFoundError('Profile');
	if (version !== undefined && version !== profile.version) {
		if (!(await archivedRow(db, profileId, version))) throw new NotFoundError('Profile version');
	}
	const [row] = await db
		.insert(shareLinks)
		.values({
			token: newShareToken(),
			userId,
			tailoredProfileId: profileId,
			pinnedVersion: version ?? null
		})
		.returning();
	return row!;
}

export async function listShareLinks(
	db: Executor,
	userId: string,
	profileId?: string
): Promise<ShareLink[]> {
	return db
		.select()
		.from(shareLinks)
		.where(
			and(
				eq(shareLinks.userId, userId),
				profileId ? eq(shareLinks.tailoredProfileId, profileId) : undefined
			)
		)
		.orderBy(desc(shareLinks.createdAt));
}

export async function revokeShareLink(
	db: Executor,
	userId: string,
	id: string
): Promise<ShareLink> {
	const [row] = await db
		.update(shareLinks)
		.set({ revokedAt: sql`coalesce(${shareLinks.revokedAt}, now())` })
		.where(and(eq(shareLinks.id, id), eq(shareLinks.userId, userId)))
		.returning();
	if (!row) throw new NotFoundError('Share link');
	return row;
}

/** The profile behind a live token, counting the view; revoked or unknown → not found. */
export async function viewShared(
	db: Executor,
	token: string
): Promise<{ profileId: string; userId: string; pinnedVersion: number | null }> {
	const [row] = await db
		.update(shareLinks)
		.set({ viewCount: sql`${shareLinks.viewCount} + 1` })
		.where(and(eq(shareLinks.token, token), isNull(shareLinks.revokedAt)))
		.returning({
			profileId: shareLinks.tailoredProfileId,
			userId: shareLinks.userId,
			pinnedVersion: shareLinks.pinnedVersion
		});
	if (!row) throw new NotFoundError('Shared profile');
	return row;
}

/** What a live link shows: its pinned version, or the current one. */
export async function sharedProfile(
	db: Executor,
	token: string
): Promise<{
	view: ProfileView;
	userId: string;
}> {
	const link = await viewShared(db, token);
	const view =
		link.pinnedVersion === null
			? await getSharedProfile(db, link.profileId)
			: await getProfileVersion(db, null, link.profileId, link.pinnedVersion).catch((error) => {
					// The link names a version that is no longer kept: the profile as it is now.
					if (error instanceof NotFoundError) return getSharedProfile(db, link.profileId);
					throw error;
				});
	return { view: withCurrentNarrative(view), userId: link.userId };
}
