import { describe, expect, it } from 'vitest';
import {
	CareerImportError,
	extractCareer,
	validateJsonResume
} from '../../../src/lib/server/career/json-resume';
import { takeDates } from '../../../src/lib/server/career/text-dates';
import { parseTextResume } from '../../../src/lib/server/career/text-resume';
import { CareerContext } from '../../../src/lib/server/engines/local/career-context';
import { sayClaim } from '../../../src/lib/server/engines/local/prose';
import { careerRecord } from '../engines/load';

const markdown = `# Ada Brennan
Staff Backend Engineer
ada.brennan@example.com | +44 20 7946 0000 | https://ada.example.com

## Summary
Backend engineer with nine years building payment and ledger systems.

## Experience
**Staff Backend Engineer** — Corvid Bank (Mar 2021 – Present)
- Designed the double-entry ledger service in Go, handling 2M transactions a day.
- Led the move from nightly batch settlement to Kafka streams,
  cutting settlement time from 24 hours to 10 minutes.

Backend Engineer at Pellmore Insurance, Jan 2016 - Feb 2021
- Built the policy pricing API in Java and PostgreSQL.

## Education
BSc in Computer Science, University of Eastfield, 2012 – 2015

## Skills
Languages: Go, Java, SQL
Infrastructure: Kafka (Streams, Connect), PostgreSQL, Kubernetes

## Certifications
- Certified Kubernetes Application Developer (2022)
`;

/** A nurse's resume as it is often pasted: capitals headings, credentials after the name. */
const nurse = `Priya Nwosu, RN
Registered Nurse — Medical-Surgical & Telemetry
Columbus, OH 43215 | (614) 555-0142 | priya.nwosu@example.com
linkedin.com/in/priya-nwosu-rn

PROFESSIONAL SUMMARY
Registered nurse with eight years on medical-surgical and telemetry floors, known for calm
charge-nurse leadership on night shift and for teaching new graduates.

LICENSES & CERTIFICATIONS
- Registered Nurse (RN), Ohio Board of Nursing, License #RN.512345 (exp. 08/2027)
- Basic Life Support (BLS), American Heart Association (exp. 03/2026)
- ACLS Provider, American Heart Association, 2024
- Progressive Care Certified Nurse (PCCN), AACN — Sept. 2022

CLINICAL EXPERIENCE
Charge Nurse, Telemetry Unit
Riverside Methodist Hospital, Columbus, OH | Sept. 2019 – Present
- Lead a team of 6 RNs and 3 patient care assistants on a 32-bed telemetry unit (nights).
- Cut call-light response time by 35% by reorganising hourly rounding (see the unit's Q3 report).
  Adopted by two sister units in 2023.

Staff Nurse, Medical-Surgical
Grant Medical Center — Columbus, OH
June 2015 to Aug. 2019
- Cared for 5–6 patients a shift, including post-operative and sepsis patients.
- Precepted 14 new graduate nurses (average orientation 12 weeks).

EDUCATION
Master of Science in Nursing (MSN), Nursing Education — Franklin University, expected 2026
BSN — Capital University, Columbus, OH — May 2015

VOLUNTEER
Volunteer Nurse, Free Clinic of Franklin County, 2017 – present
- Run a monthly blood-pressure screening for about 40 neighbours.

SKILLS
Clinical: telemetry monitoring, IV therapy, wound care, sepsis bundles
Systems: Epic, Pyxis, Omnicell
`;

