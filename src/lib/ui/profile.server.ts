import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '$lib/server/db/client';
import { claims } from '$lib/server/db/schema';
import { citedClaimIds } from '$lib/server/domain/cited';
import type { ProfileView } from '$lib/schemas/views';
import type { ClaimIndex } from './profile';

/** The text of every claim the profile cites (and only those), for showing its sources. */
export async function profileClaims(
	db: Executor,
	userId: string,
	view: ProfileView
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

/** What the profile pages render: the view without server-only details. */
export function profileForPage(view: ProfileView) {
	return {
		id: view.id,
		opportunityId: view.opportunityId,
		opportunity: view.opportunity,
		talkingPoints: view.talkingPoints,
		narrative: view.narrative,
		narrativeSentences: view.narrativeSentences,
		resume: view.resume,
		evaluation: view.evaluation,
		matchScore: view.matchScore,
		engine: view.engine,
		model: view.model,
		editedFields: view.editedFields,
		version: view.version,
		generatedAt: view.generatedAt,
		recordOutdated: view.recordOutdated,
		updatedAt: view.updatedAt
	};
}
