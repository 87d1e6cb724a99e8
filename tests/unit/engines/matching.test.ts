import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activitySkills } from '../../../src/lib/server/engines/activities';
import { findSkills, impliedSkills } from '../../../src/lib/server/engines/lexicon';
import { LEXICON_GROUPS } from '../../../src/lib/server/engines/lexicon-data';
import { parsePosting } from '../../../src/lib/server/engines/local/posting';
import {
	credentialNames,
	productNames,
	rankClaims,
	type RankedRequirement
} from '../../../src/lib/server/engines/local/rank';
import {
	acronyms,
	adjacentPairs,
	alternatives,
	queryTerms
} from '../../../src/lib/server/engines/text';
import { corpusCount } from '../../../src/lib/server/engines/wordnet';
import { FIXTURES, NOW, SHARED_FIXTURES, careerRecord, requirement } from './load';

// How claims are matched to requirements, each mechanism on sentences written for these tests
// (none comes from a fixture): phrases, common words, duties, products, credentials, word sense.

/** A pharmacy buyer turned inventory lead: a record in a trade the engine was not built on. */
const person = careerRecord({
	basics: {
		name: 'Odile Brandt',
		label: 'Inventory Lead',
		summary: 'Inventory lead with six years in hospital pharmacy supply.'
	},
	work: [
		{
			name: 'Saint Avold Hospital',
			position: 'Pharmacy Inventory Lead',
			startDate: '2021-04',
			highlights: [
				'Negotiated quarterly pricing with three drug wholesalers, saving $180K a year.',
				'Introduced weekly cycle counting of controlled substances; count variances fell by half.',
				'Trained 25 pharmacy technicians on the new automated dispensing cabinets.',
				'Supervises a team of six purchasing clerks across two shifts.'
			]
		},
		{
			name: 'Rhine Valley Clinics',
			position: 'Purchasing Clerk',
			startDate: '2019-01',
			endDate: '2021-03',
			highlights: ['Placed and tracked 400 purchase orders a month with a company-wide catalogue.']
		}
	],
	certificates: [{ name: 'Certified Pharmacy Technician (CPhT)', issuer: 'PTCB' }],
	education: [{ institution: 'Haute Ecole Lorraine', studyType: 'Bachelor', area: 'Chemistry' }]
});

function rank(text: string, duties: string[] = []): RankedRequirement {
	const ranked = rankClaims([requirement(text)], person.claims, person.items, { now: NOW }, duties);
	return ranked.requirements[0]!;
}
const cited = (r: RankedRequirement) => r.evidence.map((e) => e.text);

describe('phrases', () => {
	it('pairs only words that stand next to each other, not across a stopword or a comma', () => {
		expect(adjacentPairs('pricing with drug wholesalers, saving money')).toEqual([
			'drug wholesal',
			'save money'
		]);
		// A number between two words does not part them.
		expect(adjacentPairs('trained 25 technicians')).toEqual(['train technician']);
	});
});

describe('common words', () => {
	it('counts a common English word far more often than a trade word', () => {
		expect(corpusCount('company')).toBeGreaterThan(50);
		expect(corpusCount('wholesaler')).toBeLessThan(5);
	});

	it('does not let a common word carry a requirement about something else', () => {
		// "company-wide" shares only "company" with the requirement.
		expect(cited(rank('Worked at a biotech or genomics company'))).toEqual([]);
	});
});