/** A marketer's: contact line with separators, month names, skill groups, awards, languages. */
const marketer = `JORDAN M. OKAFOR
Senior Growth Marketing Manager
jordan.okafor@example.net · +1 (312) 555-0187 · Chicago, IL
https://www.linkedin.com/in/jordanokafor · jordanokafor.com

About
Growth marketer with nine years in B2B SaaS and consumer food brands, running paid, lifecycle and
content programs end to end.

Work History
Senior Growth Marketing Manager | Fernleaf Analytics | Chicago, IL
January 2021 – Current
• Grew qualified pipeline from paid search by 48% year over year while cutting cost per lead by 22%.
• Built the lifecycle email program in HubSpot (14 journeys, 31% average open rate).

Marketing Manager, Brightwell Foods (Mar 2017 - Dec 2020)
• Launched two product lines in 1,200 grocery stores across the Midwest.
• Managed a $1.4M annual media budget.

Marketing Coordinator at Brightwell Foods, Sept. 2015 to Feb. 2017
• Ran the brand's Instagram account, growing it from 8k to 60k followers.

Education
B.A. in Communications, University of Illinois Chicago, 2015

Skills
Channels: paid search, paid social, lifecycle email, SEO
Analytics: Google Analytics 4, Looker, SQL (basic)
Tools: HubSpot, Salesforce, Figma

Awards & Honors
- Chicago AMA Marketer of the Year finalist, 2023
- Fernleaf President's Club (2022)

Languages
English (native), Spanish (fluent), Portuguese (conversational)
`;

/** Other wordings: lower-case headings, GitHub and a website, terms, degrees not finished. */
const developer = `Tomás de la Vega
tomas.vega@example.org | 555-014-2290 | Leeds, UK
github.com/tvega-dev | https://tomasvega.dev
Open to relocation

profile:
Software developer moving from teaching into data engineering.

employment
Data Engineering Intern — Harrow Analytics — 03/2024 to now
- Rebuilt the nightly ingest in Python (Airflow, dbt), cutting failures from 9 a week to 1.
Mathematics Teacher, Kirkgate Academy, 2019-03 – 2024-02
- Taught GCSE and A-level maths to classes of 30.

Education:
MSc Data Science, University of Leeds (anticipated 2026)
PGCE Secondary Mathematics, Leeds Trinity University — in progress
BSc (Hons) Mathematics, University of York, Sept. 2015 – June 2018, First-class honours

Volunteering
Code Club Leader, Leeds Central Library, Spring 2020 – present
- Run a weekly coding club for 12 children aged 9–13.

Credentials
AWS Certified Cloud Practitioner, Amazon Web Services, 2023 (expires 2026)

Projects
Tram Delay Map — a live map of Leeds tram delays, https://github.com/tvega-dev/tram-map (Spring 2021)
- Built with Leaflet and a small Go API.

Honors
Dean's List, University of York, 2017

Publications
"Teaching Recursion with Turtles", Mathematics Today, Nov. 2022

Languages
Spanish — native; English: fluent; French (basic)

References
Available upon request.
`;

