import { describe, expect, it } from 'vitest';
import { CareerContext } from '../../../src/lib/server/engines/local/career-context';
import { sayClaim, sayResult } from '../../../src/lib/server/engines/local/prose';
import { careerRecord } from './load';

// Claims turned into first-person sentences; the records are written for these tests.

const record = careerRecord({
	basics: {
		name: 'Ilse Marten',
		label: 'Operations lead',
		summary: 'Four years across kitchens and catering: menus, suppliers and food safety.'
	},
	work: [
		{
			name: 'Harrow Catering',
			position: 'Kitchen Operations Lead',
			startDate: '2022-02',
			highlights: [
				'Was shift lead for the move to the new central kitchen.',
				'No failed hygiene inspections in 2023 or 2024 after weekly deep-clean audits.'
			]
		}
	],
	education: [
		{
			institution: 'Westmoor College',
			studyType: 'Diploma',
			area: 'Culinary Management',
			startDate: '2024-09',
			endDate: '2026'
		},
		{
			institution: 'Ohio State University',
			studyType: 'Master of Science (MSN)',
			area: 'Nursing',
			endDate: '2020-05'
		}
	],
	certificates: [
		{ name: 'Food Hygiene Level 3', issuer: 'Highfield Qualifications' },
		{ name: 'Allergen Awareness Certificate', issuer: 'Food Standards Agency' },
		{
			name: 'Certified Emergency Nurse (CEN)',
			issuer: 'Board of Certification for Emergency Nursing'
		},
		{ name: 'Project Management Professional', issuer: 'PMI' }
	],
	projects: [
		{
			name: 'menu-costing',
			description: 'Open-source Python tool that prices each dish from supplier invoices.'
		},
		{
			name: 'Allergen guide',
			description: 'Plain-language allergen guide with a one-page card for every dish.'
		}
	]
});
const ctx = new CareerContext(record.claims, record.items);
const claim = (start: string) => {
	const c = record.claims.find((x) => x.text.startsWith(start));
	if (!c) throw new Error(`no claim starting "${start}"`);
	return c;
};

describe('first-person sentences', () => {
	it('says a credential that names a person as what the person is', () => {
		const say = (start: string) => sayClaim(claim(start), ctx, { now: new Date('2026-12-04') });
		expect(say('Certified Emergency Nurse')).toBe(
			'I am a Certified Emergency Nurse (CEN), a credential from the Board of Certification for Emergency Nursing.'
		);
		expect(say('Project Management Professional')).toBe(
			'I am a Project Management Professional, a credential from PMI.'
		);
	});

	it("puts a degree's abbreviation after its area", () => {
		expect(sayClaim(claim('Master of Science'), ctx, { now: new Date('2026-12-04') })).toBe(
			'I hold a Master of Science in Nursing (MSN) from Ohio State University.'
		);
	});

	it('says a degree whose end is this year or later is being studied for', () => {
		const diploma = claim('Diploma');
		const say = (now: string) => sayClaim(diploma, ctx, { now: new Date(now) });
		expect(say('2026-12-03')).toMatch(/^I am studying for a Diploma in Culinary Management/);
		expect(say('2027-01-02')).toMatch(/^I hold a Diploma in Culinary Management/);
	});

	it('says what credential is held, naming it once', () => {
		expect(sayClaim(claim('Food Hygiene'), ctx)).toBe(
			'I hold the Food Hygiene Level 3 certificate from Highfield Qualifications.'
		);
		expect(sayClaim(claim('Allergen Awareness'), ctx)).toBe(
			'I hold the Allergen Awareness Certificate from the Food Standards Agency.'
		);
	});

	it('gives a role stated with its own verb the person as subject', () => {
		expect(sayClaim(claim('Was shift lead'), ctx)).toBe(
			'At Harrow Catering, I was shift lead for the move to the new central kitchen.'
		);
	});

	it('says a result without a verb as what the record shows', () => {
		expect(sayResult(claim('No failed hygiene'), ctx)).toBe(
			'At Harrow Catering, my record shows no failed hygiene inspections in 2023 or 2024 after weekly deep-clean audits.'
		);
	});

	it('says a role named by an acronym with the article its letters take', () => {
		const summary = claim('Four years');
		const say = (text: string) => sayClaim({ ...summary, text }, ctx);
		expect(say('HR generalist with six years in retail.')).toBe(
			'I am an HR generalist with six years in retail.'
		);
		expect(say('UX designer for two banks.')).toBe('I am a UX designer for two banks.');
	});

	it('says a length of experience as what the person has', () => {
		expect(sayResult({ ...claim('Four years'), text: 'Four years across kitchens' }, ctx)).toBe(
			'I have four years across kitchens.'
		);
	});

	it('names a project by what it is, with names and compounds kept inside the phrase', () => {
		expect(sayClaim(claim('Open-source Python tool'), ctx)).toBe(
			'I built menu-costing, an open-source Python tool that prices each dish from supplier invoices.'
		);
		expect(sayClaim(claim('Plain-language allergen guide'), ctx)).toBe(
			'I built Allergen guide, a plain-language allergen guide with a one-page card for every dish.'
		);
	});
});
