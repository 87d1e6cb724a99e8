import { describe, expect, it } from 'vitest';
import { resumeTemplates, type ResumeTemplate } from '../../../src/lib/schemas/api';
import type { JsonResume } from '../../../src/lib/schemas/profile';
import type { ProfileView } from '../../../src/lib/schemas/views';
import { exportProfile, type ExportedFile } from '../../../src/lib/server/export';
import {
	docxText,
	pdfInfo,
	pdfLines,
	pdfPageSizes,
	pdfText,
	zipEntry
} from '../../helpers/read-documents';

// The resume files an employer receives: read back as their software would, they hold the
// person's name, contact details and every selected line word for word — and nothing of the
// person's own notes (score, talking points, gaps).

const bullets = [
	'Built an efficient workflow for certified financial offices, cutting the month-end close from 9 to 4 days',
	'Replaced a flaky nightly batch with an Airflow pipeline that finishes in 25 minutes',
	'Mentored four engineers; two now lead their own teams'
];

const resume: JsonResume = {
	basics: {
		name: 'Zoë Łukasz-Núñez',
		label: 'Senior Data Engineer',
		email: 'zoe.nunez@example.org',
		phone: '+48 601 234 567',
		url: 'https://zoe.example.org',
		location: { city: 'Łódź', countryCode: 'PL' },
		profiles: [{ network: 'LinkedIn', url: 'https://www.linkedin.com/in/zoe-nunez/' }]
	},
	work: [
		{
			name: 'Müller & Señores GmbH',
			position: 'Senior Data Engineer',
			location: 'Kraków',
			startDate: '2023-03',
			summary: 'Data platform for a payments company.',
			highlights: bullets,
			highlightClaimIds: [['c1'], ['c2'], ['c3']]
		},
		{
			name: 'Ørsted Analytics',
			position: 'Data Engineer',
			startDate: '2019-09',
			endDate: '2023-02',
			highlights: ['Wrote the fulfilment reports used by 30 warehouse leads']
		}
	],
	volunteer: [],
	awards: [{}],
	education: [
		{
			institution: 'Politechnika Łódzka',
			studyType: 'MSc',
			area: 'Computer Science',
			startDate: '2014-10',
			endDate: '2016-06'
		}
	],
	certificates: [{ name: 'Certified Kubernetes Administrator', issuer: 'CNCF', date: '2022-05' }],
	skills: [{ name: 'Data', level: 'Expert', keywords: ['SQL', 'Python', 'Airflow'] }],
	languages: [{ language: 'Polish', fluency: 'Native' }]
};

function view(r: JsonResume, narrative = 'I build efficient data workflows for finance teams.') {
	const now = new Date('2026-01-05T10:00:00Z');
	return {
		id: '00000000-0000-4000-8000-000000000001',
		opportunityId: '00000000-0000-4000-8000-000000000002',
		opportunity: { title: 'Staff Data Engineer', company: 'Fjord Pay' },
		narrative,
		narrativeSentences: [],
		resume: r,
		talkingPoints: [
			{
				requirement: 'Kubernetes operations',
				kind: 'required',
				point: 'Talking point about running clusters',
				evidence: [{ claimId: 'c9', sourcePath: null, text: 'Evidence quoted for the point' }],
				strength: 0.82
			}
		],
		evaluation: {
			passed: true,
			grounding: { passed: true, hallucinations: [] },
			utilization: {
				missed: [{ claimId: 'c8', sourcePath: null, text: 'A strong fact left out' }]
			},
			gaps: [{ requirement: 'Gap requirement: Scala', kind: 'preferred' }],
			model: 'local',
			costCents: 0
		},
		matchScore: 76,
		engine: 'local',
		editedFields: [],
		model: 'local',
		version: 1,
		generatedAt: now,
		recordOutdated: false,
		createdAt: now,
		updatedAt: now
	} satisfies ProfileView;
}

const bytes = (f: ExportedFile) => {
	if (f.encoding !== 'binary') throw new Error(`expected a binary file, got ${f.encoding}`);
	return f.content;
};

/** What belongs to the person's notes or to the app, never to the resume. */
function expectResumeOnly(text: string) {
	expect(text).not.toMatch(/match|score|support|talking point|evidence|gap requirement|tailor/i);
	expect(text).not.toContain('/100');
	expect(text).not.toContain('A strong fact left out');
}

