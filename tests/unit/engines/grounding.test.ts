import { describe, expect, it } from 'vitest';
import type { TalkingPoint } from '../../../src/lib/schemas/profile';
import {
	checkEdits,
	checkGrounding,
	computeMatchScore,
	evaluate,
	evaluationAfterEdits,
	namesIn,
	numbersIn,
	ungrounded
} from '../../../src/lib/server/engines/grounding';
import { careerRecord } from './load';

const record = careerRecord({
	basics: { name: 'Lena Ortiz', summary: 'Backend engineer with five years on payments.' },
	work: [
		{
			name: 'Quayside Bank',
			position: 'Backend Engineer',
			startDate: '2020-02',
			highlights: [
				'Rewrote the settlement service in Go, cutting batch time from 3 hours to 25 minutes.',
				'Ran 4 PostgreSQL clusters holding 2,400 GB of ledger data.'
			]
		}
	]
});
const claim = (path: string) => {
	const c = record.claims.find((x) => x.sourcePath === path);
	if (!c) throw new Error(path);
	return c;
};
const h0 = claim('/work/0/highlights/0');
const h1 = claim('/work/0/highlights/1');

const point = (text: string, evidence = [h0]): TalkingPoint => ({
	requirement: 'Go services',
	kind: 'required',
	point: text,
	evidence: evidence.map((c) => ({ claimId: c.id, sourcePath: c.sourcePath, text: c.text })),
	strength: 0.8
});
const check = (tp: TalkingPoint) =>
	checkGrounding(
		{ talkingPoints: [tp], narrativeSentences: [], resume: { basics: { name: 'Lena Ortiz' } } },
		record.claims,
		record.items
	);

describe('checkGrounding', () => {
	it('passes a statement built from the cited claim and its employer', () => {
		expect(check(point(`Quayside Bank: ${h0.text}`))).toEqual({ passed: true, hallucinations: [] });
	});

	it('flags an invented number', () => {
		const result = check(point('Rewrote the settlement service in Go, cutting batch time by 90%.'));
		expect(result.passed).toBe(false);
		expect(result.hallucinations).toEqual([
			{ text: '90', reason: 'the number 90 is not in the cited claims (talking point 1)' }
		]);
	});

	it('flags an invented skill', () => {
		const result = check(point('Rewrote the settlement service in Go and Rust.'));
		expect(result.hallucinations.map((h) => h.text)).toEqual(['Rust']);
		expect(result.hallucinations[0]?.reason).toMatch(/skill Rust/);
	});

	it('flags an invented employer', () => {
		const result = check(point('At Google, rewrote the settlement service in Go.'));
		expect(result.hallucinations.map((h) => h.text)).toEqual(['Google']);
	});

	it('flags a fact from the record that the statement does not cite', () => {
		const result = check(point('Ran 4 PostgreSQL clusters and rewrote the service in Go.', [h0]));
		expect(result.hallucinations.map((h) => h.text)).toEqual(['4', 'PostgreSQL']);
		expect(
			check(point('Ran 4 PostgreSQL clusters and rewrote the service in Go.', [h0, h1])).passed
		).toBe(true);
	});

	it('checks narrative sentences against their claim ids', () => {
		const result = checkGrounding(
			{
				talkingPoints: [],
				narrativeSentences: [
					{ text: 'At Quayside Bank, I ran 40 Kafka clusters.', claimIds: [h1.id] }
				],
				resume: {}
			},
			record.claims,
			record.items
		);
		expect(result.hallucinations.map((h) => h.text)).toEqual(['40', 'Kafka']);
		expect(result.hallucinations[0]?.reason).toContain('narrative sentence 1');
	});

	it('checks resume fields against the whole record', () => {
		const resume = {
			basics: { name: 'Lena Ortiz' },
			work: [
				{
					name: 'Quayside Bank',
					startDate: '2019-02',
					highlights: [h1.text, 'Led a Terraform migration']
				}
			]
		};
		const result = checkGrounding(
			{ talkingPoints: [], narrativeSentences: [], resume },
			record.claims,
			record.items
		);
		expect(result.hallucinations.map((h) => h.text).sort()).toEqual(['2019', 'Terraform']);
		expect(result.hallucinations[0]?.reason).toContain('(resume)');
	});
});

