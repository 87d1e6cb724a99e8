import { describe, expect, it } from 'vitest';
import {
	CareerImportError,
	exportJsonResume,
	extractCareer,
	importJsonResume,
	validateJsonResume
} from '../../../src/lib/server/career/json-resume';
import { getAtPointer } from '../../../src/lib/server/career/pointer';
import { FIXTURES, readJson } from '../engines/load';

const ines = readJson(`${FIXTURES}careers/ines-varga.json`) as Record<string, unknown>;

function importError(input: unknown): CareerImportError {
	try {
		validateJsonResume(input);
	} catch (e) {
		expect(e).toBeInstanceOf(CareerImportError);
		return e as CareerImportError;
	}
	throw new Error('expected the import to be refused');
}

describe('extractCareer', () => {
	const { items, claims } = importJsonResume(ines);

	it('makes one item per entry, basics included, each with its pointer', () => {
		expect(items.map((i) => i.sourcePath)).toEqual([
			'/basics',
			'/work/0',
			'/work/1',
			'/work/2',
			'/education/0',
			'/skills/0',
			'/skills/1',
			'/skills/2',
			'/skills/3',
			'/projects/0',
			'/languages/0',
			'/languages/1'
		]);
		expect(items[1]).toMatchObject({ section: 'work', position: 0 });
	});

	it('makes atomic claims of the kinds the record holds', () => {
		const byPath = new Map(claims.map((c) => [c.sourcePath, c]));
		expect(byPath.get('/basics/summary')?.kind).toBe('summary');
		expect(byPath.get('/work/0/summary')?.kind).toBe('summary');
		expect(byPath.get('/work/0/highlights/2')?.kind).toBe('highlight');
		expect(byPath.get('/skills/1/keywords/0')).toMatchObject({
			kind: 'skill',
			text: 'scikit-learn'
		});
		expect(byPath.get('/education/0')).toMatchObject({
			kind: 'degree',
			text: 'Master of Science in Statistics, Orrin University'
		});
		expect(byPath.get('/projects/0/description')?.kind).toBe('project');
		expect(byPath.get('/languages/0')?.text).toBe('Portuguese (Native speaker)');
	});

	it('gives each text claim the exact string its pointer addresses', () => {
		const textual = claims.filter((c) =>
			['summary', 'highlight', 'skill', 'project'].includes(c.kind)
		);
		expect(textual.length).toBeGreaterThan(20);
		for (const c of textual) expect(getAtPointer(ines, c.sourcePath)).toBe(c.text);
	});

	it('tags claims with canonical skills, and project claims with the project keywords', () => {
		const byPath = new Map(claims.map((c) => [c.sourcePath, c]));
		expect(byPath.get('/work/0/highlights/2')?.skills).toEqual(
			expect.arrayContaining(['Looker', 'BigQuery'])
		);
		expect(byPath.get('/projects/0/description')?.skills).toEqual(
			expect.arrayContaining(['Python', 'A/B testing'])
		);
	});

	it('points every claim at its item', () => {
		for (const c of claims) {
			expect(c.itemIndex).not.toBeNull();
			expect(c.sourcePath.startsWith(items[c.itemIndex as number]?.sourcePath ?? '?')).toBe(true);
		}
	});

	it('escapes pointer tokens of custom sections', () => {
		const { claims } = extractCareer({
			basics: { name: 'A' },
			'side/gigs~2024': [{ name: 'Gig', highlights: ['Built a thing'] }]
		} as never);
		expect(claims.map((c) => c.sourcePath)).toEqual(['/side~1gigs~02024/0/highlights/0']);
	});
});

describe('exportJsonResume', () => {
	it('is stable: import → export → import gives the same items and claims', () => {
		const first = importJsonResume(ines);
		const exported = exportJsonResume(first.items);
		expect(exported).toEqual(ines);
		expect(importJsonResume(exported)).toEqual(first);
	});

	it('keeps custom sections and object sections, and orders entries by position', () => {
		const doc = {
			basics: { name: 'B', summary: 'Writes things.' },
			meta: { version: 'v1.0.0' },
			'side/gigs': [{ name: 'One' }, { name: 'Two' }]
		};
		const { items } = importJsonResume(doc);
		const exported = exportJsonResume([...items].reverse());
		expect(exported).toEqual({ 'side/gigs': doc['side/gigs'], meta: doc.meta, basics: doc.basics });
		expect(importJsonResume(exportJsonResume(items))).toEqual(importJsonResume(doc));
	});

	it('exports a document that validates', () => {
		expect(() => validateJsonResume(exportJsonResume(importJsonResume(ines).items))).not.toThrow();
	});
});

describe('validateJsonResume', () => {
	it('names the RFC 6901 path of the first problem', () => {
		const error = importError({
			basics: { name: 'C' },
			work: [{ name: 'X', startDate: '2020/01' }]
		});
		expect(error.message).toMatch(
			/^Invalid JSON Resume: \/work\/0\/startDate: does not match pattern/
		);
		expect(error.message).toContain('YYYY-MM');
		expect(error.issues[0]?.path).toBe('/work/0/startDate');
	});

	it('names the path of a wrong type deep in the document', () => {
		const error = importError({
			basics: { name: 'C' },
			skills: [{ name: 'S', keywords: ['a', 3] }]
		});
		expect(error.message).toContain('/skills/0/keywords/1: is not of a type(s) string');
	});

	it.each([
		[[], /JSON object, but this is an array/],
		['not json', /not valid JSON/],
		[42, /JSON object, but this is a number/],
		[null, /JSON object, but this is null/]
	])('refuses %j', (input, message) => {
		expect(importError(input).message).toMatch(message);
	});

	it('accepts a JSON string holding a resume', () => {
		expect(validateJsonResume(JSON.stringify(ines))).toEqual(ines);
	});

	it('refuses a resume in another format, naming what it found', () => {
		const otherFormat = {
			personalInfo: { name: 'Dana Reyes', email: 'dana@example.org' },
			summary: 'Engineer with 5 years of experience.',
			workExperience: [{ company: 'Acme', title: 'Engineer', description: ['Did things'] }],
			education: [{ institution: 'Some College', degree: 'BSc' }],
			additional: { technicalSkills: ['Python'] }
		};
		const error = importError(otherFormat);
		expect(error.message).toMatch(/not a JSON Resume document/);
		expect(error.message).toContain('personalInfo');
		expect(error.message).toContain('workExperience');
	});

	it('refuses a document with no known section, and one with no content', () => {
		expect(importError({ foo: 1 }).message).toMatch(/not a JSON Resume document/);
		expect(importError({ basics: {}, work: [], skills: [] }).message).toMatch(/no content/);
	});

	it('lets link format slips through unless strict formats are asked for', () => {
		const doc = { basics: { name: 'D', url: 'example.com' }, projects: [{ name: 'P', url: '' }] };
		expect(() => validateJsonResume(doc)).not.toThrow();
		expect(() => validateJsonResume(doc, { strictFormats: true })).toThrow(/\/basics\/url/);
	});
});