async function both(v: ProfileView, template: ResumeTemplate) {
	const pdf = await exportProfile(v, 'pdf', { template });
	const docx = await exportProfile(v, 'docx', { template });
	return {
		pdf,
		docx,
		pdfText: (await pdfText(bytes(pdf))).text,
		docxText: await docxText(bytes(docx))
	};
}

describe.each(resumeTemplates)('the %s template', (template) => {
	it('PDF and Word hold the person, every selected line, the headings and human dates, and nothing else', async () => {
		const { pdf, docx, pdfText: p, docxText: d } = await both(view(resume), template);
		expect(pdf.contentType).toBe('application/pdf');
		expect(pdf.filename).toBe('zoe-lukasz-nunez-staff-data-engineer-fjord-pay.pdf');
		expect(docx.contentType).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(docx.filename).toMatch(/\.docx$/);
		expect(Buffer.from(bytes(pdf).subarray(0, 5)).toString()).toBe('%PDF-');

		for (const text of [p, d]) {
			for (const s of [
				'Zoë Łukasz-Núñez',
				'Senior Data Engineer',
				'zoe.nunez@example.org',
				'+48 601 234 567',
				'Łódź, Poland',
				'zoe.example.org',
				'linkedin.com/in/zoe-nunez',
				'I build efficient data workflows for finance teams.',
				'Müller & Señores GmbH, Kraków',
				'Ørsted Analytics',
				...bullets,
				'Wrote the fulfilment reports used by 30 warehouse leads',
				'Mar 2023 – Present',
				'Sep 2019 – Feb 2023',
				'Oct 2014 – Jun 2016',
				'MSc, Computer Science',
				'Politechnika Łódzka',
				'Certified Kubernetes Administrator, CNCF',
				'May 2022',
				'Data (Expert): SQL, Python, Airflow',
				'Polish (Native)'
			])
				expect(text).toContain(s);
			for (const h of [
				'Summary',
				'Experience',
				'Education',
				'Certifications',
				'Skills',
				'Languages'
			])
				expect(text).toMatch(new RegExp(`\\b${h}\\b`, 'i'));
			// An empty section, or one whose entries say nothing, has no heading.
			expect(text).not.toMatch(/volunteer|awards/i);
			// The dates are shown as people write them, never as stored.
			expect(text).not.toMatch(/\b20\d\d-\d\d\b/);
			expectResumeOnly(text);
		}
		// "fi", "fl" and "ffi" stay letters, not ligature glyphs.
		expect(p).not.toMatch(/[\uFB00-\uFB06]/);
	});

	it('a long record runs over several pages without ending a page on an entry’s header', async () => {
		const jobs = Array.from({ length: 14 }, (_, i) => ({
			name: `Company ${i + 1}`,
			position: `Engineer grade ${i + 1}`,
			startDate: `${2010 + i}-01`,
			endDate: `${2010 + i}-12`,
			summary: 'A team that builds and runs the data platform for the finance department.',
			highlights: Array.from(
				{ length: 5 },
				(_, j) =>
					`Line ${i + 1}.${j + 1}: shipped an efficient reconciliation workflow that certified office teams used every week, and wrote its runbook`
			)
		}));
		const long = view({ ...resume, work: jobs });
		const pdf = bytes(await exportProfile(long, 'pdf', { template }));
		const { text, pages } = await pdfText(pdf);
		expect(pages).toBeGreaterThanOrEqual(template === 'compact' ? 2 : 3);
		for (const job of jobs) for (const line of job.highlights) expect(text).toContain(line);

		const headers = jobs.map((j) => j.position);
		const subs = jobs.map((j) => j.name);
		const lines = await pdfLines(pdf);
		lines.forEach((page, i) => {
			const body = page.filter((l) => !/ — page \d+ of \d+$/.test(l));
			const last = body.at(-1)!;
			if (i < lines.length - 1) {
				expect(
					headers.some((h) => last.startsWith(h)),
					`page ${i + 1} ends with "${last}"`
				).toBe(false);
				expect(subs).not.toContain(last);
				expect(last).not.toMatch(/^(summary|experience|education|certifications|skills)$/i);
			}
			// Pages after the first say whose they are.
			if (i > 0) expect(page.at(-1)).toBe(`Zoë Łukasz-Núñez — page ${i + 1} of ${lines.length}`);
		});

		const d = await docxText(bytes(await exportProfile(long, 'docx', { template })));
		for (const job of jobs) for (const line of job.highlights) expect(d).toContain(line);
	});
});

