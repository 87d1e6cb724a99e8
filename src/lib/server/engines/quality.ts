import { z } from 'zod';
import type { TailoredProfile } from '../../schemas/profile';
import { pointersOverlap } from '../career/pointer';
import { wholeWord } from './text';

/**
 * Scores a tailored profile against a labelled (career, posting) pair
 * (format: fixtures README, "Label format").
 *
 * Matching reported entries to labelled requirements, by keywords (case-insensitive, whole
 * words, so a keyword does not match its plural):
 * - a labelled requirement the person meets (non-empty `evidence`) is matched by every talking
 *   point whose `requirement` text contains ALL its keywords;
 * - a labelled gap (empty `evidence`) is matched by every talking point or reported gap whose
 *   `requirement` text contains ANY of its keywords.
 *
 * Metrics:
 * - evidence recall: labelled pointers (of met requirements) covered by some evidence of a
 *   matched talking point, divided by all such pointers;
 * - evidence precision: evidence items of talking points matched to a labelled requirement that
 *   match one of that requirement's pointers, divided by all evidence of matched talking points
 *   (evidence cited for a labelled gap counts as wrong). Talking points that match no labelled
 *   requirement are left out and counted in `unmatchedTalkingPoints`;
 * - a cited `sourcePath` matches a labelled pointer when either is a prefix of the other on
 *   segment boundaries (`/work/1` covers `/work/1/highlights/0`, not `/work/10`);
 * - gap recall: labelled gaps matched by at least one reported gap, divided by labelled gaps;
 * - false gaps: labelled met requirements that a reported gap matches (all keywords);
 * - hallucinations: `forbidden` terms stated in the narrative or in any string of the resume,
 *   plus the engine's own grounding findings, reported separately.
 */

export const pairLabelSchema = z.object({
	career: z.string(),
	posting: z.string(),
	title: z.string(),
	company: z.string().nullable(),
	requirements: z.array(
		z.object({
			text: z.string(),
			kind: z.enum(['required', 'preferred']),
			evidence: z.array(z.string()),
			keywords: z.array(z.string()).min(1)
		})
	),
	forbidden: z.array(z.string())
});
export type PairLabel = z.infer<typeof pairLabelSchema>;

export type PairScore = {
	titleMatches: boolean;
	companyMatches: boolean;
	evidence: { cited: number; correct: number; labelled: number; covered: number };
	precision: number;
	recall: number;
	gaps: { labelled: number; found: number; missing: string[]; falseGaps: string[] };
	gapRecall: number;
	forbiddenStated: string[];
	groundingHallucinations: number;
	unmatchedTalkingPoints: string[];
	missedPointers: string[];
	wrongCitations: { requirement: string; sourcePath: string | null }[];
};

const containsAll = (text: string, keywords: string[]) =>
	keywords.every((k) => wholeWord(k).test(text));
const containsAny = (text: string, keywords: string[]) =>
	keywords.some((k) => wholeWord(k).test(text));

/** Every string in a JSON value, skipping provenance ids. */
function strings(value: unknown, key = ''): string[] {
	if (typeof value === 'string') return /claimids$/i.test(key) ? [] : [value];
	if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => (/claimids$/i.test(k) ? [] : strings(v, k)));
	}
	return [];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scorePair(label: PairLabel, profile: TailoredProfile): PairScore {
	const met = label.requirements.filter((r) => r.evidence.length > 0);
	const gaps = label.requirements.filter((r) => r.evidence.length === 0);
	const matchesOf = (r: PairLabel['requirements'][number]) =>
		profile.talkingPoints.filter((tp) =>
			r.evidence.length > 0
				? containsAll(tp.requirement, r.keywords)
				: containsAny(tp.requirement, r.keywords)
		);

	let labelled = 0;
	let covered = 0;
	const missedPointers: string[] = [];
	for (const r of met) {
		const cited = matchesOf(r).flatMap((tp) => tp.evidence);
		for (const pointer of r.evidence) {
			labelled++;
			if (cited.some((e) => e.sourcePath !== null && pointersOverlap(e.sourcePath, pointer))) {
				covered++;
			} else missedPointers.push(pointer);
		}
	}

	let cited = 0;
	let correct = 0;
	const wrongCitations: PairScore['wrongCitations'] = [];
	const unmatchedTalkingPoints: string[] = [];
	for (const tp of profile.talkingPoints) {
		const labels = label.requirements.filter((r) => matchesOf(r).includes(tp));
		if (labels.length === 0) {
			unmatchedTalkingPoints.push(tp.requirement);
			continue;
		}
		const pointers = labels.flatMap((r) => r.evidence);
		for (const e of tp.evidence) {
			cited++;
			if (
				e.sourcePath !== null &&
				pointers.some((p) => pointersOverlap(e.sourcePath as string, p))
			) {
				correct++;
			} else wrongCitations.push({ requirement: tp.requirement, sourcePath: e.sourcePath });
		}
	}

	const reported = profile.evaluation.gaps.map((g) => g.requirement);
	const missing = gaps
		.filter((r) => !reported.some((g) => containsAny(g, r.keywords)))
		.map((r) => r.text);
	const falseGaps = met
		.filter((r) => reported.some((g) => containsAll(g, r.keywords)))
		.map((r) => r.text);

	const stated = [profile.narrative, ...strings(profile.resume)].join('\n');
	const forbiddenStated = label.forbidden.filter((term) => wholeWord(term).test(stated));

	return {
		titleMatches:
			profile.opportunity.title.trim().toLowerCase() === label.title.trim().toLowerCase(),
		companyMatches:
			(profile.opportunity.company ?? '').trim().toLowerCase() ===
			(label.company ?? '').trim().toLowerCase(),
		evidence: { cited, correct, labelled, covered },
		precision: ratio(correct, cited),
		recall: ratio(covered, labelled),
		gaps: { labelled: gaps.length, found: gaps.length - missing.length, missing, falseGaps },
		gapRecall: ratio(gaps.length - missing.length, gaps.length),
		forbiddenStated,
		groundingHallucinations: profile.evaluation.grounding.hallucinations.length,
		unmatchedTalkingPoints,
		missedPointers,
		wrongCitations
	};
}
