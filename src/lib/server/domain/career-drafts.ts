import { eq, sql } from 'drizzle-orm';
import type { JsonResume } from '../../schemas/profile';
import { CareerImportError, importJsonResume, validateJsonResume } from '../career/json-resume';
import type { Executor } from '../db/client';
import { careerDrafts } from '../db/schema';
import { replaceCareer } from './career';
import { assertStorable, InvalidInputError, NotFoundError } from './errors';

/**
 * An import the person reviews before it replaces their record: a resume file or pasted text is
 * read into a draft, shown, then either confirmed (it replaces the record) or discarded. One
 * draft per user; a new import replaces the one waiting. Another user's draft is "not found".
 */

export type CareerDraft = { resume: JsonResume; source: string; createdAt: Date };

/** Stores `resume` as the user's draft, in place of any draft waiting. */
export async function saveCareerDraft(
	db: Executor,
	userId: string,
	resume: unknown,
	source: string
): Promise<void> {
	let valid: JsonResume;
	try {
		valid = validateJsonResume(resume);
		// Refused now, if the record could not take it, rather than after the person reviewed it.
		importJsonResume(valid);
	} catch (error) {
		if (error instanceof CareerImportError)
			throw new InvalidInputError(error.message, error.issues);
		throw error;
	}
	assertStorable({ resume: valid, source });
	const name = source.trim().slice(0, 200) || 'pasted text';
	await db
		.insert(careerDrafts)
		.values({ userId, resume: valid as Record<string, unknown>, source: name })
		.onConflictDoUpdate({
			target: careerDrafts.userId,
			set: { resume: valid as Record<string, unknown>, source: name, createdAt: sql`now()` }
		});
}

/** The user's draft, or null when none is waiting. */
export async function getCareerDraft(db: Executor, userId: string): Promise<CareerDraft | null> {
	const [row] = await db.select().from(careerDrafts).where(eq(careerDrafts.userId, userId));
	return row
		? { resume: row.resume as JsonResume, source: row.source, createdAt: row.createdAt }
		: null;
}

/** Deletes the user's draft; false when there was none. */
export async function discardCareerDraft(db: Executor, userId: string): Promise<boolean> {
	const rows = await db
		.delete(careerDrafts)
		.where(eq(careerDrafts.userId, userId))
		.returning({ userId: careerDrafts.userId });
	return rows.length > 0;
}

/**
 * Replaces the user's record with their draft and deletes the draft, in one transaction (a
 * failed import leaves both as they were). Throws NotFoundError when no draft is waiting, as
 * when it was confirmed or discarded in another tab.
 */
export async function confirmCareerDraft(
	db: Executor,
	userId: string
): Promise<{ items: number; claims: number }> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(careerDrafts)
			.where(eq(careerDrafts.userId, userId))
			.for('update');
		if (!row) throw new NotFoundError('Import');
		const counts = await replaceCareer(tx, userId, row.resume);
		await tx.delete(careerDrafts).where(eq(careerDrafts.userId, userId));
		return counts;
	});
}
