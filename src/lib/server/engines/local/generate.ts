import type { CareerItem, Claim } from '../../../schemas/career';
import type { NarrativeSentence, TalkingPoint } from '../../../schemas/profile';
import { sentences } from '../text';
import { CareerContext } from './career-context';
import { sayClaim, sayResult } from './prose';
import { yearsStated } from './experience';
import type { RankedRequirement, Ranking } from './rank';

export { generateResume } from './resume';

/**
 * Talking points and narrative, composed only from the cited claims' own words plus the names
 * and dates of the items they belong to. Nothing is paraphrased, so nothing can be invented.
 */

const MAX_FACTS_PER_POINT = 2;

function claimsOf(ranked: RankedRequirement, ctx: CareerContext): Claim[] {
	return ranked.evidence
		.map((e) => ctx.claimsById.get(e.claimId))
		.filter((c): c is Claim => c !== undefined);
}

/** For a years requirement, the summary sentence that states the years. */
function yearsSentence(text: string): string | null {
	return sentences(text).find((s) => yearsStated(s) !== null) ?? null;
}

function pointFor(ranked: RankedRequirement, ctx: CareerContext): string {
	// Achievements first; a skill-list entry only leads when nothing else was cited.
	const claims = claimsOf(ranked, ctx).sort(
		(a, b) => Number(a.kind === 'skill') - Number(b.kind === 'skill')
	);
	const facts: string[] = [];
	const usedPlaces = new Set<string>();
	let previousPlace = '';
	for (const claim of claims) {
		if (facts.length >= MAX_FACTS_PER_POINT) break;
		// A second fact should come from somewhere else, or it only repeats the first.
		const place = ctx.organisation(ctx.itemOf(claim)) || String(claim.itemId);
		if (facts.length > 0 && (usedPlaces.has(place) || claim.kind === 'skill')) continue;
		const summarySentence =
			ranked.basis === 'years' && ctx.itemOf(claim)?.section === 'basics'
				? yearsSentence(claim.text)
				: null;
		facts.push(
			sayResult(summarySentence ? { ...claim, text: summarySentence } : claim, ctx, previousPlace)
		);
		usedPlaces.add(place);
		previousPlace = place;
	}
	return facts.join(' ');
}

export function generateTalkingPoints(
	ranking: Ranking,
	claims: Claim[],
	items: CareerItem[]
): TalkingPoint[] {
	const ctx = new CareerContext(claims, items);
	return ranking.requirements
		.filter((r) => r.evidence.length > 0)
		.map((r) => ({
			requirement: r.requirement.text,
			kind: r.requirement.kind,
			point: pointFor(r, ctx),
			evidence: r.evidence.map(({ claimId, sourcePath, text }) => ({ claimId, sourcePath, text })),
			strength: r.strength
		}));
}

/**
 * 3–6 sentences: the profile summary's most relevant sentence, then the strongest evidence of
 * the best-supported requirements (required first), one fact per sentence, each fact used once.
 */
export function generateNarrative(
	ranking: Ranking,
	claims: Claim[],
	items: CareerItem[]
): { narrative: string; narrativeSentences: NarrativeSentence[] } {
	const ctx = new CareerContext(claims, items);
	const out: NarrativeSentence[] = [];
	const used = new Set<string>();

	const summary = claims.find((c) => c.kind === 'summary' && ctx.itemOf(c)?.section === 'basics');
	const opener = summary ? sayClaim(summary, ctx) : null;
	if (summary && opener) {
		out.push({ text: opener, claimIds: [summary.id] });
		used.add(summary.id);
	}

	const ranked = [...ranking.requirements]
		.filter((r) => r.evidence.length > 0 && r.basis !== 'years')
		.sort(
			(a, b) =>
				Number(b.requirement.kind === 'required') - Number(a.requirement.kind === 'required') ||
				b.strength - a.strength
		);
	// Round robin over the requirements: the best fact of each, then the second best of each, …
	const depth = Math.max(0, ...ranked.map((r) => r.evidence.length));
	const candidates = [
		...Array.from({ length: depth }, (_, i) =>
			ranked.map((r) => r.evidence[i]?.claimId).filter((id): id is string => !!id)
		).flat(),
		// With little evidence, the person's first highlights still say who they are.
		...claims.filter((c) => c.kind === 'highlight').map((c) => c.id)
	];
	const perPlace = new Map<string, number>();
	const credentials: Claim[] = [];
	let previousPlace = '';
	for (const claimId of candidates) {
		if (out.length >= 6) break;
		const claim = ctx.claimsById.get(claimId);
		if (!claim || used.has(claimId)) continue;
		const place = ctx.organisation(ctx.itemOf(claim)) || String(claim.itemId);
		// Two facts per employer at most, so the pitch covers the whole career.
		if ((perPlace.get(place) ?? 0) >= 2) continue;
		// Skill-list entries are for talking points; the narrative tells what was done, and
		// credentials come once, at the end.
		if (claim.kind === 'skill') continue;
		if (claim.kind === 'certificate' || claim.kind === 'degree') {
			if (credentials.length < 2 && !credentials.includes(claim)) credentials.push(claim);
			continue;
		}
		const text = sayClaim(claim, ctx, { previousPlace });
		if (!text) continue;
		const fromRanking = ranked.some((r) => r.evidence.some((e) => e.claimId === claimId));
		if (!fromRanking && out.length >= 3) break;
		out.push({ text, claimIds: [claimId] });
		used.add(claimId);
		perPlace.set(place, (perPlace.get(place) ?? 0) + 1);
		previousPlace = place;
	}
	for (const claim of credentials) {
		if (out.length >= 6) break;
		const text = sayClaim(claim, ctx);
		if (text) out.push({ text, claimIds: [claim.id] });
	}
	return { narrative: out.map((s) => s.text).join(' '), narrativeSentences: out };
}