describe('parseTextResume', () => {
	it('reads a Markdown resume into basics, work, education, skills and certificates', () => {
		const resume = parseTextResume(markdown);
		expect(resume.basics).toMatchObject({
			name: 'Ada Brennan',
			label: 'Staff Backend Engineer',
			email: 'ada.brennan@example.com',
			url: 'https://ada.example.com',
			summary: 'Backend engineer with nine years building payment and ledger systems.'
		});
		expect(resume.work).toEqual([
			{
				name: 'Corvid Bank',
				position: 'Staff Backend Engineer',
				startDate: '2021-03',
				highlights: [
					'Designed the double-entry ledger service in Go, handling 2M transactions a day.',
					'Led the move from nightly batch settlement to Kafka streams, cutting settlement time from 24 hours to 10 minutes.'
				]
			},
			{
				name: 'Pellmore Insurance',
				position: 'Backend Engineer',
				startDate: '2016-01',
				endDate: '2021-02',
				highlights: ['Built the policy pricing API in Java and PostgreSQL.']
			}
		]);
		expect(resume.education).toEqual([
			{
				institution: 'University of Eastfield',
				studyType: 'BSc',
				area: 'Computer Science',
				startDate: '2012',
				endDate: '2015'
			}
		]);
		expect(resume.skills).toEqual([
			{ name: 'Languages', keywords: ['Go', 'Java', 'SQL'] },
			{ name: 'Infrastructure', keywords: ['Kafka (Streams, Connect)', 'PostgreSQL', 'Kubernetes'] }
		]);
		expect(resume.certificates).toEqual([
			{ name: 'Certified Kubernetes Application Developer', date: '2022' }
		]);
	});

	it('gives a document the JSON Resume importer accepts', () => {
		const resume = parseTextResume(markdown);
		expect(() => validateJsonResume(resume, { strictFormats: true })).not.toThrow();
		const { claims } = extractCareer(resume);
		expect(claims.map((c) => c.sourcePath)).toContain('/work/0/highlights/1');
		expect(claims.find((c) => c.sourcePath === '/work/0/highlights/0')?.skills).toContain('Go');
	});

	it('reads plain text with capitalised headings and pipe-separated job lines', () => {
		const resume = parseTextResume(
			[
				'JOHN OKORO',
				'john.okoro@example.org',
				'',
				'EXPERIENCE',
				'Tallow Foods | Operations Analyst | 2019 - 2023',
				'* Rebuilt the weekly supply report in SQL',
				'* Trained 12 planners on Tableau',
				'',
				'SKILLS',
				'SQL, Tableau, Excel'
			].join('\n')
		);
		expect(resume.work?.[0]).toMatchObject({
			name: 'Tallow Foods',
			position: 'Operations Analyst',
			startDate: '2019',
			endDate: '2023'
		});
		expect(resume.work?.[0]?.highlights).toHaveLength(2);
		expect(resume.skills).toEqual([{ name: 'Skills', keywords: ['SQL', 'Tableau', 'Excel'] }]);
	});

	it('picks up a "Skills:" line anywhere and bullets above the first job', () => {
		const resume = parseTextResume(
			'Mia Lund\n\n- Shipped the checkout redesign\n- Cut page weight by 40%\n\nSkills: Figma, CSS, Accessibility'
		);
		expect(resume.skills).toEqual([
			{ name: 'Skills', keywords: ['Figma', 'CSS', 'Accessibility'] }
		]);
		expect(resume.work?.[0]?.highlights).toEqual([
			'Shipped the checkout redesign',
			'Cut page weight by 40%'
		]);
	});

	it('reads a language and its level set in two columns ("English | Native")', () => {
		const resume = parseTextResume(
			'Mia Lund\nmia@example.com\n\nSkills\nFigma\n\nLanguages\nEnglish | Native\nDanish | B2\nGerman | Working proficiency\nFrench | Spanish'
		);
		expect(resume.languages).toEqual([
			{ language: 'English', fluency: 'Native' },
			{ language: 'Danish', fluency: 'B2' },
			{ language: 'German', fluency: 'Working proficiency' },
			{ language: 'French' },
			{ language: 'Spanish' }
		]);
	});

	it('reads the details under a "Contact" heading (a sidebar read first) as the header', () => {
		const resume = parseTextResume(
			'Mia Lund\nProduct Designer\n\nSKILLS\nFigma, CSS\n\nContact details\nmia@example.com\n+44 20 7946 0011\n\nEXPERIENCE\nDesigner, Acme, 2020 – present\n- Shipped the checkout redesign'
		);
		expect(resume.basics).toEqual({
			name: 'Mia Lund',
			label: 'Product Designer',
			email: 'mia@example.com',
			phone: '+44 20 7946 0011'
		});
		expect(resume.skills).toEqual([{ name: 'Skills', keywords: ['Figma', 'CSS'] }]);
	});
	it('explains what it needs when nothing usable is found', () => {
		for (const text of [
			'',
			'   ',
			'hello there',
			'\u0000\uffff##$$',
			'## Experience\n\n## Skills\n'
		]) {
			expect(() => parseTextResume(text)).toThrow(CareerImportError);
		}
		expect(() => parseTextResume('hello there')).toThrow(/Experience, Education and Skills/);
	});

	it('never throws anything but CareerImportError, whatever the input', () => {
		let seed = 42;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		const pieces = [
			'# ',
			'## Experience',
			'- ',
			'* ',
			'**',
			'__',
			'`',
			'Skills:',
			' at ',
			' | ',
			'—',
			'Jan 2020',
			'2019-13',
			'Present',
			'(',
			')',
			'[',
			'](',
			'\n',
			'\n\n',
			'\t',
			'é',
			'🙂',
			'\u0000',
			'Engineer',
			'University',
			',',
			';',
			':',
			'a@b.c',
			'http://',
			'~',
			'/',
			'12%',
			'$1.2M'
		];
		for (let i = 0; i < 300; i++) {
			const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
				random() < 0.7
					? (pieces[Math.floor(random() * pieces.length)] ?? '')
					: String.fromCharCode(Math.floor(random() * 0xffff))
			).join('');
			try {
				const resume = parseTextResume(text);
				expect(() => extractCareer(resume)).not.toThrow();
			} catch (e) {
				expect(e).toBeInstanceOf(CareerImportError);
			}
		}
		for (const odd of [null, undefined, 42, {}, [], 'x'.repeat(300_000)] as unknown[]) {
			try {
				parseTextResume(odd as string);
			} catch (e) {
				expect(e).toBeInstanceOf(CareerImportError);
			}
		}
	});
});

