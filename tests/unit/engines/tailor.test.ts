import { describe, expect, it } from 'vitest';
import { tailoredProfileSchema } from '../../../src/lib/schemas/profile';
import { validateJsonResume } from '../../../src/lib/server/career/json-resume';
import {
	evaluateLocal,
	generateNarrative,
	generateResume,
	generateTalkingPoints,
	parsePosting,
	rankClaims,
	tailorLocal
} from '../../../src/lib/server/engines/local';
import { pairLabelSchema, scorePair } from '../../../src/lib/server/engines/quality';
import { FIXTURES, NOW, careerRecord, readJson, readText } from './load';
import { expectProse } from './prose-check';

const label = pairLabelSchema.parse(readJson(`${FIXTURES}labels/ines-tern.json`));
const record = careerRecord(readJson(`${FIXTURES}${label.career}`));
const posting = parsePosting(readText(`${FIXTURES}${label.posting}`));
const profile = tailorLocal({ posting, ...record }, { now: NOW });

describe('tailorLocal on the project’s labelled pair (Ines × Tern)', () => {
	const score = scorePair(label, profile);

	it('meets the quality bar: no hallucination, recall ≥ 0.8, precision ≥ 0.7, gap recall ≥ 0.8', () => {
		expect(score.forbiddenStated).toEqual([]);
		expect(profile.evaluation.grounding.hallucinations).toEqual([]);
		expect(score.recall).toBeGreaterThanOrEqual(0.8);
		expect(score.precision).toBeGreaterThanOrEqual(0.7);
		expect(score.gapRecall).toBeGreaterThanOrEqual(0.8);
		expect(score.titleMatches && score.companyMatches).toBe(true);
	});

	it('returns a profile that satisfies the TailoredProfile contract', () => {
		expect(() => tailoredProfileSchema.parse(profile)).not.toThrow();
		expect(profile.engine).toBe('local');
		expect(profile.evaluation).toMatchObject({ passed: true, model: 'local', costCents: 0 });
		expect(profile.matchScore).toBeGreaterThan(50);
		expect(profile.matchScore).toBeLessThan(100);
	});

	it('cites only real claims, and every statement carries its claim ids', () => {
		const ids = new Set(record.claims.map((c) => c.id));
		for (const tp of profile.talkingPoints) {
			expect(tp.evidence.length).toBeGreaterThan(0);
			for (const e of tp.evidence) expect(ids.has(e.claimId)).toBe(true);
			expect(tp.strength).toBeGreaterThan(0);
			expect(tp.strength).toBeLessThanOrEqual(1);
		}
		expect(profile.narrativeSentences.length).toBeGreaterThanOrEqual(3);
		expect(profile.narrativeSentences.length).toBeLessThanOrEqual(6);
		for (const s of profile.narrativeSentences) {
			expect(s.claimIds.length).toBeGreaterThan(0);
			for (const id of s.claimIds) expect(ids.has(id)).toBe(true);
		}
		expect(profile.narrative).toBe(profile.narrativeSentences.map((s) => s.text).join(' '));
	});

	it('reads as prose: first person, no "Name:" fragments, no overlong sentence', () => {
		expectProse(profile, 'Ines × Tern');
	});

	it('composes talking points from the cited claims’ own words, in the person’s voice', () => {
		const tp = profile.talkingPoints.find((t) => /A\/B tests/.test(t.requirement));
		// "Designed and analysed …" becomes "…, I designed and analysed …".
		expect(tp?.point).toContain(`I ${tp!.evidence[0]!.text.charAt(0).toLowerCase()}`);
		expect(tp?.point).toContain(tp!.evidence[0]!.text.slice(1));
	});

	it('builds a valid JSON Resume from the person’s own items, most relevant first', () => {
		const resume = profile.resume;
		expect(() => validateJsonResume(resume, { strictFormats: true })).not.toThrow();
		expect(resume.basics).toEqual(record.items[0]?.data);
		const work = resume.work ?? [];
		expect(work.map((w) => w.name)).toEqual([
			'Copperleaf Travel',
			'Marrow & Finch',
			'Halvard Insurance'
		]);
		const texts = new Set(record.claims.map((c) => c.text));
		for (const entry of [...work, ...(resume.projects ?? [])]) {
			expect(entry.highlightClaimIds).toHaveLength(entry.highlights?.length ?? 0);
			for (const h of entry.highlights ?? []) expect(texts.has(h)).toBe(true);
		}
		// Highlights are ordered by relevance to the posting (mentoring others' experiment designs
		// bears on A/B testing least), and one that bears on nothing is trimmed.
		expect(work[0]?.highlights?.[0]).toMatch(/^Designed and analysed more than 60 A\/B tests/);
		expect(work[0]?.highlights?.at(-1)).toBe(
			'Mentored three analysts through their first experiment designs.'
		);
		expect(work[2]?.highlights).toHaveLength(2);
	});

	it('reports the requirements it cannot support as gaps', () => {
		const gaps = profile.evaluation.gaps.map((g) => g.requirement);
		expect(gaps).toEqual(
			expect.arrayContaining([
				'Experience with causal inference methods such as difference-in-differences',
				'dbt for analytics engineering',
				'Spark or another distributed compute engine'
			])
		);
	});

	it('runs as separate JSON-serialisable steps with the same result', () => {
		const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
		const parsed = roundTrip(parsePosting(readText(`${FIXTURES}${label.posting}`)));
		const ranking = roundTrip(
			rankClaims(parsed.requirements, record.claims, record.items, { now: NOW })
		);
		const talkingPoints = roundTrip(generateTalkingPoints(ranking, record.claims, record.items));
		const narrative = roundTrip(generateNarrative(ranking, record.claims, record.items));
		const resume = roundTrip(generateResume(ranking, record.claims, record.items));
		const evaluated = evaluateLocal({
			posting: parsed,
			...record,
			ranking,
			talkingPoints,
			narrativeSentences: narrative.narrativeSentences,
			resume
		});
		expect({ talkingPoints, ...narrative, resume, ...evaluated }).toEqual({
			talkingPoints: profile.talkingPoints,
			narrative: profile.narrative,
			narrativeSentences: profile.narrativeSentences,
			resume: profile.resume,
			evaluation: profile.evaluation,
			matchScore: profile.matchScore
		});
	});

	it('is deterministic', () => {
		expect(tailorLocal({ posting, ...record }, { now: NOW })).toEqual(profile);
	});

	it('respects edited and deleted claims in the resume', () => {
		const edited = record.claims
			.filter((c) => c.sourcePath !== '/work/2/highlights/1')
			.map((c) =>
				c.sourcePath === '/work/2/highlights/0'
					? { ...c, text: 'Automated claims reports in R.' }
					: c
			);
		const resume = tailorLocal(
			{ posting, claims: edited, items: record.items },
			{ now: NOW }
		).resume;
		expect(resume.work?.[2]?.highlights).toEqual(['Automated claims reports in R.']);
	});
});

describe('tailorLocal with little to go on', () => {
	it('still writes a grounded narrative and reports every requirement as a gap', () => {
		const thin = careerRecord({
			basics: { name: 'Kai', summary: 'Pastry chef who loves laminated doughs.' },
			work: [
				{
					name: 'Crumb',
					position: 'Pastry Chef',
					highlights: ['Ran the morning bake for 3 shops.']
				}
			]
		});
		const result = tailorLocal({ posting, ...thin }, { now: NOW });
		expect(result.talkingPoints).toEqual([]);
		expect(result.matchScore).toBe(0);
		expect(result.evaluation.gaps).toHaveLength(posting.requirements.length);
		expect(result.evaluation.grounding.passed).toBe(true);
		expect(result.narrativeSentences.length).toBeGreaterThan(0);
	});
});
