import type { CareerItem, Claim } from '../../../schemas/career';
import type { JsonResume } from '../../../schemas/profile';
import { generateResume } from '../local/resume';
import type { Ranking } from '../local/rank';
import { knownIds } from './assemble';
import type { ResumeAnswer } from './schemas';

/**
 * The tailored resume from the model's choices. The model picks entries and, by claim id, the
 * highlights each keeps; every text comes from the person's record, so nothing can be invented:
 * a highlight id is accepted only for the entry it belongs to. Jobs are never dropped and stay
 * in the record's (chronological) order; volunteer entries keep that order too, projects follow
 * the model's order. Everything else (basics, education, skills, …) is the local engine's.
 */

const MAX_HIGHLIGHTS = 6;
const MIN_HIGHLIGHTS = 2;
const KEEP_RELEVANCE = 0.35;
const CHOSEN_SECTIONS = ['work', 'volunteer', 'projects'] as const;

type Obj = Record<string, unknown>;

function relevanceOf(ranking: Ranking): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of ranking.requirements) {
		for (const e of [...r.evidence, ...r.related]) {
			out.set(e.claimId, Math.max(out.get(e.claimId) ?? 0, e.score));
		}
	}
	return out;
}

/** The local engine's pick when the model chose nothing usable for an entry. */
function fallbackHighlights(highlights: Claim[], relevance: Map<string, number>): Claim[] {
	const rel = (c: Claim) => relevance.get(c.id) ?? 0;
	return highlights
		.map((c, i) => ({ c, i }))
		.sort((a, b) => rel(b.c) - rel(a.c) || a.i - b.i)
		.filter(({ c }, rank) => rank < MIN_HIGHLIGHTS || rel(c) >= KEEP_RELEVANCE)
		.slice(0, MAX_HIGHLIGHTS)
		.map(({ c }) => c);
}

function entryFor(
	item: CareerItem,
	chosenIds: string[],
	claims: Claim[],
	relevance: Map<string, number>
): Obj {
	const own = claims.filter((c) => c.itemId === item.id);
	const highlights = own.filter((c) => c.kind === 'highlight');
	const byId = new Map(highlights.map((c) => [c.id, c]));
	let kept = knownIds(chosenIds, byId)
		.slice(0, MAX_HIGHLIGHTS)
		.map((id) => byId.get(id)!);
	if (kept.length === 0) kept = fallbackHighlights(highlights, relevance);
	const data: Obj = { ...item.data };
	if (highlights.length > 0 || Array.isArray(item.data.highlights)) {
		data.highlights = kept.map((c) => c.text);
		data.highlightClaimIds = kept.map((c) => [c.id]);
	}
	for (const field of ['summary', 'description']) {
		const claim = own.find(
			(c) => c.kind !== 'highlight' && (c.sourcePath?.endsWith(`/${field}`) ?? false)
		);
		if (claim) data[field] = claim.text;
	}
	return data;
}

export function assembleResume(
	ranking: Ranking,
	answer: ResumeAnswer,
	claims: Claim[],
	items: CareerItem[]
): JsonResume {
	const resume = generateResume(ranking, claims, items) as Obj;
	const order = new Map<string, number>();
	const chosen = new Map<string, string[]>();
	answer.entries.forEach((e, i) => {
		const id = e.itemId.trim();
		if (order.has(id)) return;
		order.set(id, i);
		chosen.set(id, e.claimIds);
	});
	const relevance = relevanceOf(ranking);
	for (const section of CHOSEN_SECTIONS) {
		const own = items.filter((i) => i.section === section).sort((a, b) => a.position - b.position);
		const picked = section === 'work' ? own : own.filter((i) => order.has(i.id));
		// The model chose nothing from this section: the local engine's choice stands.
		if (picked.length === 0) continue;
		if (section === 'projects') picked.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
		resume[section] = picked.map((item) =>
			entryFor(item, chosen.get(item.id) ?? [], claims, relevance)
		);
	}
	return resume as JsonResume;
}