describe('fact extraction', () => {
	it('normalises numbers, including thousands and number words', () => {
		expect(numbersIn('2,400 GB, $1.2M, 27%, eight years')).toEqual(['2400', '1.2', '27', '8']);
		expect(ungrounded('about 2400 GB', 'holding 2,400 GB')).toEqual([]);
		expect(ungrounded('eight years', 'with 8 years')).toEqual([]);
	});

	it('reads only number words, not what every object has (constructor, toString)', () => {
		expect(numbersIn('the constructor of toString and valueOf')).toEqual([]);
	});

	it('takes capitalised words that do not start a sentence as names', () => {
		expect(namesIn('At Google, I met Ada. She works at ACME in May.')).toEqual([
			'Google',
			'Ada',
			'ACME',
			'May'
		]);
		expect(namesIn('Shipped 45K messages at $1.2M scale')).toEqual([]);
	});
});

describe('evaluate and computeMatchScore', () => {
	it('weights required requirements double', () => {
		expect(
			computeMatchScore([
				{ kind: 'required', met: true },
				{ kind: 'required', met: false },
				{ kind: 'preferred', met: true }
			])
		).toBe(60);
		expect(computeMatchScore([])).toBe(0);
	});

	it('reports gaps, unused strong claims and the local model at no cost', () => {
		const tp = point(h0.text);
		const { evaluation, matchScore } = evaluate({
			requirements: [
				{ text: 'Go services', kind: 'required', skills: ['Go'] },
				{ text: 'Terraform', kind: 'preferred', skills: ['Terraform'] }
			],
			talkingPoints: [tp],
			narrativeSentences: [],
			resume: {},
			claims: record.claims,
			items: record.items,
			relevant: [{ claimId: h1.id, sourcePath: h1.sourcePath, text: h1.text, score: 0.7 }]
		});
		expect(evaluation).toMatchObject({
			passed: true,
			gaps: [{ requirement: 'Terraform', kind: 'preferred' }],
			utilization: { missed: [{ claimId: h1.id, sourcePath: '/work/0/highlights/1' }] },
			model: 'local',
			costCents: 0
		});
		expect(matchScore).toBe(67);
	});
});

describe('edits', () => {
	const generated = 'I rewrote the settlement service in Go. I ran 4 PostgreSQL clusters.';
	const edited = (narrative: string, resume = {}) =>
		checkEdits(
			{
				narrative,
				generatedSentences: generated.split(/(?<=\.) /),
				resume,
				generatedResume: {}
			},
			record.claims,
			record.items
		);

	it('checks only the sentences the person wrote, against the whole record', () => {
		expect(edited(generated)).toEqual([]);
		expect(edited(`${generated} At Quayside Bank I kept 2,400 GB of ledger data safe.`)).toEqual(
			[]
		);
		const found = edited(`${generated} I also ran Kubernetes for 30 teams.`);
		expect(found.map((h) => [h.text, h.origin])).toEqual([
			['30', 'edit'],
			['Kubernetes', 'edit']
		]);
		expect(found[0]!.reason).toMatch(/your edit to the narrative/);
	});

	it('checks resume lines that differ from the generated resume', () => {
		const found = edited(generated, { work: [{ highlights: ['Led the Rust rewrite'] }] });
		expect(found.map((h) => h.text)).toEqual(['Rust']);
		expect(found[0]!.reason).toMatch(/your edit to the resume/);
	});

	const passedEvaluation = {
		passed: true,
		grounding: { passed: true, hallucinations: [] },
		utilization: { missed: [] },
		gaps: [],
		model: 'local',
		costCents: 0
	};

	it('turns the badge when an edit is unsupported, and back when it is fixed', () => {
		const hallucination = { text: 'Rust', reason: 'not in your record', origin: 'edit' as const };
		const after = evaluationAfterEdits(passedEvaluation, {
			hallucinations: [hallucination],
			currentText: 'Led the Rust rewrite'
		});
		expect(after.passed).toBe(false);
		expect(after.grounding).toEqual({ passed: false, hallucinations: [hallucination] });
		const fixed = evaluationAfterEdits(passedEvaluation, { hallucinations: [], currentText: '' });
		expect(fixed.passed).toBe(true);
	});

	it('drops a generated finding whose fact the person removed, but not one still there', () => {
		const flagged = {
			...passedEvaluation,
			passed: false,
			grounding: { passed: false, hallucinations: [{ text: 'Kafka', reason: 'not cited' }] }
		};
		expect(
			evaluationAfterEdits(flagged, { hallucinations: [], currentText: 'I used Go.' }).passed
		).toBe(true);
		expect(
			evaluationAfterEdits(flagged, { hallucinations: [], currentText: 'I used Kafka.' }).passed
		).toBe(false);
		// An evaluation that did not run claims nothing, edits or not.
		const none = { ...flagged, model: 'none' };
		expect(
			evaluationAfterEdits(none, { hallucinations: [], currentText: '' }).grounding.passed
		).toBe(false);
	});
});
