import { describe, expect, it } from 'vitest';
import { findSkills, impliedSkills } from '../../../src/lib/server/engines/lexicon';
import { degreeLevels } from '../../../src/lib/server/engines/local/experience';
import { parsePosting } from '../../../src/lib/server/engines/local/posting';
import { lemmas, startsWithVerb } from '../../../src/lib/server/engines/nlp';
import {
	acronyms,
	docTerms,
	facets,
	looksEnglish,
	queryTerms,
	withAcronyms
} from '../../../src/lib/server/engines/text';
import { relatedWords } from '../../../src/lib/server/engines/wordnet';

// Sentences written for these tests; none comes from a fixture.

describe('lemmas', () => {
	it('reduces inflections to their lemma, irregular ones included', () => {
		expect(lemmas('She taught classes and ran clinics')).toEqual([
			'she',
			'teach',
			'class',
			'and',
			'run',
			'clinic'
		]);
		expect(docTerms('Negotiated renewals')).toEqual(queryTerms('negotiating a renewal'));
	});

	it('tells an activity from a field by its first word', () => {
		expect(startsWithVerb('coaching volunteer tutors')).toBe(true);
		expect(startsWithVerb('hospital pharmacy')).toBe(false);
	});
});

describe('WordNet relations', () => {
	it('joins a word with the words derived from it', () => {
		expect(relatedWords('negotiate')).toContain('negotiation');
		expect(relatedWords('audit')).toContain('auditor');
	});

	it('leaves out parts of speech a word is never used in', () => {
		// "teach" as a noun is only a proper name in WordNet.
		expect(relatedWords('teach')).not.toContain('blackbeard');
	});
});

describe('requirement facets', () => {
	it('splits a head from its examples and the conjuncts of the head', () => {
		const parts = facets('Budgeting and vendor negotiation (software, catering or travel)').map(
			(f) => f.text
		);
		expect(parts).toEqual(
			expect.arrayContaining(['Budgeting and vendor negotiation', 'catering', 'vendor negotiation'])
		);
	});
});

describe('degrees', () => {
	it('counts an associate degree below a bachelor’s', () => {
		expect(degreeLevels('Associate of Applied Science in Horticulture')).toEqual([1]);
		expect(degreeLevels('Bachelor of Fine Arts')).toEqual([2]);
	});
});

describe('posting sections by meaning', () => {
	const posting = [
		'Pharmacy Technician — Outpatient Services',
		'Larkspur Clinics | Tacoma, WA',
		'',
		'Larkspur Clinics runs nine outpatient pharmacies.',
		'',
		'Essential Functions',
		'- Fill and label prescriptions',
		'',
		'Minimum Qualifications',
		'- Two years of retail or hospital pharmacy work',
		'',
		'Licensure and Certification',
		'- Active pharmacy technician registration in Washington',
		'',
		'Working Conditions',
		'Standing for most of a shift.'
	].join('\n');
	const parsed = parsePosting(posting);

	it('keeps duties and working conditions out of the requirements, and licences in', () => {
		expect(parsed.requirements.map((r) => r.text)).toEqual([
			'Two years of retail or hospital pharmacy work',
			'Active pharmacy technician registration in Washington'
		]);
	});

	it('keeps a dash in the title when the company is on the next line', () => {
		expect([parsed.title, parsed.company]).toEqual([
			'Pharmacy Technician — Outpatient Services',
			'Larkspur Clinics'
		]);
	});
});

describe('language', () => {
	it('tells an English posting from one in another language', () => {
		expect(
			looksEnglish(
				'We are hiring a night-shift pharmacist for our hospital in Tacoma. You will check orders, counsel patients and work with the nursing staff on the wards.'
			)
		).toBe(true);
		expect(
			looksEnglish(
				'Wir suchen eine erfahrene Pflegefachkraft für unsere Station. Ihre Aufgaben sind die Betreuung der Patienten, die Dokumentation und die Anleitung neuer Kolleginnen im Team.'
			)
		).toBe(false);
	});
});

describe('acronyms', () => {
	it('pairs an acronym with the words whose initials spell it, in either text', () => {
		const dictionary = acronyms([
			'Moved the clinic to a new LIS in six weeks',
			'Experience with a laboratory information system'
		]);
		expect(dictionary.get('lis')).toBe('laboratory information system');
		expect(withAcronyms('Moved the clinic to a new LIS', dictionary)).toContain(
			'laboratory information system'
		);
		expect(withAcronyms('Ran the laboratory information system', dictionary)).toContain('lis');
	});
});

describe('word sense and taxonomy', () => {
	it('does not read a funnel stage as a language', () => {
		expect(findSkills('Lifted SQL-to-won rates for the enterprise team')).toEqual([]);
		expect(findSkills('Tuned T-SQL stored procedures')).toEqual(['SQL']);
	});

	it('keeps iOS and Android apart, both kinds of mobile development', () => {
		expect(findSkills('Shipped the Android tablet app')).toEqual(['Android']);
		expect(impliedSkills(['Android'])).toEqual(['Mobile development']);
		expect(impliedSkills(['iOS'])).toEqual(['Mobile development']);
	});
});
