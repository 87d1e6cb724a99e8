import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
	CareerExtract,
	CareerItem,
	CareerItemInput,
	Claim,
	ClaimInput,
	ClaimKind
} from '../../schemas/career';
import type { JsonResume, NarrativeSentence, TalkingPoint } from '../../schemas/profile';
import { CareerImportError, exportJsonResume, importJsonResume } from '../career/json-resume';
import type { Executor } from '../db/client';
import { careerItems, claims, profileVersions, tailoredProfiles } from '../db/schema';
import { findSkills } from '../engines/lexicon';
import { planMerge, type StoredClaim } from './career-merge';
import { citedClaimIds } from './cited';
import { assertStorable, InvalidInputError, NotFoundError } from './errors';
import type { CareerRecord } from '../../schemas/views';

const toItem = (r: typeof careerItems.$inferSelect): CareerItem => ({
	id: r.id,
	section: r.section,
	position: r.position,
	sourcePath: r.sourcePath,
	data: r.data
});

const toClaim = (r: typeof claims.$inferSelect): Claim => ({
	id: r.id,
	kind: r.kind as ClaimKind,
	text: r.text,
	sourcePath: r.sourcePath,
	skills: r.skills,
	itemId: r.itemId
});

/**
 * Replaces the user's career record with an imported JSON Resume document: validated first (an
 * invalid one changes nothing and is reported with the path of the problem), then merged into the
 * stored record in one transaction, so that profiles keep pointing at the facts they cite:
 *
 * - an item of the import that has the identity of a stored item (its section and naming fields,
 *   see `itemIdentity`) keeps that item's id, with the import's data, position and source path;
 *   stored items the import does not have are deleted;
 * - a claim of the import with the kind and text of a stored claim of the same item keeps that
 *   claim's id, with the import's source path and skills; one of a new item can take a stored
 *   claim left without an item. A retired claim that matches comes back (same id, un-retired);
 * - the stored claims the import does not have are retired: they leave the record but stay in the
 *   table for the profiles that cite them, and those profiles are marked `record_outdated`;
 * - one import per user at a time: a second one waits for the first to commit, then replaces it.
 *   Called inside a transaction it runs in a savepoint and the lock is held to the outer commit.
 *
 * Returns the numbers of items and claims of the new record.
 */
export async function replaceCareer(
	db: Executor,
	userId: string,
	resume: unknown
): Promise<{ items: number; claims: number }> {
	const extract = parseResume(resume);
	await db.transaction(async (tx) => {
		await lockCareer(tx, userId);
		const plan = planMerge(await storedRecord(tx, userId), extract);
		await removeItems(tx, plan.deletedItemIds);
		const itemIds = await writeItems(tx, userId, extract.items, plan.keptItemIds);
		await writeClaims(tx, userId, extract.claims, plan.keptClaims, itemIds);
		await retireClaims(tx, plan.retiredClaimIds);
		await flagOutdatedProfiles(tx, userId);
	});
	return { items: extract.items.length, claims: extract.claims.length };
}

function parseResume(resume: unknown): CareerExtract {
	try {
		return importJsonResume(resume);
	} catch (error) {
		if (error instanceof CareerImportError)
			throw new InvalidInputError(error.message, error.issues);
		throw error;
	}
}