describe('PDF and Word files', () => {
	it('carry the title and author, and use the paper of the resume’s country unless told', async () => {
		const pdf = bytes(await exportProfile(view(resume), 'pdf'));
		const info = await pdfInfo(pdf);
		expect(info.Title).toBe('Zoë Łukasz-Núñez — Resume');
		expect(info.Author).toBe('Zoë Łukasz-Núñez');
		expect(JSON.stringify(info)).not.toMatch(/tailor/i);
		expect((await pdfPageSizes(pdf))[0]).toEqual([595, 842]);

		const us = { ...resume, basics: { ...resume.basics, location: { countryCode: 'US' } } };
		expect((await pdfPageSizes(bytes(await exportProfile(view(us), 'pdf'))))[0]).toEqual([
			612, 792
		]);
		const a4 = bytes(await exportProfile(view(us), 'pdf', { paper: 'a4' }));
		expect((await pdfPageSizes(a4))[0]).toEqual([595, 842]);

		const docx = bytes(await exportProfile(view(us), 'docx'));
		const core = zipEntry(docx, 'docProps/core.xml');
		expect(core).toContain('<dc:title>Zoë Łukasz-Núñez — Resume</dc:title>');
		expect(core).toContain('<dc:creator>Zoë Łukasz-Núñez</dc:creator>');
		const document = zipEntry(docx, 'word/document.xml');
		expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
		// Real structure for software that reads it: heading styles and a bulleted list, no tables.
		expect(document).toContain('<w:pStyle w:val="Heading1"/>');
		expect(document).toContain('<w:pStyle w:val="Heading2"/>');
		expect(document).toContain('<w:numPr>');
		expect(document).not.toContain('<w:tbl>');
		const a4Docx = zipEntry(bytes(await exportProfile(view(resume), 'docx')), 'word/document.xml');
		expect(a4Docx).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
	});

	it('keep markup, control characters and other odd text as inert, readable text', async () => {
		const odd: JsonResume = {
			basics: {
				name: 'Ana <script>alert(1)</script> Ruiz',
				email: 'ana@example.org',
				url: 'javascript:alert(1)'
			},
			work: [
				{
					name: 'Acme & "Sons" <b>',
					position: 'Lead\u0000 engineer\u0007',
					startDate: '2021-01',
					highlights: [
						'Cut costs by 30% — 😀 emoji, \u202Ereversed\u202C, lone \uD800 surrogate, ]]> and tab\there',
						'<img src=x onerror=alert(1)> stays text'
					]
				}
			]
		};
		const v = view(odd, 'First paragraph.\n\n<script>alert("x")</script> second paragraph.');
		for (const template of resumeTemplates) {
			const { pdf, pdfText: p, docxText: d } = await both(v, template);
			for (const text of [p, d]) {
				expect(text).toContain('Ana <script>alert(1)</script> Ruiz');
				expect(text).toContain('Acme & "Sons" <b>');
				expect(text).toContain('Lead engineer');
				expect(text).toContain('<img src=x onerror=alert(1)> stays text');
				expect(text).toContain('<script>alert("x")</script> second paragraph.');
				expect(text).toContain('reversed, lone surrogate, ]]> and tab here');
				// eslint-disable-next-line no-control-regex -- none may reach the file
				expect(text).not.toMatch(/[\u0000-\u0008\u202E]/);
			}
			// No scripts or actions in the PDF, and the `javascript:` address is no link.
			const raw = Buffer.from(bytes(pdf)).toString('latin1');
			expect(raw).not.toMatch(/\/JavaScript|\/JS\b|javascript:/);
		}
	});

	it('every resume format says the same thing', async () => {
		const v = view(resume);
		const texts = await Promise.all(
			(['pdf', 'docx', 'markdown', 'html'] as const).map(async (format) => {
				const f = await exportProfile(v, format, { template: 'modern' });
				if (format === 'pdf') return (await pdfText(bytes(f))).text;
				if (format === 'docx') return docxText(bytes(f));
				return String(f.content).replace(/&amp;/g, '&');
			})
		);
		for (const text of texts) {
			for (const s of [
				...bullets,
				'zoe.nunez@example.org',
				'+48 601 234 567',
				'Mar 2023 – Present'
			])
				expect(text).toContain(s);
			expectResumeOnly(text);
		}
	});
});
