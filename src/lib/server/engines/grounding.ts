import type { CareerItem, Claim } from '../../schemas/career';
import type {
	Evaluation,
	Evidence,
	Hallucination,
	JsonResume,
	NarrativeSentence,
	Requirement,
	TalkingPoint
} from '../../schemas/profile';
import { expandSkills, findSkillMentions, findSkills } from './lexicon';
import { citedClaimIds } from '../domain/cited';
import { CareerContext } from './local/career-context';
import { sentences } from './text';

/**
 * The deterministic grounding check (SPEC §6, Evaluation). Every number, date, named skill or
 * tool, and capitalised name (organisation, product, place, month) in a statement must appear in
 * the claims the statement cites, or, for resume fields, somewhere in the person's record.
 * Anything else is reported as a hallucination.
 */

const NUMBER_WORDS = new Map<string, string>(
	Object.entries({
		one: '1',
		two: '2',
		three: '3',
		four: '4',
		five: '5',
		six: '6',
		seven: '7',
		eight: '8',
		nine: '9',
		ten: '10',
		eleven: '11',
		twelve: '12',
		twenty: '20',
		thirty: '30',
		forty: '40',
		fifty: '50',
		hundred: '100',
		thousand: '1000',
		million: '1000000',
		billion: '1000000000'
	})
);

/** Numbers in a text, normalised: "30,000" → "30000", "eight" → "8". */
export function numbersIn(text: string): string[] {
	const digits = (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) =>
		/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(n) ? n.replaceAll(',', '') : n.replace(',', '.')
	);
	const spelled = (text.toLowerCase().match(/[a-z]+/g) ?? [])
		.map((w) => NUMBER_WORDS.get(w))
		.filter((n): n is string => n !== undefined);
	return [...digits, ...spelled];
}

