import { describe, expect, it } from 'vitest';
import {
	canonicalSkill,
	expandSkills,
	findSkills,
	lexiconSize
} from '../../../src/lib/server/engines/lexicon';

describe('findSkills', () => {
	it.each([
		['We run k8s in production', 'Kubernetes'],
		['Deep Kubernetes experience', 'Kubernetes'],
		['Postgres replication', 'PostgreSQL'],
		['PostgreSQL 14 upgrades', 'PostgreSQL'],
		['Modern JS tooling', 'JavaScript'],
		['TS and JS everywhere', 'TypeScript'],
		['Workloads on GCP', 'Google Cloud'],
		['Google Cloud Platform certified', 'Google Cloud'],
		['Maintains CI/CD pipelines', 'CI/CD'],
		['Built with React.js', 'React'],
		['APIs in Node and Go', 'Node.js'],
		['Applied ML and data pipelines', 'Machine learning'],
		['Three years of machine learning', 'Machine learning'],
		['Golang services', 'Go']
	])('maps %j to %s', (text, skill) => {
		expect(findSkills(text)).toContain(skill);
	});

	it('treats synonyms as the same canonical skill', () => {
		expect(findSkills('k8s')).toEqual(findSkills('Kubernetes'));
		expect(findSkills('Postgres')).toEqual(findSkills('PostgreSQL'));
	});

	it('does not read the English verb "go" as the Go language', () => {
		expect(findSkills('Our go-to-market plan')).not.toContain('Go');
		expect(findSkills('Go to market with the sales team')).not.toContain('Go');
		expect(findSkills('We go live in May and go deep on quality')).not.toContain('Go');
		expect(findSkills('(Go Sooners and Cardinal!)')).not.toContain('Go');
		expect(findSkills('Services written in Go and Rust')).toEqual(['Go', 'Rust']);
		expect(findSkills('Go and Python are my main languages')).toContain('Go');
	});

	it('needs context for single letters and short abbreviations', () => {
		expect(findSkills('We are a Series C company')).toEqual([]);
		expect(findSkills('Plan B and plan C')).toEqual([]);
		expect(findSkills('Systems programming in C, C++ and Rust')).toEqual(['C', 'C++', 'Rust']);
		expect(findSkills('Statistics in R')).toContain('Statistics');
		expect(findSkills('R programming for statistics')).toContain('R');
		expect(findSkills('TS')).toEqual(['TypeScript']);
	});

	it('matches whole tokens only', () => {
		expect(findSkills('JavaScript')).toEqual(['JavaScript']);
		expect(findSkills('Node.js')).toEqual(['Node.js']);
		expect(findSkills('trusted advisor')).toEqual([]);
		expect(findSkills('Reactive programming')).not.toContain('React');
		// "R" inside "R&D" is not the R language (P&L itself is a finance skill).
		expect(findSkills('R&D budget and P&L')).toEqual(['Budget management']);
	});

	it('prefers the longest name, so React Native is not React', () => {
		expect(findSkills('Mobile apps in React Native')).toContain('React Native');
		expect(findSkills('Mobile apps in React Native')).not.toContain('React');
		expect(findSkills('Tailwind CSS')).toEqual(['Tailwind CSS']);
	});

	it('matches spaces, hyphens and plurals loosely', () => {
		expect(findSkills('on call rotation')).toContain('On-call');
		expect(findSkills('oncall')).toContain('On-call');
		expect(findSkills('screen-reader testing')).toContain('Screen reader testing');
		expect(findSkills('component libraries')).toContain('Design systems');
	});

	it('knows a few hundred skills', () => {
		expect(lexiconSize()).toBeGreaterThanOrEqual(300);
	});
});

describe('expandSkills', () => {
	it('adds implied skills transitively', () => {
		expect(expandSkills(['Amazon EKS'])).toEqual(expect.arrayContaining(['Kubernetes', 'AWS']));
		expect(expandSkills(['SvelteKit'])).toContain('Svelte');
		expect(expandSkills(['Kubernetes'])).toEqual(['Kubernetes']);
	});
});

describe('canonicalSkill', () => {
	it('names a term that is exactly one skill', () => {
		expect(canonicalSkill('k8s')).toBe('Kubernetes');
		expect(canonicalSkill('Kubernetes and Docker')).toBeUndefined();
		expect(canonicalSkill('Underwater basket weaving')).toBeUndefined();
	});
});
