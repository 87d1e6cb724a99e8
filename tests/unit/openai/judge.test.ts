import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/lib/schemas/profile';
import { foldJudge, judgeMessages } from '../../../src/lib/server/engines/openai/judge';
import { FIXTURES, careerRecord, readJson } from '../engines/load';

const base: Evaluation = {
	passed: true,
	grounding: { passed: true, hallucinations: [] },
	utilization: { missed: [] },
	gaps: [{ requirement: 'dbt', kind: 'preferred' }],
	model: 'judge-model',
	costCents: 0
};
const judge = { model: 'judge-model', costCents: 0.012 };

describe('foldJudge', () => {
	it('passes only when both the grounding check and the judge pass', () => {
		expect(foldJudge(base, { passed: true, issues: [] }, judge)).toEqual({
			...base,
			costCents: 0.012
		});
		const grounded = {
			...base,
			passed: false,
			grounding: { passed: false, hallucinations: [{ text: '600', reason: 'the number 600 …' }] }
		};
		expect(foldJudge(grounded, { passed: true, issues: [] }, judge).passed).toBe(false);
	});

	it('keeps the judge’s issues as hallucinations whose reason starts with "judge:"', () => {
		const folded = foldJudge(
			base,
			{ passed: false, issues: [{ statement: 'led 40 people', problem: 'no claim says 40' }] },
			judge
		);
		expect(folded.passed).toBe(false);
		expect(folded.grounding).toEqual({
			passed: false,
			hallucinations: [{ text: 'led 40 people', reason: 'judge: no claim says 40' }]
		});
		expect(folded.gaps).toEqual(base.gaps);
	});

	it('fails on a reported issue even when the judge says it passed, and notes a bare failure', () => {
		expect(
			foldJudge(base, { passed: true, issues: [{ statement: 'x', problem: 'y' }] }, judge).passed
		).toBe(false);
		const bare = foldJudge(base, { passed: false, issues: [] }, judge);
		expect(bare.passed).toBe(false);
		expect(bare.grounding.hallucinations[0]?.reason).toMatch(/^judge: /);
	});
});

it('judgeMessages shows each statement with its cited claims, and only those claims', () => {
	const record = careerRecord(readJson(`${FIXTURES}careers/ines-varga.json`));
	const [a, b] = record.claims.filter((c) => c.kind === 'highlight');
	const messages = judgeMessages(
		{ talkingPoints: [], narrativeSentences: [{ text: 'I did it.', claimIds: [a!.id] }] },
		record.claims,
		record.items
	);
	const user = String(messages[1]?.content);
	expect(user).toContain(`[${a!.id}]`);
	expect(user).toContain(`S1: I did it.\n    cites: ${a!.id}`);
	expect(user).not.toContain(`[${b!.id}]`);
});
