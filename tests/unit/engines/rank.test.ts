import { describe, expect, it } from 'vitest';
import { rankClaims } from '../../../src/lib/server/engines/local/rank';
import { NOW, careerRecord, requirement } from './load';

const person = careerRecord({
	basics: {
		name: 'Rosa Quint',
		label: 'Site Reliability Engineer',
		summary: 'Site reliability engineer with seven years keeping payment platforms up.'
	},
	work: [
		{
			name: 'Lumberjack Pay',
			position: 'Senior SRE',
			startDate: '2021-01',
			summary: 'Reliability lead for the card processing platform.',
			highlights: [
				'Ran 6 k8s clusters serving 900 services with a 99.99% availability SLO.',
				'Automated infrastructure provisioning for 30 services with Ansible.',
				'Cut the monthly cloud bill by 22% by right-sizing node pools.'
			]
		},
		{
			name: 'Orchard Mail',
			position: 'Systems Engineer',
			startDate: '2018-03',
			endDate: '2020-12',
			highlights: ['Moved the mail queue to Postgres and wrote the failover runbooks.']
		}
	],
	education: [
		{ institution: 'Fenwick College', studyType: 'Bachelor of Science', area: 'Physics' }
	],
	skills: [{ name: 'Platforms', keywords: ['Kubernetes', 'Ansible', 'PostgreSQL'] }]
});

const rank = (text: string) =>
	rankClaims([requirement(text)], person.claims, person.items, { now: NOW }).requirements[0];
const paths = (text: string) => rank(text)?.evidence.map((e) => e.sourcePath);

describe('rankClaims', () => {
	it('matches through synonyms: a k8s highlight supports a Kubernetes requirement', () => {
		expect(paths('Run Kubernetes in production')).toEqual([
			'/work/0/highlights/0',
			'/skills/0/keywords/0'
		]);
		expect(paths('Operating Postgres databases')?.[0]).toBe('/work/1/highlights/0');
	});

	it('cites achievements first and at most one matching skill-list entry per named skill', () => {
		const ranked = rank('Infrastructure automation with Ansible');
		expect(ranked?.evidence.map((e) => e.sourcePath)).toEqual([
			'/work/0/highlights/1',
			'/skills/0/keywords/1'
		]);
		expect(ranked?.basis).toBe('skills');
		expect(ranked?.strength).toBeGreaterThan(0.5);
	});

	it('makes a requirement whose named tools are all missing a gap, despite shared words', () => {
		const ranked = rank('Managed infrastructure provisioning for services with Terraform');
		expect(ranked?.evidence).toEqual([]);
		expect(ranked?.strength).toBe(0);
		expect(ranked?.related).toEqual([]);
	});

	it('leaves a requirement with only weak word overlap as a gap', () => {
		expect(paths('Experience leading a marketing team through a brand relaunch')).toEqual([]);
	});

	it('checks years against the profile summary, and the topic against the person', () => {
		expect(rank('5+ years of reliability engineering experience')?.evidence).toEqual([
			expect.objectContaining({ sourcePath: '/basics/summary' })
		]);
		expect(rank('5+ years of reliability engineering experience')?.basis).toBe('years');
		expect(paths('10+ years of reliability engineering experience')).toEqual([]);
		expect(paths('5+ years as a pastry chef in fine dining')).toEqual([]);
	});

	it('falls back to work dates when the summary states no years', () => {
		const noYears = careerRecord({
			basics: { name: 'Sam', label: 'Nurse' },
			work: [
				{
					name: 'Ward A',
					position: 'Nurse',
					startDate: '2015-01',
					endDate: '2019-12',
					summary: 'Ward nurse.'
				},
				{ name: 'Ward B', position: 'Senior Nurse', startDate: '2020-01', summary: 'Charge nurse.' }
			]
		});
		const ranked = rankClaims([requirement('8+ years as a nurse')], noYears.claims, noYears.items, {
			now: NOW
		}).requirements[0];
		expect(ranked?.evidence.map((e) => e.sourcePath)).toEqual([
			'/work/0/summary',
			'/work/1/summary'
		]);
		const tooShort = rankClaims(
			[requirement('15+ years as a nurse')],
			noYears.claims,
			noYears.items,
			{
				now: NOW
			}
		).requirements[0];
		expect(tooShort?.evidence).toEqual([]);
	});

	it('answers degree requirements from education, by level and field', () => {
		expect(paths("Bachelor's degree in a quantitative field")).toEqual(['/education/0']);
		expect(paths("Bachelor's degree in Physics")).toEqual(['/education/0']);
		expect(paths("Bachelor's degree in Computer Science")).toEqual([]);
		expect(paths("Bachelor's degree in Computer Science or a related field")).toEqual([
			'/education/0'
		]);
		expect(paths('PhD in physics')).toEqual([]);
	});

	it('needs the record to span the years a topical requirement asks for', () => {
		expect(paths('3+ years running Kubernetes')?.[0]).toBe('/work/0/highlights/0');
		expect(paths('12+ years running Kubernetes')).toEqual([]);
	});

	it('is deterministic and its output survives JSON', () => {
		const reqs = ['Kubernetes', 'Postgres', 'Terraform', '5+ years of SRE'].map((t) =>
			requirement(t)
		);
		const a = rankClaims(reqs, person.claims, person.items, { now: NOW });
		const b = rankClaims(reqs, person.claims, person.items, { now: NOW });
		expect(a).toEqual(b);
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});

	it('meets a credential requirement only with a credential the record holds', () => {
		// The record names Kubernetes as a skill and in a highlight, but holds no certificate.
		expect(paths('Kubernetes certification (CKA or CKAD)')).toEqual([]);
	});
});