describe('duties', () => {
	it('reads the responsibilities of a posting apart from its requirements', () => {
		const posting = parsePosting(
			[
				'Inventory Manager',
				'Larchmont Health',
				'',
				'What you will do',
				'- Own cycle counts and stock accuracy for the central pharmacy',
				'- Negotiate pricing with wholesalers',
				'',
				'What you bring',
				'- 4+ years in pharmacy or hospital supply',
				'- Vendor negotiation experience'
			].join('\n')
		);
		expect(posting.duties).toEqual([
			'Own cycle counts and stock accuracy for the central pharmacy',
			'Negotiate pricing with wholesalers'
		]);
		expect(posting.requirements.map((r) => r.text)).toEqual([
			'4+ years in pharmacy or hospital supply',
			'Vendor negotiation experience'
		]);
	});

	it('meets a requirement through a duty that speaks of it, a little below a direct match', () => {
		const text = 'Experience managing supplier relationships and contracts';
		const duty = 'Manage supplier relationships, pricing agreements and wholesaler contracts';
		const alone = rank(text);
		const withDuty = rank(text, [duty]);
		const negotiated = (r: RankedRequirement) =>
			r.evidence.find((e) => e.text.startsWith('Negotiated'))?.score ?? 0;
		expect(negotiated(withDuty)).toBeGreaterThan(negotiated(alone));
		// An unrelated duty changes nothing.
		expect(rank(text, ['Report weekly to the finance director']).evidence).toEqual(alone.evidence);
	});
});

describe('products the record never names', () => {
	it('finds the names of products and bodies in a requirement', () => {
		expect(productNames('Experience with Omnicell or Pyxis cabinets')).toEqual([
			'Omnicell',
			'Pyxis'
		]);
		expect(productNames('Inventory in Oracle Cloud or Infor Lawson')).toEqual([
			'Oracle Cloud',
			'Infor Lawson'
		]);
		// A single acronym is more often a credential or a field than a product.
		expect(productNames('An active RN licence and a BS degree')).toEqual([]);
	});

	it('makes a requirement for two products the person never used a gap, whatever words it shares', () => {
		// "pharmacy supply" is the person's own field; the products are what is asked.
		expect(
			cited(rank('Planning work in Kinaxis Maestro or Logility Voyager for pharmacy supply'))
		).toEqual([]);
	});

	it('still lets an alternative without a tool be met', () => {
		expect(
			cited(rank('Coupa or SAP Ariba, or negotiating pricing with drug wholesalers')).length
		).toBeGreaterThan(0);
	});
});

describe('credentials', () => {
	it('names the credentials a requirement asks for', () => {
		expect(credentialNames('Current CPhT or ExCPT certification')).toEqual(
			expect.arrayContaining(['CPhT', 'ExCPT'])
		);
	});

	it('takes only a certificate the requirement names, and never a degree, as a credential', () => {
		expect(cited(rank('Active CPhT certification'))).toEqual([
			'Certified Pharmacy Technician (CPhT), PTCB'
		]);
		expect(cited(rank('Certified Supply Chain Professional (CSCP) certification'))).toEqual([]);
		expect(cited(rank('Chemistry licence from the state board'))).toEqual([]);
	});
});

describe('verbs and their objects', () => {
	const writer = careerRecord({
		basics: { name: 'Noor Haddad' },
		work: [
			{
				name: 'Saint Avold Hospital',
				position: 'Night Pharmacist',
				startDate: '2020-01',
				highlights: ['Wrote the weekly handover notes for the night pharmacist.']
			}
		]
	});
	const evidence = (text: string) =>
		rankClaims([requirement(text)], writer.claims, writer.items, { now: NOW }).requirements[0]!
			.evidence;

	it('does not meet a requirement on its verb alone', () => {
		expect(evidence('Writing requirements or specifications')).toEqual([]);
		expect(evidence('Writing handover notes')).toHaveLength(1);
	});
});

describe('word sense', () => {
	it('does not take a leader for a requirement about leading one thing', () => {
		const skills = (text: string) => rank(text).requirement.skills;
		expect(skills('Strong leadership')).toContain('Leadership');
		// "compliance leadership" asks for compliance; a team lead alone does not meet it.
		expect(cited(rank('Compliance leadership for controlled substances audits'))).not.toContain(
			'Supervises a team of six purchasing clerks across two shifts.'
		);
	});

	it('gives each of two joined adjectives the noun they share', () => {
		expect(alternatives('Handling hazardous or refrigerated shipments')).toEqual([
			'Handling hazardous shipments',
			'Handling refrigerated shipments'
		]);
	});

	it('keeps a boilerplate noun that is what an activity produces', () => {
		expect(queryTerms('Writing requirements for a new system')).toContain('requirement');
		expect(queryTerms('Strong requirements')).not.toContain('requirement');
	});

	it('expands a two-letter acronym only where the text defines it', () => {
		expect(acronyms(['Track purchase orders (PO) weekly', 'PO approvals'])).toEqual(
			new Map([['po', 'purchase orders']])
		);
		expect(acronyms(['Budget increases for the BI team'])).toEqual(new Map());
	});
});

