import { and, desc, eq } from 'drizzle-orm';
import type { ParsedPosting, Requirement } from '../../schemas/profile';
import type { Executor } from '../db/client';
import { opportunities } from '../db/schema';
import { parsePosting } from '../engines/local/posting';
import { cancelJobsOf } from '../jobs/cancel';
import { assertStorable, InvalidInputError, NotFoundError } from './errors';

export type Opportunity = typeof opportunities.$inferSelect;

export type OpportunityDraft = {
	title?: string | null;
	company?: string | null;
	description: string;
	url?: string | null;
};

/**
 * Stores a posting. Title, company and requirements are parsed from the text at once (the local
 * parser takes milliseconds); a title or company given by the person wins over the parsed one.
 */
export async function createOpportunity(
	db: Executor,
	userId: string,
	draft: OpportunityDraft,
	parsed: ParsedPosting = parsePosting(draft.description)
): Promise<Opportunity> {
	assertStorable(draft);
	const description = draft.description.trim();
	if (!description)
		throw new InvalidInputError('Paste the job posting’s text.', [
			{ path: '/description', message: 'is empty' }
		]);
	const title = draft.title?.trim() || parsed.title?.trim() || 'Untitled opportunity';
	const [row] = await db
		.insert(opportunities)
		.values({
			userId,
			title,
			company: draft.company?.trim() || parsed.company || null,
			description,
			url: draft.url?.trim() || null,
			requirements: parsed.requirements
		})
		.returning();
	return row!;
}

export async function listOpportunities(db: Executor, userId: string): Promise<Opportunity[]> {
	return db
		.select()
		.from(opportunities)
		.where(eq(opportunities.userId, userId))
		.orderBy(desc(opportunities.createdAt));
}

export async function getOpportunity(
	db: Executor,
	userId: string,
	id: string
): Promise<Opportunity> {
	const [row] = await db
		.select()
		.from(opportunities)
		.where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)));
	if (!row) throw new NotFoundError('Opportunity');
	return row;
}

export async function setRequirements(
	db: Executor,
	userId: string,
	id: string,
	requirements: Requirement[]
): Promise<void> {
	await db
		.update(opportunities)
		.set({ requirements, updatedAt: new Date() })
		.where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)));
}

/**
 * Deletes an opportunity with its tailored profile (and that profile's versions and share links).
 * A tailor job still running for it is cancelled: it stops at its next step boundary.
 */
export async function deleteOpportunity(db: Executor, userId: string, id: string): Promise<void> {
	await db.transaction(async (tx) => {
		const [own] = await tx
			.select({ id: opportunities.id })
			.from(opportunities)
			.where(and(eq(opportunities.id, id), eq(opportunities.userId, userId)))
			.for('update');
		if (!own) throw new NotFoundError('Opportunity');
		await cancelJobsOf(tx, userId, id);
		await tx.delete(opportunities).where(eq(opportunities.id, id));
	});
}