/** Serialises the changes to one user's record (imports, claim deletions) until commit. */
async function lockCareer(tx: Executor, userId: string) {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`career:${userId}`}))`);
}

/** Every stored item and claim of the user, retired claims included. */
async function storedRecord(tx: Executor, userId: string) {
	const [items, claimRows] = await Promise.all([
		tx.select().from(careerItems).where(eq(careerItems.userId, userId)),
		tx
			.select()
			.from(claims)
			.where(eq(claims.userId, userId))
			.orderBy(asc(claims.createdAt), asc(claims.id))
	]);
	return {
		items,
		claims: claimRows.map((c): StoredClaim => ({ ...c, retired: c.retiredAt !== null }))
	};
}

/** Deletes items; their (retired) claims keep no item (`on delete set null`). */
async function removeItems(tx: Executor, ids: string[]) {
	for (const chunk of chunks(ids))
		await tx.delete(careerItems).where(inArray(careerItems.id, chunk));
}

/** Updates the kept items that changed, inserts the new ones; returns every item's id, in order. */
async function writeItems(
	tx: Executor,
	userId: string,
	items: CareerItemInput[],
	keptIds: (string | null)[]
): Promise<string[]> {
	const updates = items.flatMap((item, i) => {
		const id = keptIds[i];
		return id
			? [{ id, position: item.position, source_path: item.sourcePath, data: item.data }]
			: [];
	});
	if (updates.length) {
		await tx.execute(sql`
			update career_items as c
			set position = v.position, source_path = v.source_path, data = v.data, updated_at = now()
			from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
				as v(id uuid, position integer, source_path text, data jsonb)
			where c.id = v.id
				and (c.position, c.source_path, c.data) is distinct from (v.position, v.source_path, v.data)`);
	}
	const fresh = items.filter((_, i) => !keptIds[i]);
	const inserted = fresh.length
		? await tx
				.insert(careerItems)
				.values(fresh.map((item) => ({ ...item, userId })))
				.returning({ id: careerItems.id })
		: [];
	let next = 0;
	return keptIds.map((id) => id ?? inserted[next++]!.id);
}

/** Updates the kept claims that changed (un-retiring them), inserts the new ones. */
async function writeClaims(
	tx: Executor,
	userId: string,
	inputs: ClaimInput[],
	kept: (StoredClaim | null)[],
	itemIds: string[]
) {
	const itemOf = (c: ClaimInput) => (c.itemIndex === null ? null : (itemIds[c.itemIndex] ?? null));
	const updates = inputs.flatMap((c, i) => {
		const old = kept[i];
		return old
			? [{ id: old.id, item_id: itemOf(c), source_path: c.sourcePath, skills: c.skills }]
			: [];
	});
	if (updates.length) {
		await tx.execute(sql`
			update claims as c
			set item_id = v.item_id, source_path = v.source_path, skills = v.skills, retired_at = null,
				updated_at = now()
			from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
				as v(id uuid, item_id uuid, source_path text, skills text[])
			where c.id = v.id
				and (c.item_id, c.source_path, c.skills, c.retired_at)
					is distinct from (v.item_id, v.source_path, v.skills, null)`);
	}
	const fresh = inputs.filter((_, i) => !kept[i]);
	if (fresh.length) {
		await tx.insert(claims).values(
			fresh.map((c) => ({
				userId,
				itemId: itemOf(c),
				kind: c.kind,
				text: c.text,
				sourcePath: c.sourcePath,
				skills: c.skills
			}))
		);
	}
}

async function retireClaims(tx: Executor, ids: string[]) {
	for (const chunk of chunks(ids)) {
		await tx
			.update(claims)
			.set({ retiredAt: sql`now()`, updatedAt: sql`now()` })
			.where(inArray(claims.id, chunk));
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user's profiles whose current version cites a claim for which `isGone` holds. */
async function profilesCiting(
	tx: Executor,
	userId: string,
	isGone: (claimId: string) => boolean,
	{ unflaggedOnly = false } = {}
): Promise<string[]> {
	const rows = await tx
		.select({
			id: tailoredProfiles.id,
			talkingPoints: tailoredProfiles.talkingPoints,
			narrativeSentences: tailoredProfiles.narrativeSentences,
			resumeData: tailoredProfiles.resumeData
		})
		.from(tailoredProfiles)
		.where(
			and(
				eq(tailoredProfiles.userId, userId),
				unflaggedOnly ? eq(tailoredProfiles.recordOutdated, false) : undefined
			)
		);
	return rows.filter((row) => citesAny(row, isGone)).map((row) => row.id);
}

function citesAny(
	row: { talkingPoints: unknown[]; narrativeSentences: unknown[]; resumeData: unknown },
	isGone: (claimId: string) => boolean
): boolean {
	return citedClaimIds({
		talkingPoints: row.talkingPoints as TalkingPoint[],
		narrativeSentences: row.narrativeSentences as NarrativeSentence[],
		resume: row.resumeData as JsonResume
	}).some((id) => UUID.test(id) && isGone(id));
}

async function markOutdated(tx: Executor, profileIds: string[]) {
	for (const chunk of chunks(profileIds)) {
		await tx
			.update(tailoredProfiles)
			.set({ recordOutdated: true })
			.where(inArray(tailoredProfiles.id, chunk));
	}
}

/**
 * Marks `record_outdated` on each profile that cites a claim no longer in the record (retired or
 * gone). Never clears it: a regeneration does.
 */
async function flagOutdatedProfiles(tx: Executor, userId: string) {
	const live = await tx
		.select({ id: claims.id })
		.from(claims)
		.where(and(eq(claims.userId, userId), isNull(claims.retiredAt)));
	const liveIds = new Set(live.map((c) => c.id));
	const outdated = await profilesCiting(tx, userId, (id) => !liveIds.has(id), {
		unflaggedOnly: true
	});
	await markOutdated(tx, outdated);
}

function chunks<T>(list: T[], size = 10_000): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** The user's record: items, and the claims that are not retired. */
export async function getCareer(db: Executor, userId: string): Promise<CareerRecord> {
	const [itemRows, claimRows] = await Promise.all([
		db
			.select()
			.from(careerItems)
			.where(eq(careerItems.userId, userId))
			.orderBy(asc(careerItems.section), asc(careerItems.position)),
		db
			.select()
			.from(claims)
			.where(and(eq(claims.userId, userId), isNull(claims.retiredAt)))
			// Imported facts in document order (kept and new ones alike), then the person's own.
			.orderBy(asc(claims.sourcePath), asc(claims.createdAt), asc(claims.id))
	]);
	return { items: itemRows.map(toItem), claims: claimRows.map(toClaim) };
}

export async function exportCareer(db: Executor, userId: string): Promise<JsonResume> {
	const { items } = await getCareer(db, userId);
	return exportJsonResume(items);
}

export type ClaimDraft = { text: string; kind?: ClaimKind; itemId?: string | null };

/** Adds a claim of the user's own (not from an import: it has no source path). */
export async function createClaim(db: Executor, userId: string, draft: ClaimDraft): Promise<Claim> {
	assertStorable(draft);
	if (draft.itemId) await ownItem(db, userId, draft.itemId);
	const [row] = await db
		.insert(claims)
		.values({
			userId,
			itemId: draft.itemId ?? null,
			kind: draft.kind ?? 'highlight',
			text: draft.text,
			sourcePath: null,
			skills: findSkills(draft.text)
		})
		.returning();
	return toClaim(row!);
}

export async function updateClaim(
	db: Executor,
	userId: string,
	id: string,
	patch: { text?: string; kind?: ClaimKind }
): Promise<Claim> {
	assertStorable(patch);
	const [row] = await db
		.update(claims)
		.set({
			...(patch.text !== undefined ? { text: patch.text, skills: findSkills(patch.text) } : {}),
			...(patch.kind ? { kind: patch.kind } : {}),
			updatedAt: new Date()
		})
		.where(and(eq(claims.id, id), eq(claims.userId, userId), isNull(claims.retiredAt)))
		.returning();
	if (!row) throw new NotFoundError('Claim');
	return toClaim(row);
}

/**
 * Removes a claim from the record. One that a profile cites (its current version or another) is
 * retired rather than deleted, so the profile keeps its evidence, and the profiles whose current
 * version cites it are marked `record_outdated`; an uncited one is deleted. A retired claim is
 * not found.
 */
export async function deleteClaim(db: Executor, userId: string, id: string): Promise<void> {
	await db.transaction(async (tx) => {
		await lockCareer(tx, userId);
		const [row] = await tx
			.select({ id: claims.id })
			.from(claims)
			.where(and(eq(claims.id, id), eq(claims.userId, userId), isNull(claims.retiredAt)));
		if (!row) throw new NotFoundError('Claim');
		const citing = await profilesCiting(tx, userId, (c) => c === id);
		if (citing.length || (await versionsCite(tx, userId, id))) {
			await retireClaims(tx, [id]);
			await markOutdated(tx, citing);
		} else {
			await tx.delete(claims).where(eq(claims.id, id));
		}
	});
}

/** True when one of the user's non-current profile versions (archived or pending) cites the claim. */
async function versionsCite(tx: Executor, userId: string, claimId: string): Promise<boolean> {
	const rows = await tx
		.select({
			talkingPoints: profileVersions.talkingPoints,
			narrativeSentences: profileVersions.narrativeSentences,
			resumeData: profileVersions.resumeData
		})
		.from(profileVersions)
		.where(eq(profileVersions.userId, userId));
	return rows.some((row) => citesAny(row, (c) => c === claimId));
}

async function ownItem(db: Executor, userId: string, itemId: string) {
	const [row] = await db
		.select({ id: careerItems.id })
		.from(careerItems)
		.where(and(eq(careerItems.id, itemId), eq(careerItems.userId, userId)));
	if (!row) throw new NotFoundError('Career item');
}