/** What the app does with an imported text: validate it as JSON Resume, links included. */
function imported(text: string) {
	const resume = parseTextResume(text);
	expect(() => validateJsonResume(resume)).not.toThrow();
	expect(() => validateJsonResume(resume, { strictFormats: true })).not.toThrow();
	return resume;
}

/** The local engine's sentence for the degree whose claim starts with `start`. */
function degreeSentence(resume: unknown, start: string, now: Date): string | null {
	const record = careerRecord(resume);
	const claim = record.claims.find((c) => c.kind === 'degree' && c.text.startsWith(start));
	if (!claim) throw new Error(`no degree claim starting "${start}"`);
	return sayClaim(claim, new CareerContext(record.claims, record.items), { now });
}

describe('parseTextResume on resumes as people paste them', () => {
	it("a nurse's: name with credentials, contact line, licences, degrees, volunteering", () => {
		const resume = imported(nurse);
		expect(resume.basics).toEqual({
			name: 'Priya Nwosu, RN',
			label: 'Registered Nurse — Medical-Surgical & Telemetry',
			email: 'priya.nwosu@example.com',
			phone: '(614) 555-0142',
			location: { city: 'Columbus', region: 'OH', postalCode: '43215', countryCode: 'US' },
			profiles: [
				{
					network: 'LinkedIn',
					username: 'priya-nwosu-rn',
					url: 'https://linkedin.com/in/priya-nwosu-rn'
				}
			],
			summary:
				'Registered nurse with eight years on medical-surgical and telemetry floors, known for calm charge-nurse leadership on night shift and for teaching new graduates.'
		});
		expect(resume.certificates).toEqual([
			{
				name: 'Registered Nurse (RN), License #RN.512345 (exp. 08/2027)',
				issuer: 'Ohio Board of Nursing'
			},
			{ name: 'Basic Life Support (BLS) (exp. 03/2026)', issuer: 'American Heart Association' },
			{ name: 'ACLS Provider', issuer: 'American Heart Association', date: '2024' },
			{ name: 'Progressive Care Certified Nurse (PCCN)', issuer: 'AACN', date: '2022-09' }
		]);
		expect(resume.work).toEqual([
			{
				name: 'Riverside Methodist Hospital',
				position: 'Charge Nurse, Telemetry Unit',
				location: 'Columbus, OH',
				startDate: '2019-09',
				highlights: [
					'Lead a team of 6 RNs and 3 patient care assistants on a 32-bed telemetry unit (nights).',
					"Cut call-light response time by 35% by reorganising hourly rounding (see the unit's Q3 report). Adopted by two sister units in 2023."
				]
			},
			{
				name: 'Grant Medical Center',
				position: 'Staff Nurse, Medical-Surgical',
				location: 'Columbus, OH',
				startDate: '2015-06',
				endDate: '2019-08',
				highlights: [
					'Cared for 5–6 patients a shift, including post-operative and sepsis patients.',
					'Precepted 14 new graduate nurses (average orientation 12 weeks).'
				]
			}
		]);
		// "expected 2026" is an end to come; "May 2015" is when the BSN was completed.
		expect(resume.education).toEqual([
			{
				institution: 'Franklin University',
				studyType: 'Master of Science (MSN)',
				area: 'Nursing, Nursing Education',
				endDate: '2026'
			},
			{ institution: 'Capital University, Columbus, OH', studyType: 'BSN', endDate: '2015-05' }
		]);
		expect(resume.volunteer).toEqual([
			{
				organization: 'Free Clinic of Franklin County',
				position: 'Volunteer Nurse',
				startDate: '2017',
				highlights: ['Run a monthly blood-pressure screening for about 40 neighbours.']
			}
		]);
		expect(resume.skills).toEqual([
			{
				name: 'Clinical',
				keywords: ['telemetry monitoring', 'IV therapy', 'wound care', 'sepsis bundles']
			},
			{ name: 'Systems', keywords: ['Epic', 'Pyxis', 'Omnicell'] }
		]);
		expect(Object.keys(resume)).toEqual([
			'basics',
			'work',
			'volunteer',
			'education',
			'certificates',
			'skills'
		]);
		// Read in 2025, when it was written: the MSN is under way and the BSN is held.
		const now = new Date('2025-09-01');
		expect(degreeSentence(resume, 'Master of Science', now)).toBe(
			'I am studying for a Master of Science in Nursing (MSN), Nursing Education at Franklin University.'
		);
		expect(degreeSentence(resume, 'BSN', now)).toBe(
			'I hold a BSN from Capital University, Columbus, OH.'
		);
		const claims = extractCareer(resume).claims;
		expect(claims.find((c) => c.kind === 'certificate')?.text).toBe(
			'Registered Nurse (RN), License #RN.512345 (exp. 08/2027), Ohio Board of Nursing'
		);
		expect(claims.filter((c) => c.sourcePath?.startsWith('/volunteer/'))).toHaveLength(1);
	});

	it("a marketer's: contact line with links, month-name ranges, skill groups, awards, languages", () => {
		const resume = imported(marketer);
		expect(resume.basics).toEqual({
			name: 'JORDAN M. OKAFOR',
			label: 'Senior Growth Marketing Manager',
			email: 'jordan.okafor@example.net',
			phone: '+1 (312) 555-0187',
			location: { city: 'Chicago', region: 'IL', countryCode: 'US' },
			profiles: [
				{
					network: 'LinkedIn',
					username: 'jordanokafor',
					url: 'https://www.linkedin.com/in/jordanokafor'
				}
			],
			url: 'https://jordanokafor.com',
			summary:
				'Growth marketer with nine years in B2B SaaS and consumer food brands, running paid, lifecycle and content programs end to end.'
		});
		expect(resume.work).toEqual([
			{
				name: 'Fernleaf Analytics',
				position: 'Senior Growth Marketing Manager',
				location: 'Chicago, IL',
				startDate: '2021-01',
				highlights: [
					'Grew qualified pipeline from paid search by 48% year over year while cutting cost per lead by 22%.',
					'Built the lifecycle email program in HubSpot (14 journeys, 31% average open rate).'
				]
			},
			{
				name: 'Brightwell Foods',
				position: 'Marketing Manager',
				startDate: '2017-03',
				endDate: '2020-12',
				highlights: [
					'Launched two product lines in 1,200 grocery stores across the Midwest.',
					'Managed a $1.4M annual media budget.'
				]
			},
			{
				name: 'Brightwell Foods',
				position: 'Marketing Coordinator',
				startDate: '2015-09',
				endDate: '2017-02',
				highlights: ["Ran the brand's Instagram account, growing it from 8k to 60k followers."]
			}
		]);
		expect(resume.education).toEqual([
			{
				institution: 'University of Illinois Chicago',
				studyType: 'B.A.',
				area: 'Communications',
				endDate: '2015'
			}
		]);
		expect(resume.skills).toEqual([
			{ name: 'Channels', keywords: ['paid search', 'paid social', 'lifecycle email', 'SEO'] },
			{ name: 'Analytics', keywords: ['Google Analytics 4', 'Looker', 'SQL (basic)'] },
			{ name: 'Tools', keywords: ['HubSpot', 'Salesforce', 'Figma'] }
		]);
		expect(resume.awards).toEqual([
			{ title: 'Chicago AMA Marketer of the Year finalist', date: '2023' },
			{ title: "Fernleaf President's Club", date: '2022' }
		]);
		expect(resume.languages).toEqual([
			{ language: 'English', fluency: 'native' },
			{ language: 'Spanish', fluency: 'fluent' },
			{ language: 'Portuguese', fluency: 'conversational' }
		]);
		expect(degreeSentence(resume, 'B.A.', new Date('2025-09-01'))).toBe(
			'I hold a B.A. in Communications from University of Illinois Chicago.'
		);
	});

	it('other wordings: lower-case headings, GitHub and a website, terms, degrees not finished', () => {
		const resume = imported(developer);
		expect(resume.basics).toEqual({
			name: 'Tomás de la Vega',
			email: 'tomas.vega@example.org',
			phone: '555-014-2290',
			location: { city: 'Leeds', countryCode: 'GB' },
			profiles: [{ network: 'GitHub', username: 'tvega-dev', url: 'https://github.com/tvega-dev' }],
			url: 'https://tomasvega.dev',
			// A header line that is no contact detail nor a headline is kept, not dropped.
			summary: 'Open to relocation. Software developer moving from teaching into data engineering.'
		});
		expect(resume.work).toEqual([
			{
				name: 'Harrow Analytics',
				position: 'Data Engineering Intern',
				startDate: '2024-03',
				highlights: [
					'Rebuilt the nightly ingest in Python (Airflow, dbt), cutting failures from 9 a week to 1.'
				]
			},
			{
				name: 'Kirkgate Academy',
				position: 'Mathematics Teacher',
				startDate: '2019-03',
				endDate: '2024-02',
				highlights: ['Taught GCSE and A-level maths to classes of 30.']
			}
		]);
		expect(resume.education).toEqual([
			{
				institution: 'University of Leeds',
				studyType: 'MSc',
				area: 'Data Science',
				endDate: '2026'
			},
			{
				institution: 'Leeds Trinity University',
				studyType: 'PGCE',
				area: 'Secondary Mathematics (in progress)'
			},
			{
				institution: 'University of York',
				studyType: 'BSc (Hons)',
				area: 'Mathematics',
				score: 'First-class honours',
				startDate: '2015-09',
				endDate: '2018-06'
			}
		]);
		expect(resume.volunteer).toEqual([
			{
				organization: 'Leeds Central Library',
				position: 'Code Club Leader',
				startDate: '2020-03',
				highlights: ['Run a weekly coding club for 12 children aged 9–13.']
			}
		]);
		expect(resume.certificates).toEqual([
			{
				name: 'AWS Certified Cloud Practitioner (expires 2026)',
				issuer: 'Amazon Web Services',
				date: '2023'
			}
		]);
		expect(resume.projects).toEqual([
			{
				name: 'Tram Delay Map',
				description: 'a live map of Leeds tram delays',
				highlights: ['Built with Leaflet and a small Go API.'],
				startDate: '2021-03',
				url: 'https://github.com/tvega-dev/tram-map'
			}
		]);
		expect(resume.awards).toEqual([
			{ title: "Dean's List", awarder: 'University of York', date: '2017' }
		]);
		expect(resume.publications).toEqual([
			{
				name: 'Teaching Recursion with Turtles',
				publisher: 'Mathematics Today',
				releaseDate: '2022-11'
			}
		]);
		expect(resume.languages).toEqual([
			{ language: 'Spanish', fluency: 'native' },
			{ language: 'English', fluency: 'fluent' },
			{ language: 'French', fluency: 'basic' }
		]);
		// "Available upon request" is no reference.
		expect(resume.references).toBeUndefined();
		expect(degreeSentence(resume, 'MSc', new Date('2025-09-01'))).toMatch(/^I am studying for/);
	});
});

