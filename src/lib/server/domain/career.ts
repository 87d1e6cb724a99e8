import { and, asc, eq } from 'drizzle-orm';
import type { CareerItem, Claim, ClaimKind } from '../../schemas/career';
import type { JsonResume } from '../../schemas/profile';
import { CareerImportError, exportJsonResume, importJsonResume } from '../career/json-resume';
import type { Executor } from '../db/client';
import { careerItems, claims } from '../db/schema';
import { findSkills } from '../engines/lexicon';
import { assertStorable, InvalidInputError, NotFoundError } from './errors';

export type CareerRecord = { items: CareerItem[]; claims: Claim[] };

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
 * invalid one changes nothing and is reported with the path of the problem), then stored as
 * items and atomic claims in one transaction.
 */
export async function replaceCareer(
	db: Executor,
	userId: string,
	resume: unknown
): Promise<{ items: number; claims: number }> {
	let extract;
	try {
		extract = importJsonResume(resume);
	} catch (error) {
		if (error instanceof CareerImportError)
			throw new InvalidInputError(error.message, error.issues);
		throw error;
	}
	// A nested call (inside the caller's transaction) becomes a savepoint.
	await db.transaction(async (tx) => {
		await tx.delete(careerItems).where(eq(careerItems.userId, userId));
		await tx.delete(claims).where(eq(claims.userId, userId));
		const items = extract.items.length
			? await tx
					.insert(careerItems)
					.values(extract.items.map((i) => ({ ...i, userId })))
					.returning({ id: careerItems.id })
			: [];
		if (extract.claims.length) {
			await tx.insert(claims).values(
				extract.claims.map((c) => ({
					userId,
					itemId: c.itemIndex === null ? null : (items[c.itemIndex]?.id ?? null),
					kind: c.kind,
					text: c.text,
					sourcePath: c.sourcePath,
					skills: c.skills
				}))
			);
		}
	});
	return { items: extract.items.length, claims: extract.claims.length };
}

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
			.where(eq(claims.userId, userId))
			.orderBy(asc(claims.createdAt), asc(claims.sourcePath))
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
		.where(and(eq(claims.id, id), eq(claims.userId, userId)))
		.returning();
	if (!row) throw new NotFoundError('Claim');
	return toClaim(row);
}

export async function deleteClaim(db: Executor, userId: string, id: string): Promise<void> {
	const rows = await db
		.delete(claims)
		.where(and(eq(claims.id, id), eq(claims.userId, userId)))
		.returning({ id: claims.id });
	if (!rows.length) throw new NotFoundError('Claim');
}

async function ownItem(db: Executor, userId: string, itemId: string) {
	const [row] = await db
		.select({ id: careerItems.id })
		.from(careerItems)
		.where(and(eq(careerItems.id, itemId), eq(careerItems.userId, userId)));
	if (!row) throw new NotFoundError('Career item');
}
