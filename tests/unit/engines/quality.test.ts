import { describe, expect, it } from 'vitest';
import type { TailoredProfile, TalkingPoint } from '../../../src/lib/schemas/profile';
import { scorePair, type PairLabel } from '../../../src/lib/server/engines/quality';
import { formatReport, scoreAll } from '../../../src/lib/server/engines/quality-report';

const label: PairLabel = {
	career: 'careers/x.json',
	posting: 'postings/x.txt',
	title: 'Platform Engineer',
	company: 'Acme',
	requirements: [
		{
			text: 'Kubernetes in production',
			kind: 'required',
			evidence: ['/work/1', '/skills/0/keywords/0'],
			keywords: ['kubernetes']
		},
		{
			text: 'Terraform',
			kind: 'required',
			evidence: [],
			keywords: ['terraform', 'infrastructure as code']
		},
		{ text: 'Rust', kind: 'preferred', evidence: [], keywords: ['rust'] }
	],
	forbidden: ['terraform', 'rust']
};

const tp = (requirement: string, paths: string[]): TalkingPoint => ({
	requirement,
	kind: 'required',
	point: '',
	evidence: paths.map((p, i) => ({ claimId: `c${i}`, sourcePath: p, text: '' })),
	strength: 0.7
});

const profile = (over: Partial<TailoredProfile>): TailoredProfile => ({
	opportunity: { title: 'Platform engineer', company: 'Acme' },
	talkingPoints: [],
	narrative: '',
	narrativeSentences: [],
	resume: {},
	evaluation: {
		passed: true,
		grounding: { passed: true, hallucinations: [] },
		utilization: { missed: [] },
		gaps: [],
		model: 'local',
		costCents: 0
	},
	matchScore: 0,
	engine: 'local',
	...over
});

describe('scorePair', () => {
	it('matches pointers by prefix on segment boundaries only', () => {
		const s = scorePair(
			label,
			profile({
				talkingPoints: [
					tp('Deep Kubernetes experience', [
						'/work/1/highlights/0',
						'/work/10/highlights/0',
						'/skills/0'
					])
				]
			})
		);
		expect(s.evidence).toEqual({ cited: 3, correct: 2, labelled: 2, covered: 2 });
		expect(s.precision).toBeCloseTo(2 / 3);
		expect(s.recall).toBe(1);
		expect(s.wrongCitations).toEqual([
			{ requirement: 'Deep Kubernetes experience', sourcePath: '/work/10/highlights/0' }
		]);
	});

	it('matches talking points to requirements by whole keywords, not plurals', () => {
		const s = scorePair(
			label,
			profile({ talkingPoints: [tp('Runs many Kuberneteses', ['/work/1'])] })
		);
		expect(s.recall).toBe(0);
		expect(s.unmatchedTalkingPoints).toEqual(['Runs many Kuberneteses']);
		expect(s.evidence.cited).toBe(0);
	});

	it('counts evidence cited for a labelled gap as wrong', () => {
		const s = scorePair(
			label,
			profile({ talkingPoints: [tp('Terraform modules', ['/work/0/highlights/1'])] })
		);
		expect(s.precision).toBe(0);
		expect(s.gaps.missing).toEqual(['Terraform', 'Rust']);
	});

	it('finds a labelled gap when a reported gap contains any of its keywords', () => {
		const s = scorePair(
			label,
			profile({
				evaluation: {
					...profile({}).evaluation,
					gaps: [
						{ requirement: 'Managed infrastructure as code', kind: 'required' },
						{ requirement: 'Trustworthy reviews', kind: 'preferred' }
					]
				}
			})
		);
		expect(s.gaps).toMatchObject({ labelled: 2, found: 1, missing: ['Rust'] });
		expect(s.gapRecall).toBe(0.5);
	});

	it('finds forbidden terms stated in the narrative or any resume string, at word boundaries', () => {
		const s = scorePair(
			label,
			profile({
				narrative: 'I trust Rust.',
				resume: { work: [{ highlights: ['Used Terraform'], highlightClaimIds: [['terraform']] }] }
			})
		);
		expect(s.forbiddenStated).toEqual(['terraform', 'rust']);
		expect(scorePair(label, profile({ narrative: 'Trusted, rusty.' })).forbiddenStated).toEqual([]);
	});

	it('compares title and company case-insensitively', () => {
		const s = scorePair(label, profile({}));
		expect(s.titleMatches).toBe(true);
		expect(s.companyMatches).toBe(true);
	});
});

describe('scoreAll and formatReport', () => {
	it('pools counts across pairs and prints one row per pair', () => {
		const good = profile({
			talkingPoints: [tp('Kubernetes', ['/work/1/highlights/0', '/skills/0/keywords/0'])]
		});
		const bad = profile({
			narrative: 'Rust everywhere',
			talkingPoints: [tp('Kubernetes', ['/work/2'])]
		});
		const report = scoreAll([
			{ name: 'good', label, profile: good },
			{ name: 'bad', label, profile: bad }
		]);
		expect(report.overall).toMatchObject({
			pairs: 2,
			precision: 2 / 3,
			recall: 0.5,
			gapRecall: 0,
			forbiddenStated: 1,
			hallucinations: 1
		});
		const text = formatReport(report, { verbose: true });
		expect(text).toMatch(/^pair/);
		expect(text).toContain('good');
		expect(text).toContain('overall (2)');
		expect(text).toContain('forbidden terms stated: rust');
	});
});