describe('what a sentence does', () => {
	it('reads people management, training, hiring and project work from verb and object', () => {
		expect(activitySkills('Oversaw a crew of nine night porters')).toContain('People management');
		expect(activitySkills('Coached four new cashiers through their first month')).toContain(
			'Training delivery'
		);
		expect(activitySkills('Recruited two pastry chefs')).toContain('Hiring');
		expect(activitySkills("Led the clinic's flu-vaccination project")).toContain(
			'Project management'
		);
	});

	it('needs a person, a group or a project as the object', () => {
		expect(activitySkills('Managed the migration of 40 services')).toEqual([]);
		expect(activitySkills('Trained a forecasting model on sales data')).toEqual([]);
	});

	it('lets a claim about leading people meet a requirement about managing a team', () => {
		expect(cited(rank('Experience managing a small team'))).toContain(
			'Supervises a team of six purchasing clerks across two shifts.'
		);
	});
});

describe('taxonomy beyond software', () => {
	it('links a trade’s narrower skills to the broader ones', () => {
		expect(findSkills('Ran cycle counting for the pharmacy stockroom')).toContain(
			'Inventory control'
		);
		expect(impliedSkills(findSkills('Built campaigns in Klaviyo'))).toContain(
			'Lifecycle marketing'
		);
		expect(impliedSkills(findSkills('Charted in Meditech'))).toContain('EHR systems');
		expect(impliedSkills(findSkills('Paid 120 staff through Gusto'))).toContain('Payroll');
	});

	it('knows programming languages from GitHub Linguist, leaving out names that are English words', () => {
		expect(findSkills('Maintained services in OCaml and Haxe')).toEqual(['OCaml', 'Haxe']);
		expect(findSkills('A crystal clear writer, fluent in Spanish')).toEqual([]);
	});

	it('matches a plural skill name in the singular', () => {
		expect(findSkills('an applicant tracking system')).toContain('Applicant tracking systems');
	});

	it('holds no phrase of four or more words copied from a fixture', () => {
		// Trade terms of two or three words ("change data capture", "cycle counting") are the
		// vocabulary every posting of a trade shares; a longer phrase found in a fixture would be
		// that fixture's own wording. Product and credential names are names, not phrases.
		const dirs = [`${FIXTURES}careers`, `${FIXTURES}postings`];
		for (const sub of ['careers', 'postings']) dirs.push(`${SHARED_FIXTURES}${sub}`);
		const texts = dirs
			.flatMap((dir) => {
				try {
					return readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
				} catch {
					return []; // the shared fixtures may be absent
				}
			})
			.map((t) => t.toLowerCase().replace(/[\s-]+/g, ' '));
		const copied = LEXICON_GROUPS.filter((g) => g.kind === 'concept')
			.flatMap((g) => g.entries)
			.flatMap((line) => (line.split('>')[0] ?? '').split('|'))
			.map((alias) => alias.replace(/^[=~]/, '').replace(/\$$/, ''))
			// A hyphenated compound ("end-to-end") is one word.
			.filter((alias) => alias.trim().split(/\s+/).length >= 4)
			.filter((alias) => {
				const phrase = alias.toLowerCase().replace(/[\s-]+/g, ' ');
				return texts.some((t) => new RegExp(`(^|[^a-z0-9])${escape(phrase)}([^a-z0-9]|$)`).test(t));
			});
		expect(copied).toEqual([]);
	});
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
