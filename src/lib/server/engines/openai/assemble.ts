import type { Claim } from '../../../schemas/career';
import type { Evidence, NarrativeSentence, TalkingPoint } from '../../../schemas/profile';
import type { Ranking } from '../local/rank';
import type { NarrativeAnswer, TalkingPointsAnswer } from './schemas';

/**
 * Turns the model's answers into the profile's statements, keeping only what the person's record
 * backs: a cited id that is not one of the person's claims is dropped, and a statement left
 * without a citation is dropped too (a talking point without evidence is a gap).
 */

/** Score given to a claim the model cited that the ranking did not consider for the requirement. */
const UNRANKED_SCORE = 0.4;
const MAX_SENTENCES = 8;

/** The ids the model cited that name one of the person's claims, each once, in the model's order. */
export function knownIds(ids: string[], claimsById: Map<string, Claim>): string[] {
	return [...new Set(ids.map((id) => id.trim()))].filter((id) => claimsById.has(id));
}

const evidenceOf = (claim: Claim): Evidence => ({
	claimId: claim.id,
	sourcePath: claim.sourcePath,
	text: claim.text
});

/** Same scale as the local engine: the best score, a little more for corroboration. */
function strengthOf(scores: number[]): number {
	const sorted = [...scores].sort((a, b) => b - a);
	const best = sorted[0] ?? 0;
	if (best === 0) return 0;
	const value = best * (0.8 + 0.07 * Math.min(3, sorted.length - 1)) + 0.1;
	return Math.round(Math.min(1, value) * 100) / 100;
}

export function assembleTalkingPoints(
	ranking: Ranking,
	answer: TalkingPointsAnswer,
	claims: Claim[]
): TalkingPoint[] {
	const claimsById = new Map(claims.map((c) => [c.id, c]));
	const byRequirement = new Map<number, TalkingPoint>();
	for (const p of answer.points) {
		const index = p.requirement - 1;
		const ranked = Number.isInteger(index) ? ranking.requirements[index] : undefined;
		const point = p.point.trim();
		if (!ranked || !point || byRequirement.has(index)) continue;
		const ids = knownIds(p.claimIds, claimsById);
		if (ids.length === 0) continue;
		const scores = new Map<string, number>();
		for (const e of [...ranked.evidence, ...ranked.related]) {
			scores.set(e.claimId, Math.max(scores.get(e.claimId) ?? 0, e.score));
		}
		byRequirement.set(index, {
			requirement: ranked.requirement.text,
			kind: ranked.requirement.kind,
			point,
			evidence: ids.map((id) => evidenceOf(claimsById.get(id)!)),
			strength: strengthOf(ids.map((id) => scores.get(id) ?? UNRANKED_SCORE))
		});
	}
	return [...byRequirement.entries()].sort(([a], [b]) => a - b).map(([, tp]) => tp);
}

export function assembleNarrative(
	answer: NarrativeAnswer,
	claims: Claim[]
): { narrative: string; narrativeSentences: NarrativeSentence[] } {
	const claimsById = new Map(claims.map((c) => [c.id, c]));
	const narrativeSentences = answer.sentences
		.map((s) => ({ text: s.text.trim(), claimIds: knownIds(s.claimIds, claimsById) }))
		.filter((s) => s.text !== '' && s.claimIds.length > 0)
		.slice(0, MAX_SENTENCES);
	return { narrative: narrativeSentences.map((s) => s.text).join(' '), narrativeSentences };
}
