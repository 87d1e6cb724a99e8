import type { CareerItem, Claim } from '../../../schemas/career';
import type { NarrativeSentence, TalkingPoint } from '../../../schemas/profile';
import { sentences } from '../text';
import { CareerContext, ensurePeriod } from './career-context';
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
			summarySentence ? ensurePeriod(summarySentence) : ctx.render(claim, ranked.requirement.text)
		);
		usedPlaces.add(place);
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

const PRESENT_VERBS =
	/^(runs|leads|owns|maintains|manages|builds|writes|mentors|designs|organi[sz]es|hosts|teaches|supports|coordinates|develops|oversees|drives|creates|delivers)$/i;
const IRREGULAR_PAST =
	/^(built|led|ran|wrote|grew|made|drove|taught|brought|began|won|held|kept|sold|spoke|took|gave|chose|found|shipped|set|cut|rebuilt|rewrote|oversaw|became|put|sent|spent|brought)$/i;

/** True when a highlight starts with a verb ("Migrated …"), so "I" can lead it. */
function startsWithVerb(text: string): boolean {
	const first = /^([A-Za-z]+)\b/.exec(text.trim())?.[1] ?? '';
	// "Used to validate …" would turn into "I used to …", which means something else.
	if (first.length < 3 || /^[A-Z]{2,}/.test(first) || /^used$/i.test(first)) return false;
	return /[a-z]ed$/.test(first) || IRREGULAR_PAST.test(first) || PRESENT_VERBS.test(first);
}

function narrativeSentence(claim: Claim, ctx: CareerContext, previousPlace: string): string | null {
	const item = ctx.itemOf(claim);
	const text = claim.text.trim();
	const place = ctx.organisation(item);
	const personal = item?.section === 'work' || item?.section === 'volunteer';
	if (claim.kind === 'highlight' && personal && startsWithVerb(text)) {
		const verb = text.charAt(0).toLowerCase() + text.slice(1);
		if (place && place === previousPlace) return ensurePeriod(`There I also ${verb}`);
		return ensurePeriod(place ? `At ${place}, I ${verb}` : `I ${verb}`);
	}
	if (claim.kind === 'highlight' || claim.kind === 'project' || claim.kind === 'summary') {
		return ctx.render(claim);
	}
	if (claim.kind === 'certificate') return ensurePeriod(`I hold the ${claim.text}`);
	return null;
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
	if (summary) {
		const opener = sentences(summary.text)[0] ?? summary.text;
		out.push({ text: ensurePeriod(opener), claimIds: [summary.id] });
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
	let previousPlace = '';
	for (const claimId of candidates) {
		if (out.length >= 6) break;
		const claim = ctx.claimsById.get(claimId);
		if (!claim || used.has(claimId)) continue;
		const place = ctx.organisation(ctx.itemOf(claim)) || String(claim.itemId);
		// Two facts per employer at most, so the pitch covers the whole career.
		if ((perPlace.get(place) ?? 0) >= 2) continue;
		const text = narrativeSentence(claim, ctx, previousPlace);
		if (!text) continue;
		const fromRanking = ranked.some((r) => r.evidence.some((e) => e.claimId === claimId));
		if (!fromRanking && out.length >= 3) break;
		out.push({ text, claimIds: [claimId] });
		used.add(claimId);
		perPlace.set(place, (perPlace.get(place) ?? 0) + 1);
		previousPlace = place;
	}
	return { narrative: out.map((s) => s.text).join(' '), narrativeSentences: out };
}
