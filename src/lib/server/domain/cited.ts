import { and, eq, inArray } from 'drizzle-orm';
import type { Evidence, JsonResume, NarrativeSentence, TalkingPoint } from '../../schemas/profile';
import type { Executor } from '../db/client';
import { claims } from '../db/schema';

/** What a profile version says, as far as its provenance goes. */
export type CitingContent = {
	talkingPoints: TalkingPoint[];
	narrativeSentences: NarrativeSentence[];
	resume: JsonResume;
};

/** Every claim id a profile cites: talking points, narrative sentences and resume highlights. */
export function citedClaimIds(content: CitingContent): string[] {
	const ids = new Set<string>();
	for (const tp of content.talkingPoints) for (const e of tp.evidence) ids.add(e.claimId);
	for (const s of content.narrativeSentences) for (const id of s.claimIds) ids.add(id);
	for (const section of [content.resume.work, content.resume.projects, content.resume.volunteer])
		for (const entry of section ?? [])
			for (const list of entry.highlightClaimIds ?? []) for (const id of list) ids.add(id);
	return [...ids];
}

/** The text and source of cited claims, by claim id. */
export type ClaimIndex = Record<string, { text: string; sourcePath: string | null }>;

/**
 * The text of every claim a profile cites (and only those), for showing its sources: from the
 * evidence it carries, and from the user's record for the ids its sentences and bullets cite.
 */
export async function citedClaims(
	db: Executor,
	userId: string,
	view: CitingContent & { evaluation: { utilization: { missed: Evidence[] } } }
): Promise<ClaimIndex> {
	const ids = citedClaimIds(view).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
	const index: ClaimIndex = {};
	for (const tp of view.talkingPoints)
		for (const e of tp.evidence) index[e.claimId] = { text: e.text, sourcePath: e.sourcePath };
	for (const e of view.evaluation.utilization.missed)
		index[e.claimId] = { text: e.text, sourcePath: e.sourcePath };
	if (!ids.length) return index;
	const rows = await db
		.select({ id: claims.id, text: claims.text, sourcePath: claims.sourcePath })
		.from(claims)
		.where(and(eq(claims.userId, userId), inArray(claims.id, ids)));
	for (const r of rows) index[r.id] = { text: r.text, sourcePath: r.sourcePath };
	return index;
}