describe('dates in pasted text', () => {
	it('reads month names, abbreviations, numeric months and terms, in ranges or alone', () => {
		expect(takeDates('Sept. 2019 – Present')).toMatchObject({ startDate: '2019-09', open: true });
		expect(takeDates('June 2015 to Aug. 2019')).toMatchObject({
			startDate: '2015-06',
			endDate: '2019-08'
		});
		expect(takeDates('03/2019 - current')).toMatchObject({ startDate: '2019-03', open: true });
		expect(takeDates('2019-03 – 2024-02')).toMatchObject({
			startDate: '2019-03',
			endDate: '2024-02'
		});
		expect(takeDates('Spring 2020 to now')).toMatchObject({ startDate: '2020-03', open: true });
		expect(takeDates('since March 2021')).toMatchObject({ startDate: '2021-03', open: true });
		expect(takeDates('BSN — May 2015')).toEqual({
			startDate: '2015-05',
			rest: 'BSN —',
			single: true
		});
		// A licence number is no year.
		expect(takeDates('License #RN.512345').startDate).toBeUndefined();
		expect(takeDates('License 201934').startDate).toBeUndefined();
	});

	it('a single date on a job is its whole period; on a degree, its end; "in progress" keeps it open', () => {
		const resume = imported(
			[
				'Noor Haddad',
				'',
				'Experience',
				'Pharmacy Technician, Cedar Pharmacy, 2021',
				'- Filled 300 prescriptions a day.',
				'',
				'Education',
				'Associate of Science in Pharmacy Technology, Lakeside Community College — 2020',
				'Bachelor of Science in Chemistry, Lakeside University, 2023 – in progress'
			].join('\n')
		);
		expect(resume.work?.[0]).toMatchObject({ startDate: '2021', endDate: '2021' });
		expect(resume.education).toEqual([
			{
				institution: 'Lakeside Community College',
				studyType: 'Associate of Science',
				area: 'Pharmacy Technology',
				endDate: '2020'
			},
			{
				institution: 'Lakeside University',
				studyType: 'Bachelor of Science',
				area: 'Chemistry',
				startDate: '2023'
			}
		]);
	});
});

describe('nothing the person wrote is lost', () => {
	it('keeps parentheses whole and puts lines it cannot place somewhere sensible', () => {
		const resume = imported(
			[
				'Ines Kowalczyk',
				'ines@example.com',
				'',
				'Work history',
				'Night Charge Nurse (PRN), Lakeview Hospital, 2020 - present',
				'- Renewed the unit licence (RN.44120, exp. 2027) and kept audits at 100% (3 in a row).',
				'Floated to ICU twice a month',
				'',
				'Licences',
				'RN, Michigan Board of Nursing, #RN.44120 (expires 09/2027)',
				'  compact multistate licence'
			].join('\n')
		);
		expect(resume.work).toEqual([
			{
				name: 'Lakeview Hospital',
				position: 'Night Charge Nurse (PRN)',
				startDate: '2020',
				highlights: [
					'Renewed the unit licence (RN.44120, exp. 2027) and kept audits at 100% (3 in a row).',
					'Floated to ICU twice a month'
				]
			}
		]);
		expect(resume.certificates).toEqual([
			{
				name: 'RN, #RN.44120 compact multistate licence (expires 09/2027)',
				issuer: 'Michigan Board of Nursing'
			}
		]);
	});
});
