import { describe, expect, it } from 'vitest';
import {
	CareerImportError,
	extractCareer,
	validateJsonResume
} from '../../../src/lib/server/career/json-resume';
import { parseTextResume } from '../../../src/lib/server/career/text-resume';

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