/** Capitalised words that are not the first word of a sentence (names, organisations, months). */
export function namesIn(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(
		/(?<![\p{L}\p{N}])(?:[\p{Lu}][\p{L}\p{N}&'’.-]*[\p{L}\p{N}]|[\p{Lu}])/gu
	)) {
		const before = text.slice(0, m.index).trimEnd();
		const sentenceStart = before === '' || /[.!?:;(\n"“]$/.test(before);
		if (sentenceStart || m[0] === 'I') continue;
		out.push(m[0]);
	}
	return out;
}

function wordIn(word: string, text: string): boolean {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** What a statement may draw on: a text with its numbers and skills worked out once. */
export class GroundingSource {
	readonly numbers: Set<string>;
	readonly skills: Set<string>;
	constructor(
		readonly text: string,
		extraSkills: string[] = []
	) {
		this.numbers = new Set(numbersIn(text));
		this.skills = new Set(expandSkills([...findSkills(text), ...extraSkills]));
	}
}

/** The facts of `statement` that `source` does not hold. */
export function ungrounded(statement: string, source: GroundingSource | string): Hallucination[] {
	const src = typeof source === 'string' ? new GroundingSource(source) : source;
	const out: Hallucination[] = [];
	for (const n of new Set(numbersIn(statement))) {
		if (!src.numbers.has(n))
			out.push({ text: n, reason: `the number ${n} is not in the cited claims` });
	}
	const seen = new Set<string>();
	for (const m of findSkillMentions(statement)) {
		if (src.skills.has(m.skill) || seen.has(m.skill) || wordIn(m.text, src.text)) continue;
		seen.add(m.skill);
		out.push({ text: m.text, reason: `the skill ${m.skill} is not in the cited claims` });
	}
	const mentioned = new Set(out.map((h) => h.text.toLowerCase()));
	for (const name of new Set(namesIn(statement))) {
		if (mentioned.has(name.toLowerCase()) || wordIn(name, src.text)) continue;
		if (findSkills(name).length > 0) continue;
		out.push({ text: name, reason: `the name "${name}" is not in the cited claims` });
	}
	return out;
}

export type GroundingInput = {
	talkingPoints: TalkingPoint[];
	narrativeSentences: NarrativeSentence[];
	resume: JsonResume;
};

/** Every string of a JSON value except provenance ids. */
export function strings(value: unknown, key = ''): string[] {
	if (/claimids$/i.test(key)) return [];
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap((v) => strings(v));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => strings(v, k));
	}
	return typeof value === 'number' ? [String(value)] : [];
}

/** Everything the person's record says, as one grounding source. */
function recordSource(claims: Claim[], items: CareerItem[]): GroundingSource {
	return new GroundingSource(
		[...claims.map((c) => c.text), ...items.flatMap((i) => strings(i.data))].join('\n'),
		claims.flatMap((c) => c.skills)
	);
}

export function checkGrounding(
	output: GroundingInput,
	claims: Claim[],
	items: CareerItem[]
): { passed: boolean; hallucinations: Hallucination[] } {
	const ctx = new CareerContext(claims, items);
	const sourceOf = (ids: string[]) => {
		const cited = ids.map((id) => ctx.claimsById.get(id)).filter((c): c is Claim => !!c);
		return new GroundingSource(
			cited.map((c) => `${c.text}\n${ctx.contextText(c)}`).join('\n'),
			cited.flatMap((c) => c.skills)
		);
	};
	const hallucinations: Hallucination[] = [];
	const report = (where: string, found: Hallucination[]) => {
		for (const h of found) hallucinations.push({ text: h.text, reason: `${h.reason} (${where})` });
	};
	output.talkingPoints.forEach((tp, i) => {
		const source = sourceOf(tp.evidence.map((e) => e.claimId));
		report(`talking point ${i + 1}`, ungrounded(tp.point, source));
	});
	output.narrativeSentences.forEach((s, i) => {
		const source = sourceOf(s.claimIds);
		report(`narrative sentence ${i + 1}`, ungrounded(s.text, source));
	});
	const record = recordSource(claims, items);
	const resumeFacts = new Map<string, Hallucination>();
	for (const text of new Set(strings(output.resume))) {
		for (const h of ungrounded(text, record)) {
			const reason = h.reason.replace('the cited claims', 'the record');
			resumeFacts.set(h.text, { text: h.text, reason });
		}
	}
	report('resume', [...resumeFacts.values()]);
	return { passed: hallucinations.length === 0, hallucinations };
}

export type EditedOutput = {
	/** The narrative as it reads now, and the sentences that were generated (which cite claims). */
	narrative: string;
	generatedSentences: string[];
	/** The resume as it reads now, and as it was generated. */
	resume: JsonResume;
	generatedResume: JsonResume;
};

/**
 * The grounding check of a person's own edits: every narrative sentence and resume line they
 * wrote or changed is checked against their whole record (an edit cites no claim of its own).
 * What was generated was checked by the evaluation and is not checked again.
 */
export function checkEdits(
	output: EditedOutput,
	claims: Claim[],
	items: CareerItem[]
): Hallucination[] {
	const record = recordSource(claims, items);
	const found = new Map<string, Hallucination>();
	const check = (text: string, where: string) => {
		for (const h of ungrounded(text, record)) {
			const key = `${where}\u0000${h.text.toLowerCase()}`;
			if (found.has(key)) continue;
			const reason = `${h.reason.replace('the cited claims', 'your record')} (your edit to the ${where})`;
			found.set(key, { text: h.text, reason, origin: 'edit' });
		}
	};
	const generated = new Set(output.generatedSentences.map((t) => t.trim()));
	for (const sentence of sentences(output.narrative))
		if (!generated.has(sentence.trim())) check(sentence, 'narrative');
	const generatedLines = new Set(strings(output.generatedResume));
	for (const line of new Set(strings(output.resume)))
		if (!generatedLines.has(line)) check(line, 'resume');
	return [...found.values()];
}

/**
 * The evaluation as it stands after the person's edits: what the evaluation found in a fact the
 * edits removed is dropped, and what the edit check found is added, marked as the person's own.
 * The badge follows: an ungrounded edit is never shown as grounded.
 */
export function evaluationAfterEdits(
	evaluation: Evaluation,
	edits: { hallucinations: Hallucination[]; currentText: string } | null
): Evaluation {
	if (!edits) return evaluation;
	const kept = evaluation.grounding.hallucinations.filter((h) => wordIn(h.text, edits.currentText));
	const hallucinations = [...kept, ...edits.hallucinations];
	// Not evaluated (the evaluation failed or has not run): nothing is claimed either way.
	if (evaluation.model === 'none')
		return { ...evaluation, grounding: { passed: false, hallucinations } };
	const groundingPassed = hallucinations.length === 0;
	// Failing for another reason than grounding (a judge's verdict) still fails.
	const otherwisePassed = evaluation.passed || !evaluation.grounding.passed;
	return {
		...evaluation,
		passed: groundingPassed && otherwisePassed,
		grounding: { passed: groundingPassed, hallucinations }
	};
}

/** 0..100: share of requirements with evidence, required ones counting double. */
export function computeMatchScore(
	requirements: { kind: Requirement['kind']; met: boolean }[]
): number {
	const weight = (k: Requirement['kind']) => (k === 'required' ? 2 : 1);
	const total = requirements.reduce((a, r) => a + weight(r.kind), 0);
	const met = requirements.filter((r) => r.met).reduce((a, r) => a + weight(r.kind), 0);
	return total === 0 ? 0 : Math.round((100 * met) / total);
}

export type EvaluateInput = GroundingInput & {
	requirements: Requirement[];
	claims: Claim[];
	items: CareerItem[];
	/** Claims the ranking found relevant, with their best score, for the utilisation check. */
	relevant?: (Evidence & { score: number })[];
	model?: string;
	costCents?: number;
};

/** A claim scoring at least this for some requirement is "strong": leaving it out is a miss. */
export const STRONG_CLAIM = 0.6;
const MISSED_KINDS = new Set(['highlight', 'project', 'certificate', 'award', 'publication']);

export function evaluate(input: EvaluateInput): { evaluation: Evaluation; matchScore: number } {
	const grounding = checkGrounding(input, input.claims, input.items);
	const supported = new Set(
		input.talkingPoints.filter((tp) => tp.evidence.length > 0).map((tp) => tp.requirement)
	);
	const gaps = input.requirements
		.filter((r) => !supported.has(r.text))
		.map((r) => ({ requirement: r.text, kind: r.kind }));
	// A fact the resume, a talking point or the narrative uses is not a strength left out.
	const used = new Set(citedClaimIds(input));
	const kinds = new Map(input.claims.map((c) => [c.id, c.kind]));
	const best = new Map<string, Evidence & { score: number }>();
	for (const e of input.relevant ?? []) {
		if (
			e.score < STRONG_CLAIM ||
			used.has(e.claimId) ||
			!MISSED_KINDS.has(kinds.get(e.claimId) ?? '')
		)
			continue;
		if ((best.get(e.claimId)?.score ?? -1) < e.score) best.set(e.claimId, e);
	}
	const missed = [...best.values()]
		.sort((a, b) => b.score - a.score)
		.slice(0, 5)
		.map(({ claimId, sourcePath, text }) => ({ claimId, sourcePath, text }));
	return {
		evaluation: {
			passed: grounding.passed,
			grounding,
			utilization: { missed },
			gaps,
			model: input.model ?? 'local',
			costCents: input.costCents ?? 0
		},
		matchScore: computeMatchScore(
			input.requirements.map((r) => ({ kind: r.kind, met: supported.has(r.text) }))
		)
	};
}
