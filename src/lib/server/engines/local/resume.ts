import type { CareerItem, Claim } from '../../../schemas/career';
import type { JsonResume } from '../../../schemas/profile';
import { parsePointer } from '../../career/pointer';
import type { Ranking } from './rank';

/**
 * The tailored resume: the person's own items, selected and ordered for the posting. Highlights,
 * summaries and skill keywords come from the current claims (so edited or deleted claims are
 * respected); every other field is copied from the item. Nothing is added but provenance
 * (`highlightClaimIds`, parallel to `highlights`).
 */

const MAX_HIGHLIGHTS = 6;
const MIN_HIGHLIGHTS = 2;
/** Below this relevance a highlight is trimmed (unless the role would be left too bare). */
const KEEP_RELEVANCE = 0.35;
const OPTIONAL_SECTIONS = new Set([
	'projects',
	'volunteer',
	'awards',
	'publications',
	'certificates'
]);
const DROPPED_SECTIONS = new Set(['interests', 'references', 'meta']);

type Obj = Record<string, unknown>;

/** Highest score each claim reached for any requirement (cited or related). */
function relevanceOf(ranking: Ranking): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of ranking.requirements) {
		for (const e of [...r.evidence, ...r.related]) {
			out.set(e.claimId, Math.max(out.get(e.claimId) ?? 0, e.score));
		}
	}
	return out;
}

/** The index of a claim's pointer under its item (`/work/0/highlights/3` → 3), for ordering. */
function indexIn(claim: Claim): number {
	const last = claim.sourcePath ? parsePointer(claim.sourcePath).at(-1) : undefined;
	return last !== undefined && /^\d+$/.test(last) ? Number(last) : Number.MAX_SAFE_INTEGER;
}

const byRecordOrder = (a: Claim, b: Claim) => indexIn(a) - indexIn(b);
const endsWith = (claim: Claim, field: string) => claim.sourcePath?.endsWith(`/${field}`) ?? false;

export function generateResume(ranking: Ranking, claims: Claim[], items: CareerItem[]): JsonResume {
	const relevance = relevanceOf(ranking);
	const rel = (c: Claim) => relevance.get(c.id) ?? 0;
	const claimsOf = new Map<string, Claim[]>();
	for (const c of claims) {
		if (c.itemId) claimsOf.set(c.itemId, [...(claimsOf.get(c.itemId) ?? []), c]);
	}

	const entries = new Map<string, { score: number; position: number; data: Obj }[]>();
	const resume: Obj = {};
	for (const item of [...items].sort((a, b) => a.position - b.position)) {
		if (DROPPED_SECTIONS.has(item.section)) continue;
		const own = claimsOf.get(item.id) ?? [];
		const data: Obj = { ...item.data };
		const score = Math.max(0, ...own.map(rel));

		const highlights = own.filter((c) => c.kind === 'highlight').sort(byRecordOrder);
		if (highlights.length > 0 || Array.isArray(item.data.highlights)) {
			const ordered = [...highlights].sort((a, b) => rel(b) - rel(a) || byRecordOrder(a, b));
			const kept = ordered
				.filter((c, i) => i < MIN_HIGHLIGHTS || rel(c) >= KEEP_RELEVANCE)
				.slice(0, MAX_HIGHLIGHTS);
			data.highlights = kept.map((c) => c.text);
			data.highlightClaimIds = kept.map((c) => [c.id]);
		}
		for (const field of ['summary', 'description']) {
			const claim = own.find((c) => c.kind !== 'highlight' && endsWith(c, field));
			if (claim) data[field] = claim.text;
		}
		if (item.section === 'skills') {
			const keywords = own.filter(
				(c) => c.kind === 'skill' && c.sourcePath?.includes('/keywords/')
			);
			if (keywords.length > 0 || Array.isArray(item.data.keywords)) {
				data.keywords = [...keywords]
					.sort((a, b) => rel(b) - rel(a) || byRecordOrder(a, b))
					.map((c) => c.text);
			}
		}

		if (
			item.section === 'basics' ||
			(item.sourcePath && parsePointer(item.sourcePath).length === 1)
		) {
			resume[item.section] ??= data;
			continue;
		}
		// Optional sections keep only what bears on the posting.
		if (OPTIONAL_SECTIONS.has(item.section) && score < KEEP_RELEVANCE) continue;
		if (!entries.has(item.section)) {
			entries.set(item.section, []);
			resume[item.section] = [];
		}
		entries.get(item.section)?.push({ score, position: item.position, data });
	}

	for (const [section, list] of entries) {
		// Work and education stay in the record's (chronological) order; other sections lead with
		// what is most relevant.
		const chronological = section === 'work' || section === 'education' || section === 'volunteer';
		const sorted = chronological
			? list
			: [...list].sort((a, b) => b.score - a.score || a.position - b.position);
		let kept = sorted;
		if (section === 'skills' && sorted.filter((e) => e.score > 0).length >= 2) {
			kept = sorted.filter((e) => e.score > 0);
		}
		resume[section] = kept.map((e) => e.data);
		if (kept.length === 0) delete resume[section];
	}
	return resume as JsonResume;
}
