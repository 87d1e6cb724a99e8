import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { JsonResume, NarrativeSentence, TalkingPoint } from '../../schemas/profile';
import type { Executor } from '../db/client';
import { claims, opportunities, profileVersions, tailoredProfiles } from '../db/schema';
import { citedClaimIds } from './cited';
import { NotFoundError } from './errors';
import { effectiveEvaluation, lockProfile, toProfileView, type ProfileRow } from './profiles';
import type { VersionSummary } from '../../schemas/views';
import type { ProfileView } from '../../schemas/views';

/**
 * A profile keeps its id and URL for good; what it says is its current version. A regeneration
 * writes a pending version beside the current one and switches to it when its job completes, so
 * until then (and for good if it is cancelled or fails) the current version stays readable,
 * editable and shared. Earlier versions are kept with their number, edits and evaluation: they
 * can be listed, read, compared and restored.
 */

type VersionRow = typeof profileVersions.$inferSelect;

/** The columns that make up one version's content, in both tables. */
export type VersionContent = Pick<
	ProfileRow,
	| 'talkingPoints'
	| 'narrative'
	| 'narrativeOriginal'
	| 'narrativeSentences'
	| 'resumeData'
	| 'resumeDataOriginal'
	| 'editedFields'
	| 'editHallucinations'
	| 'evaluation'
	| 'matchScore'
	| 'engine'
	| 'model'
	| 'generatedAt'
>;

