import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { shareLinks, tailoredProfiles } from '../db/schema';
import { NotFoundError } from './errors';

export type ShareLink = typeof shareLinks.$inferSelect;

/** 192 random bits, URL-safe. */
export const newShareToken = () => randomBytes(24).toString('base64url');

export async function createShareLink(
	db: Executor,
	userId: string,
	profileId: string
): Promise<ShareLink> {
	const [profile] = await db
		.select({ id: tailoredProfiles.id })
		.from(tailoredProfiles)
		.where(and(eq(tailoredProfiles.id, profileId), eq(tailoredProfiles.userId, userId)));
	if (!profile) throw new NotFoundError('Profile');
	const [row] = await db
		.insert(shareLinks)
		.values({ token: newShareToken(), userId, tailoredProfileId: profileId })
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
): Promise<{ profileId: string; userId: string }> {
	const [row] = await db
		.update(shareLinks)
		.set({ viewCount: sql`${shareLinks.viewCount} + 1` })
		.where(and(eq(shareLinks.token, token), isNull(shareLinks.revokedAt)))
		.returning({ profileId: shareLinks.tailoredProfileId, userId: shareLinks.userId });
	if (!row) throw new NotFoundError('Shared profile');
	return row;
}