const contentOf = (row: VersionContent): VersionContent => ({
	talkingPoints: row.talkingPoints,
	narrative: row.narrative,
	narrativeOriginal: row.narrativeOriginal,
	narrativeSentences: row.narrativeSentences,
	resumeData: row.resumeData,
	resumeDataOriginal: row.resumeDataOriginal,
	editedFields: row.editedFields,
	editHallucinations: row.editHallucinations,
	evaluation: row.evaluation,
	matchScore: row.matchScore,
	engine: row.engine,
	model: row.model,
	generatedAt: row.generatedAt
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when some claim the content cites has left the person's record (retired or deleted). */
export async function citesRetiredClaims(
	db: Executor,
	userId: string,
	content: Pick<VersionContent, 'talkingPoints' | 'narrativeSentences' | 'resumeData'>
): Promise<boolean> {
	const ids = citedClaimIds({
		talkingPoints: content.talkingPoints as TalkingPoint[],
		narrativeSentences: content.narrativeSentences as NarrativeSentence[],
		resume: content.resumeData as JsonResume
	}).filter((id) => UUID.test(id));
	if (!ids.length) return false;
	const live = await db
		.select({ id: claims.id })
		.from(claims)
		.where(and(eq(claims.userId, userId), inArray(claims.id, ids), isNull(claims.retiredAt)));
	return live.length < ids.length;
}

/** The current content, kept as an archived version under its own number. */
async function archiveCurrent(tx: Executor, row: ProfileRow) {
	await tx.insert(profileVersions).values({
		profileId: row.id,
		userId: row.userId,
		status: 'archived',
		version: row.version,
		...contentOf(row),
		archivedAt: new Date()
	});
}

async function nextVersion(tx: Executor, row: ProfileRow): Promise<number> {
	const [{ max }] = (await tx
		.select({ max: sql<number | null>`max(${profileVersions.version})` })
		.from(profileVersions)
		.where(eq(profileVersions.profileId, row.id))) as [{ max: number | null }];
	return Math.max(row.version, max ?? 0) + 1;
}

/**
 * Writes a regeneration's result beside the current version. Drafts left by earlier regenerations
 * that never completed (cancelled, failed) are dropped: one tailor job runs per opportunity.
 */
export async function storePendingVersion(
	tx: Executor,
	profile: { id: string; userId: string },
	jobId: string,
	content: Omit<VersionContent, 'generatedAt' | 'editHallucinations'>
): Promise<string> {
	await tx
		.delete(profileVersions)
		.where(
			and(
				eq(profileVersions.profileId, profile.id),
				eq(profileVersions.status, 'pending'),
				ne(profileVersions.jobId, jobId)
			)
		);
	await tx
		.delete(profileVersions)
		.where(and(eq(profileVersions.jobId, jobId), eq(profileVersions.status, 'pending')));
	const [row] = await tx
		.insert(profileVersions)
		.values({
			profileId: profile.id,
			userId: profile.userId,
			status: 'pending',
			jobId,
			...content,
			generatedAt: new Date()
		})
		.returning({ id: profileVersions.id });
	return row!.id;
}

/** Records the evaluation of a pending version. */
export async function setPendingEvaluation(
	db: Executor,
	pendingId: string,
	set: Pick<VersionContent, 'evaluation' | 'matchScore'>
) {
	await db.update(profileVersions).set(set).where(eq(profileVersions.id, pendingId));
}

/** Drops the draft of a regeneration that did not complete. */
export async function discardPendingVersion(db: Executor, jobId: string) {
	await db
		.delete(profileVersions)
		.where(and(eq(profileVersions.jobId, jobId), eq(profileVersions.status, 'pending')));
}

/**
 * Makes a completed regeneration the current version, atomically (in the caller's transaction):
 * the current content is archived under its number and the draft takes the next one.
 */
export async function switchToPendingVersion(
	tx: Executor,
	userId: string,
	profileId: string,
	pendingId: string
): Promise<number> {
	const row = await lockProfile(tx, userId, profileId);
	const [pending] = await tx
		.select()
		.from(profileVersions)
		.where(and(eq(profileVersions.id, pendingId), eq(profileVersions.profileId, profileId)));
	if (!pending) throw new Error(`the regenerated version of profile ${profileId} is missing`);
	const version = await nextVersion(tx, row);
	await archiveCurrent(tx, row);
	await tx
		.update(tailoredProfiles)
		.set({
			...contentOf(pending),
			version,
			recordOutdated: await citesRetiredClaims(tx, userId, pending),
			updatedAt: new Date()
		})
		.where(eq(tailoredProfiles.id, profileId));
	await tx.delete(profileVersions).where(eq(profileVersions.id, pendingId));
	return version;
}

/** Every version of a profile, newest first, the current one marked. */
export async function listVersions(
	db: Executor,
	userId: string,
	profileId: string
): Promise<VersionSummary[]> {
	const current = await getProfileRow(db, userId, profileId);
	const archived = await db
		.select()
		.from(profileVersions)
		.where(
			and(
				eq(profileVersions.profileId, profileId),
				eq(profileVersions.userId, userId),
				eq(profileVersions.status, 'archived')
			)
		)
		.orderBy(desc(profileVersions.version));
	const summary = async (
		r: VersionContent & { version: number },
		isCurrent: boolean,
		archivedAt: Date | null,
		outdated: boolean | null
	): Promise<VersionSummary> => ({
		version: r.version,
		current: isCurrent,
		generatedAt: r.generatedAt,
		archivedAt,
		matchScore: r.matchScore,
		engine: r.engine,
		model: r.model,
		edited: r.editedFields.length > 0,
		grounded: r.evaluation ? effectiveEvaluation(r).grounding.passed : null,
		recordOutdated: outdated ?? (await citesRetiredClaims(db, userId, r))
	});
	const rows = await Promise.all([
		summary(current, true, null, current.recordOutdated),
		...archived.map((a) => summary({ ...a, version: a.version! }, false, a.archivedAt, null))
	]);
	return rows.sort((a, b) => b.version - a.version);
}

async function getProfileRow(db: Executor, userId: string, profileId: string) {
	const [row] = await db
		.select()
		.from(tailoredProfiles)
		.where(and(eq(tailoredProfiles.id, profileId), eq(tailoredProfiles.userId, userId)));
	if (!row) throw new NotFoundError('Profile');
	return row;
}

/** An archived version of a profile by its number. */
export async function archivedRow(
	db: Executor,
	profileId: string,
	version: number
): Promise<VersionRow | undefined> {
	const [row] = await db
		.select()
		.from(profileVersions)
		.where(
			and(
				eq(profileVersions.profileId, profileId),
				eq(profileVersions.version, version),
				eq(profileVersions.status, 'archived')
			)
		);
	return row;
}

/**
 * One version of a profile as a view (the current one when `version` is the current number).
 * `userId` null is the share page's read: the caller has checked the link.
 */
export async function getProfileVersion(
	db: Executor,
	userId: string | null,
	profileId: string,
	version: number
): Promise<ProfileView> {
	const [row] = await db
		.select({
			profile: tailoredProfiles,
			title: opportunities.title,
			company: opportunities.company
		})
		.from(tailoredProfiles)
		.innerJoin(opportunities, eq(opportunities.id, tailoredProfiles.opportunityId))
		.where(
			and(
				eq(tailoredProfiles.id, profileId),
				userId === null ? undefined : eq(tailoredProfiles.userId, userId)
			)
		);
	if (!row) throw new NotFoundError('Profile');
	if (row.profile.version === version) return toProfileView(row.profile, row);
	const old = await archivedRow(db, profileId, version);
	if (!old) throw new NotFoundError('Profile version');
	const outdated = await citesRetiredClaims(db, row.profile.userId, old);
	return toProfileView(
		{ ...row.profile, ...contentOf(old), version, recordOutdated: outdated },
		row
	);
}

/**
 * Makes an earlier version current again: the two swap places, each keeping its number, so a
 * share link pinned to either still shows what it showed.
 */
export async function restoreVersion(
	db: Executor,
	userId: string,
	profileId: string,
	version: number
): Promise<void> {
	await db.transaction(async (tx) => {
		const row = await lockProfile(tx, userId, profileId);
		if (row.version === version) return;
		const old = await archivedRow(tx, profileId, version);
		if (!old) throw new NotFoundError('Profile version');
		await tx.delete(profileVersions).where(eq(profileVersions.id, old.id));
		await archiveCurrent(tx, row);
		await tx
			.update(tailoredProfiles)
			.set({
				...contentOf(old),
				version,
				recordOutdated: await citesRetiredClaims(tx, userId, old),
				updatedAt: new Date()
			})
			.where(eq(tailoredProfiles.id, profileId));
	});
}
