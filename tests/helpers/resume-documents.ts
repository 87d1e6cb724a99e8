import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import PDFDocument from 'pdfkit';

/**
 * Resumes as people have them: PDFs and Word files made with the libraries word processors and
 * resume builders use, in the layouts they use, from one description. Used to prove that every
 * field survives the import.
 */

/** A month of a year, or "present". */
export type When = { year: number; month?: number } | 'present';

export type Role = {
	title: string;
	organization: string;
	location?: string;
	start: When;
	end: When;
	/** A sentence or two under the header, before the bullets. */
	summary?: string;
	bullets: string[];
};

export type Degree = {
	degree: string;
	school: string;
	location?: string;
	start?: When;
	end: When;
	expected?: boolean;
};

export type ResumeDescription = {
	name: string;
	label: string;
	email: string;
	phone?: string;
	/** "Columbus, OH 43215" */
	location?: string;
	/** As printed: "linkedin.com/in/…", "https://…" */
	links: string[];
	summary: string;
	experience: Role[];
	education: Degree[];
	volunteer: Role[];
	certifications: { name: string; issuer: string; date?: When }[];
	skills: { name: string; keywords: string[] }[];
	languages: { language: string; fluency: string }[];
};

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

type DateStyle = 'short' | 'long' | 'dotted';

/** "Sep 2019", "September 2019", "Sept. 2019"; "Present" or "present". */
export function printed(when: When, style: DateStyle = 'short', present = 'Present'): string {
	if (when === 'present') return present;
	if (!when.month) return String(when.year);
	const name = MONTHS[when.month - 1]!;
	const short = name.slice(0, 3);
	const word =
		style === 'long'
			? name
			: style === 'short'
				? short
				: name.length <= 4
					? name
					: `${name === 'September' ? 'Sept' : short}.`;
	return `${word} ${when.year}`;
}

/** The ISO 8601 date the import should read: "2019-09", "2024"; undefined for "present". */
export function iso(when: When): string | undefined {
	if (when === 'present') return undefined;
	return when.month ? `${when.year}-${String(when.month).padStart(2, '0')}` : String(when.year);
}

const period = (r: Role, style: DateStyle, present?: string) =>
	`${printed(r.start, style, present)} – ${printed(r.end, style, present)}`;
const degreeDate = (e: Degree, style: DateStyle) =>
	e.start
		? `${printed(e.start, style)} – ${printed(e.end, style)}`
		: `${e.expected ? 'Expected ' : ''}${printed(e.end, style)}`;
const contactLine = (r: ResumeDescription) =>
	[r.email, r.phone, r.location].filter((v): v is string => !!v);
const certificateLine = (c: ResumeDescription['certifications'][number], style: DateStyle) =>
	[c.name, c.issuer, c.date ? printed(c.date, style) : ''].filter(Boolean).join(', ');

// ---------------------------------------------------------------------------------------------
// PDF (pdfkit), with DejaVu so that names with accents keep their letters.

const fonts = path.join(
	path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf'
);
const REGULAR = path.join(fonts, 'DejaVuSans.ttf');
const BOLD = path.join(fonts, 'DejaVuSans-Bold.ttf');
const ITALIC = path.join(fonts, 'DejaVuSans-Oblique.ttf');

function pdfDocument(options: PDFKit.PDFDocumentOptions = {}) {
	const doc = new PDFDocument({ size: 'LETTER', margin: 54, ...options });
	doc.registerFont('regular', REGULAR);
	doc.registerFont('bold', BOLD);
	doc.registerFont('italic', ITALIC);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Uint8Array>((resolve) =>
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
	);
	return { doc, done };
}

/**
 * A bullet as word processors print one: the glyph, and the text hanging beside it; or, as
 * simpler tools do, the glyph and its text as one paragraph, wrapped back to the margin.
 */
function pdfBullet(
	doc: PDFKit.PDFDocument,
	text: string,
	x: number,
	width: number,
	style: 'hanging' | 'flush' = 'hanging'
) {
	const y = doc.y;
	if (style === 'flush') doc.text(`▪ ${text}`, x, y, { width });
	else {
		doc.text('•', x, y, { lineBreak: false });
		doc.text(text, x + 12, y, { width: width - 12 });
	}
	doc.moveDown(0.15);
}

/** "Title, Company" in bold on the left and the dates on the right of one line. */
function pdfHeaderWithDates(
	doc: PDFKit.PDFDocument,
	left: string,
	right: string,
	x: number,
	width: number
) {
	const y = doc.y;
	doc.font('regular').fontSize(9.5).text(right, x, y, { width, align: 'right' });
	doc
		.font('bold')
		.fontSize(10.5)
		.text(left, x, y, { width: width - 140 });
}

/** One column: name, contact lines, ruled headings, entries with their dates on the right. */
export function singleColumnPdf(r: ResumeDescription): Promise<Uint8Array> {
	const { doc, done } = pdfDocument();
	const x = 54;
	const width = doc.page.width - 108;
	const heading = (title: string) => {
		doc.moveDown(0.8);
		doc.font('bold').fontSize(12).fillColor('#1f4e79').text(title.toUpperCase(), x, doc.y);
		const y = doc.y + 1;
		doc
			.moveTo(x, y)
			.lineTo(x + width, y)
			.lineWidth(0.8)
			.strokeColor('#1f4e79')
			.stroke();
		doc.fillColor('black').moveDown(0.4);
	};
	doc.font('bold').fontSize(22).text(r.name, x, 54);
	doc.font('regular').fontSize(11).fillColor('#444').text(r.label).fillColor('black');
	doc.moveDown(0.3);
	doc.fontSize(9.5).text(contactLine(r).join('  |  '));
	if (r.links.length) doc.text(r.links.join('  |  '));

	heading('Summary');
	doc.font('regular').fontSize(10).text(r.summary, x, doc.y, { width });

	const roles = (list: Role[]) => {
		for (const role of list) {
			doc.moveDown(0.5);
			pdfHeaderWithDates(doc, role.title, period(role, 'short'), x, width);
			doc
				.font('italic')
				.fontSize(9.5)
				.text([role.organization, role.location].filter(Boolean).join(', '), x, doc.y);
			doc.font('regular').fontSize(10).moveDown(0.2);
			if (role.summary) doc.text(role.summary, x, doc.y, { width }).moveDown(0.2);
			for (const b of role.bullets) pdfBullet(doc, b, x + 10, width - 10);
		}
	};
	heading('Professional Experience');
	roles(r.experience);

	heading('Education');
	for (const e of r.education) {
		doc.moveDown(0.3);
		pdfHeaderWithDates(doc, e.degree, degreeDate(e, 'short'), x, width);
		doc
			.font('regular')
			.fontSize(10)
			.text([e.school, e.location].filter(Boolean).join(', '), x, doc.y);
	}
	if (r.volunteer.length) {
		heading('Volunteer Experience');
		roles(r.volunteer);
	}
	if (r.certifications.length) {
		heading('Licenses & Certifications');
		doc.font('regular').fontSize(10);
		for (const c of r.certifications)
			pdfBullet(doc, certificateLine(c, 'short'), x + 10, width - 10);
	}

	heading('Skills');
	for (const s of r.skills) {
		doc.font('bold').fontSize(10).text(`${s.name}: `, x, doc.y, { continued: true, width });
		doc.font('regular').text(s.keywords.join(', '));
	}
	if (r.languages.length) {
		heading('Languages');
		doc
			.font('regular')
			.fontSize(10)
			.text(r.languages.map((l) => `${l.language} (${l.fluency})`).join(', '), x, doc.y, { width });
	}
	doc.end();
	return done;
}

/**
 * Two columns: the name across the top, a shaded sidebar (on the left, or the right) with
 * contact details, skills and languages, and the main column with the summary, experience and
 * education.
 */
export function twoColumnPdf(
	r: ResumeDescription,
	sidebar: 'left' | 'right' = 'left'
): Promise<Uint8Array> {
	const { doc, done } = pdfDocument({ margin: 36 });
	const pageWidth = doc.page.width;
	const side = { x: sidebar === 'left' ? 36 : pageWidth - 36 - 168, width: 168 };
	const main = { x: sidebar === 'left' ? 228 : 36, width: pageWidth - 228 - 36 };
	doc.rect(0, 0, pageWidth, 96).fill('#1f4e79');
	doc.rect(sidebar === 'left' ? 0 : pageWidth - 216, 96, 216, doc.page.height - 96).fill('#eef2f6');
	doc.fillColor('white').font('bold').fontSize(24).text(r.name, 36, 28);
	doc
		.font('regular')
		.fontSize(12)
		.text(r.label, 36, doc.y + 2);
	doc.fillColor('black');

	const sideHeading = (title: string, first = false) => {
		doc.moveDown(first ? 0 : 1);
		doc.font('bold').fontSize(11).fillColor('#1f4e79').text(title.toUpperCase(), side.x, doc.y);
		doc.fillColor('black').moveDown(0.3);
	};
	doc.y = 120;
	sideHeading('Contact', true);
	doc.font('regular').fontSize(8.5);
	for (const line of [...contactLine(r), ...r.links])
		doc.text(line, side.x, doc.y, { width: side.width }).moveDown(0.2);
	sideHeading('Skills');
	for (const s of r.skills) {
		doc.font('bold').fontSize(8.5).text(`${s.name}: `, side.x, doc.y, {
			continued: true,
			width: side.width
		});
		doc.font('regular').text(s.keywords.join(', ')).moveDown(0.3);
	}
	if (r.languages.length) {
		sideHeading('Languages');
		doc.font('regular').fontSize(8.5);
		for (const l of r.languages) doc.text(`${l.language} (${l.fluency})`, side.x, doc.y);
	}

	const mainHeading = (title: string, first = false) => {
		doc.moveDown(first ? 0 : 0.9);
		doc.font('bold').fontSize(12).fillColor('#1f4e79').text(title.toUpperCase(), main.x, doc.y);
		doc.fillColor('black').moveDown(0.3);
	};
	doc.y = 120;
	mainHeading('Profile', true);
	doc.font('regular').fontSize(9).text(r.summary, main.x, doc.y, { width: main.width });
	const roles = (list: Role[]) => {
		for (const role of list) {
			doc.moveDown(0.5);
			doc.font('bold').fontSize(10).text(role.title, main.x, doc.y, { width: main.width });
			doc
				.font('regular')
				.fontSize(9)
				.text([role.organization, role.location].filter(Boolean).join(' | '), main.x, doc.y);
			doc
				.font('italic')
				.fontSize(8.5)
				.fillColor('#555')
				.text(period(role, 'long', 'present'), main.x, doc.y)
				.fillColor('black');
			doc.font('regular').fontSize(9).moveDown(0.2);
			if (role.summary) doc.text(role.summary, main.x, doc.y, { width: main.width }).moveDown(0.2);
			for (const b of role.bullets) pdfBullet(doc, b, main.x + 4, main.width - 4, 'flush');
		}
	};
	mainHeading('Experience');
	roles(r.experience);
	mainHeading('Education');
	for (const e of r.education) {
		doc.moveDown(0.3);
		doc.font('bold').fontSize(10).text(e.degree, main.x, doc.y, { width: main.width });
		doc
			.font('regular')
			.fontSize(9)
			.text(
				`${[e.school, e.location].filter(Boolean).join(', ')} — ${degreeDate(e, 'long')}`,
				main.x,
				doc.y,
				{ width: main.width }
			);
	}
	if (r.volunteer.length) {
		mainHeading('Volunteering');
		roles(r.volunteer);
	}
	if (r.certifications.length) {
		mainHeading('Certifications');
		doc.font('regular').fontSize(9);
		for (const c of r.certifications)
			pdfBullet(doc, certificateLine(c, 'long'), main.x + 4, main.width - 4);
	}
	doc.end();
	return done;
}

/** A PDF drawn by `draw` (in DejaVu, 10 pt), for a test of one detail of reading. */
export function pdfWith(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
	const { doc, done } = pdfDocument();
	doc.font('regular').fontSize(10);
	draw(doc);
	doc.end();
	return done;
}

/** A PDF with no text layer, as a scanner makes: shapes where the words would be. */
export function scannedPdf(): Promise<Uint8Array> {
	const { doc, done } = pdfDocument();
	doc.rect(54, 54, 300, 22).fill('#222');
	for (let i = 0; i < 30; i++) doc.rect(54, 100 + i * 16, 200 + ((i * 37) % 250), 7).fill('#555');
	doc.end();
	return done;
}

/** A PDF that opens only with a password. */
export function passwordPdf(r: ResumeDescription): Promise<Uint8Array> {
	const { doc, done } = pdfDocument({ userPassword: 'secret', ownerPassword: 'owner' });
	doc.font('regular').fontSize(12).text(`${r.name}\n${r.email}\n\nExperience\n`);
	doc.end();
	return done;
}

// ---------------------------------------------------------------------------------------------
// DOCX (docx), as Word writes them.

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
	new TextRun({ text, ...options });

/** A link as Word shows it: the text the person typed, pointing at the address. */
function linkRun(link: string): ParagraphChild {
	const url = /^https?:\/\//.test(link) ? link : `https://${link}`;
	return new ExternalHyperlink({
		link: url,
		children: [new TextRun({ text: link, style: 'Hyperlink' })]
	});
}

const docxPeriodTab = (left: ParagraphChild[], right: string) =>
	new Paragraph({
		tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
		children: [...left, run(`\t${right}`)]
	});

const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

async function packed(children: (Paragraph | Table)[]): Promise<Uint8Array> {
	const doc = new Document({
		creator: 'Tailor tests',
		styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
		sections: [{ children }]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

/** Word's own headings, a right tab for the dates and real bullets (Word numbering). */
export function headingsDocx(r: ResumeDescription): Promise<Uint8Array> {
	const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
	const roles = (list: Role[]) =>
		list.flatMap((role) => [
			docxPeriodTab(
				[run(role.title, { bold: true }), run(` — ${role.organization}`)],
				period(role, 'dotted')
			),
			...(role.location
				? [new Paragraph({ children: [run(role.location, { italics: true })] })]
				: []),
			...(role.summary ? [new Paragraph({ text: role.summary })] : []),
			...role.bullets.map(bullet)
		]);
	/** A heading and what goes under it, or nothing for an empty section. */
	const part = (title: string, content: Paragraph[]) =>
		content.length ? [h(title), ...content] : [];
	return packed([
		new Paragraph({ text: r.name, heading: HeadingLevel.TITLE }),
		new Paragraph({ children: [run(r.label, { italics: true })] }),
		new Paragraph({ children: [run(contactLine(r).join(' · '))] }),
		...(r.links.length
			? [
					new Paragraph({
						children: r.links.flatMap((l, i) => (i ? [run(' · '), linkRun(l)] : [linkRun(l)]))
					})
				]
			: []),
		h('Summary'),
		new Paragraph({ text: r.summary }),
		h('Work Experience'),
		...roles(r.experience),
		h('Education'),
		...r.education.map((e) =>
			docxPeriodTab(
				[
					run(e.degree, { bold: true }),
					run(`, ${[e.school, e.location].filter(Boolean).join(', ')}`)
				],
				degreeDate(e, 'dotted')
			)
		),
		...part('Volunteer', roles(r.volunteer)),
		...part(
			'Certifications',
			r.certifications.map((c) => bullet(certificateLine(c, 'dotted')))
		),
		h('Skills'),
		...r.skills.map(
			(s) =>
				new Paragraph({
					children: [run(`${s.name}: `, { bold: true }), run(s.keywords.join(', '))]
				})
		),
		...part(
			'Languages',
			r.languages.length
				? [
						new Paragraph({
							text: r.languages.map((l) => `${l.language} (${l.fluency})`).join(', ')
						})
					]
				: []
		)
	]);
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = {
	top: none,
	bottom: none,
	left: none,
	right: none,
	insideHorizontal: none,
	insideVertical: none
};

function cell(children: Paragraph[], width: number) {
	return new TableCell({ children, width: { size: width, type: WidthType.DXA } });
}

function table(rows: TableCell[][], widths: number[]) {
	return new Table({
		columnWidths: widths,
		borders: noBorders,
		rows: rows.map((cells) => new TableRow({ children: cells }))
	});
}

/**
 * A layout made of tables, as many Word templates are: the name beside the contact details, then
 * one row per section with its name on the left and its entries on the right, dates in a column
 * of their own, and languages as a table of two columns.
 */
export function tableDocx(r: ResumeDescription): Promise<Uint8Array> {
	const p = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
		new Paragraph({ children: [run(text, options)] });
	const label = (text: string) => cell([p(text.toUpperCase(), { bold: true, size: 24 })], 2600);
	const roles = (list: Role[]) =>
		table(
			list.map((role) => [
				cell([p(period(role, 'short', 'Current'), { italics: true })], 2600),
				cell(
					[
						p(`${role.title} | ${role.organization}${role.location ? ` | ${role.location}` : ''}`, {
							bold: true
						}),
						...(role.summary ? [p(role.summary)] : []),
						...role.bullets.map(bullet)
					],
					6400
				)
			]),
			[2600, 6400]
		);
	const section = (name: string, content: (Paragraph | Table)[]) =>
		table(
			[
				[
					label(name),
					new TableCell({ children: content, width: { size: 6400, type: WidthType.DXA } })
				]
			],
			[2600, 6400]
		);
	/** A heading over a table, or nothing when there is nothing to put in it. */
	const titled = (title: string, rows: unknown[], content: () => Table) =>
		rows.length ? [new Paragraph({ text: title, heading: HeadingLevel.HEADING_2 }), content()] : [];
	return packed([
		table(
			[
				[
					cell([p(r.name, { bold: true, size: 40 }), p(r.label)], 4500),
					cell(
						[
							...contactLine(r).map((line) => p(line)),
							...r.links.map(
								(l) => new Paragraph({ children: [linkRun(l)], alignment: AlignmentType.RIGHT })
							)
						],
						4500
					)
				]
			],
			[4500, 4500]
		),
		section('Profile', [p(r.summary)]),
		new Paragraph({ text: 'Experience', heading: HeadingLevel.HEADING_2 }),
		roles(r.experience),
		new Paragraph({ text: 'Education', heading: HeadingLevel.HEADING_2 }),
		table(
			r.education.map((e) => [
				cell([p(degreeDate(e, 'long'), { italics: true })], 2600),
				cell([p(`${e.degree}, ${[e.school, e.location].filter(Boolean).join(', ')}`)], 6400)
			]),
			[2600, 6400]
		),
		...titled('Volunteer Work', r.volunteer, () => roles(r.volunteer)),
		...(r.certifications.length
			? [
					section(
						'Licences',
						r.certifications.map((c) => p(certificateLine(c, 'short')))
					)
				]
			: []),
		section(
			'Skills',
			r.skills.map((s) => p(`${s.name}: ${s.keywords.join(', ')}`))
		),
		...titled('Languages', r.languages, () =>
			table(
				r.languages.map((l) => [cell([p(l.language)], 3000), cell([p(l.fluency)], 3000)]),
				[3000, 3000]
			)
		)
	]);
}

/** A ZIP archive that is not a Word document (an OpenDocument-like or any other archive). */
export async function otherZip(): Promise<Uint8Array> {
	// The smallest valid ZIP holding one stored file, written by hand: no archive library needed.
	const name = Buffer.from('notes/readme.txt');
	const data = Buffer.from('Just notes, not a resume.');
	const crc = crc32(data);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt32LE(crc, 14);
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(data.length, 22);
	local.writeUInt16LE(name.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt32LE(crc, 16);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(data.length, 24);
	central.writeUInt16LE(name.length, 28);
	const offset = local.length + name.length + data.length;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + name.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

function crc32(data: Buffer): number {
	let crc = ~0;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Two people whose documents the tests render.

/** A nurse: credentials after the name, licences, a degree under way, volunteering. */
export const nurse: ResumeDescription = {
	name: 'Zoë Adebayo-Lindqvist, RN',
	label: 'Registered Nurse — Emergency & Critical Care',
	email: 'zoe.lindqvist@example.com',
	phone: '(614) 555-0199',
	location: 'Columbus, OH 43215',
	links: ['linkedin.com/in/zoe-lindqvist-rn'],
	summary:
		'Emergency nurse with nine years in a Level I trauma centre, known for steady triage under pressure, precepting new graduates and improving sepsis care across the department.',
	experience: [
		{
			title: 'Charge Nurse, Emergency Department',
			organization: 'Riverside Methodist Hospital',
			location: 'Columbus, OH',
			start: { year: 2020, month: 9 },
			end: 'present',
			bullets: [
				'Lead a team of 9 RNs and 4 technicians across a 48-bed emergency department on night shifts, assigning patients by acuity and skill mix.',
				'Cut door-to-antibiotic time for sepsis patients from 94 to 51 minutes by introducing a nurse-driven screening protocol (adopted hospital-wide in 2023).',
				'Precept 12 new graduate nurses a year through a 14-week orientation.'
			]
		},
		{
			title: 'Staff Nurse, Intensive Care Unit',
			organization: 'Grant Medical Center',
			location: 'Columbus, OH',
			start: { year: 2015, month: 6 },
			end: { year: 2020, month: 8 },
			bullets: [
				'Cared for 2–3 critically ill patients a shift, including ventilated, post-cardiac-surgery and continuous-renal-replacement patients.',
				'Served on the unit practice council that rewrote the central-line care bundle; CLABSI rate fell by 40% in a year.'
			]
		}
	],
	education: [
		{
			degree: 'Master of Science in Nursing (MSN)',
			school: 'Ohio State University',
			end: { year: 2026, month: 5 },
			expected: true
		},
		{
			degree: 'Bachelor of Science in Nursing (BSN)',
			school: 'Capital University',
			location: 'Columbus, OH',
			end: { year: 2015, month: 5 }
		}
	],
	volunteer: [
		{
			title: 'Volunteer Nurse',
			organization: 'Free Clinic of Franklin County',
			start: { year: 2017, month: 3 },
			end: 'present',
			bullets: ['Run a monthly blood-pressure and diabetes screening for about 60 neighbours.']
		}
	],
	certifications: [
		{
			name: 'Certified Emergency Nurse (CEN)',
			issuer: 'Board of Certification for Emergency Nursing',
			date: { year: 2021, month: 4 }
		},
		{
			name: 'Advanced Cardiovascular Life Support (ACLS)',
			issuer: 'American Heart Association',
			date: { year: 2024, month: 1 }
		}
	],
	skills: [
		{
			name: 'Clinical',
			keywords: ['triage', 'sepsis screening', 'ventilator management', 'IV therapy']
		},
		{ name: 'Systems', keywords: ['Epic', 'Pyxis', 'Omnicell'] }
	],
	languages: [
		{ language: 'English', fluency: 'native' },
		{ language: 'Swedish', fluency: 'fluent' },
		{ language: 'Yoruba', fluency: 'conversational' }
	]
};

/** A salesperson: quota numbers, a CRM, a website and LinkedIn, a degree long finished. */
export const salesRep: ResumeDescription = {
	name: 'Mateus Gonçalves',
	label: 'Enterprise Account Executive',
	email: 'mateus.goncalves@example.net',
	phone: '+1 (312) 555-0148',
	location: 'Chicago, IL',
	links: ['linkedin.com/in/mateusgoncalves', 'https://mateusgoncalves.com'],
	summary:
		'Account executive with eight years of B2B SaaS sales, closing six-figure deals with logistics and manufacturing companies and building the playbooks new reps ramp on.',
	experience: [
		{
			title: 'Enterprise Account Executive',
			organization: 'Fernleaf Analytics',
			location: 'Chicago, IL',
			start: { year: 2021, month: 2 },
			end: 'present',
			bullets: [
				'Closed $3.2M in new annual recurring revenue in 2023, 128% of quota, with an average deal size of $145K.',
				'Built the outbound sequence for logistics accounts in Salesforce and Outreach that the team of 11 reps now uses; meetings booked rose by 35%.',
				"Won the company's largest contract to date, a three-year $1.1M agreement with a national freight carrier."
			]
		},
		{
			title: 'Account Executive',
			organization: 'Brightwell Software',
			location: 'Milwaukee, WI',
			start: { year: 2017, month: 4 },
			end: { year: 2021, month: 1 },
			bullets: [
				'Grew a mid-market territory from $600K to $1.9M in annual revenue over three years.',
				"President's Club in 2019 and 2020 for finishing in the top 5% of the sales team."
			]
		},
		{
			title: 'Sales Development Representative',
			organization: 'Brightwell Software',
			start: { year: 2015, month: 9 },
			end: { year: 2017, month: 3 },
			bullets: ['Booked 420 qualified meetings in 18 months, the most of any SDR in the company.']
		}
	],
	education: [
		{
			degree: 'B.A. in Economics',
			school: 'University of Illinois Chicago',
			end: { year: 2015, month: 5 }
		}
	],
	volunteer: [
		{
			title: 'Mentor',
			organization: 'Junior Achievement of Chicago',
			start: { year: 2019, month: 1 },
			end: 'present',
			bullets: ['Coach high-school students through a semester-long company programme each spring.']
		}
	],
	certifications: [
		{
			name: 'Certified Inside Sales Professional (CISP)',
			issuer: 'American Association of Inside Sales Professionals',
			date: { year: 2018, month: 6 }
		},
		{ name: 'HubSpot Inbound Sales', issuer: 'HubSpot Academy', date: { year: 2022, month: 10 } }
	],
	skills: [
		{
			name: 'Sales',
			keywords: ['MEDDICC', 'consultative selling', 'territory planning', 'forecasting']
		},
		{ name: 'Tools', keywords: ['Salesforce', 'Outreach', 'Gong', 'LinkedIn Sales Navigator'] }
	],
	languages: [
		{ language: 'English', fluency: 'fluent' },
		{ language: 'Portuguese', fluency: 'native' },
		{ language: 'Spanish', fluency: 'professional' }
	]
};

// ---------------------------------------------------------------------------------------------
// A JSON Resume (the career fixtures) as a description to render.

const COUNTRY_NAMES: Record<string, string> = {
	PT: 'Portugal',
	GB: 'United Kingdom',
	IE: 'Ireland',
	DE: 'Germany',
	FR: 'France',
	ES: 'Spain',
	NL: 'Netherlands',
	CA: 'Canada'
};

type Obj = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** "2019-03" → March 2019; no date → "present". */
function when(value: unknown): When {
	const m = /^(\d{4})(?:-(\d{2}))?/.exec(text(value));
	return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined } : 'present';
}

/** The sections of a JSON Resume this module renders, as a description. */
export function describeJsonResume(resume: Obj): ResumeDescription {
	const basics = (resume.basics ?? {}) as Obj;
	const loc = (basics.location ?? {}) as Obj;
	const country = text(loc.countryCode);
	const place = [text(loc.city), text(loc.region) || COUNTRY_NAMES[country] || country].filter(
		Boolean
	);
	const roles = (list: unknown, org: string): Role[] =>
		objects(list).map((w) => ({
			title: text(w.position),
			organization: text(w[org]),
			location: text(w.location) || undefined,
			start: when(w.startDate),
			end: when(w.endDate),
			summary: text(w.summary) || undefined,
			bullets: (w.highlights as string[] | undefined) ?? []
		}));
	return {
		name: text(basics.name),
		label: text(basics.label),
		email: text(basics.email),
		phone: text(basics.phone) || undefined,
		location: place.length ? place.join(', ') : undefined,
		links: [
			...objects(basics.profiles).map((p) => text(p.url)),
			...(text(basics.url) ? [text(basics.url)] : [])
		],
		summary: text(basics.summary),
		experience: roles(resume.work, 'name'),
		education: objects(resume.education).map((e) => ({
			degree: [text(e.studyType), text(e.area)].filter(Boolean).join(' in '),
			school: text(e.institution),
			start: e.startDate ? when(e.startDate) : undefined,
			end: when(e.endDate)
		})),
		volunteer: roles(resume.volunteer, 'organization'),
		certifications: objects(resume.certificates).map((c) => ({
			name: text(c.name),
			issuer: text(c.issuer),
			date: c.date ? when(c.date) : undefined
		})),
		skills: objects(resume.skills).map((g) => ({
			name: text(g.name),
			keywords: (g.keywords as string[] | undefined) ?? []
		})),
		languages: objects(resume.languages).map((l) => ({
			language: text(l.language),
			fluency: text(l.fluency)
		}))
	};
}

// ---------------------------------------------------------------------------------------------
// HTML, for a browser to print as PDF: how online resume builders make theirs (a list's bullets
// are then shapes, not characters; flex rows put the dates at the right).

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A resume as a page of HTML: one column, or a sidebar (contact, skills, languages) and a main column. */
export function resumeHtml(r: ResumeDescription, layout: 'single' | 'sidebar'): string {
	const e = escape;
	const row = (left: string, right: string) =>
		`<div class="row"><span>${left}</span><span class="dates">${e(right)}</span></div>`;
	const roles = (list: Role[]) =>
		list
			.map(
				(x) =>
					`<div class="role">${row(`<b>${e(x.title)}</b>, ${e(x.organization)}`, period(x, 'short'))}` +
					(x.location ? `<div class="loc">${e(x.location)}</div>` : '') +
					(x.summary ? `<p>${e(x.summary)}</p>` : '') +
					`<ul>${x.bullets.map((b) => `<li>${e(b)}</li>`).join('')}</ul></div>`
			)
			.join('');
	const part = (title: string, body: string, has = true) => (has ? `<h2>${title}</h2>${body}` : '');
	const skills = r.skills
		.map((s) => `<p><b>${e(s.name)}:</b> ${s.keywords.map(e).join(', ')}</p>`)
		.join('');
	const languages = r.languages.map((l) => `${e(l.language)} (${e(l.fluency)})`);
	const main =
		part('Summary', `<p>${e(r.summary)}</p>`) +
		part('Experience', roles(r.experience)) +
		part(
			'Education',
			r.education
				.map((d) =>
					row(
						`<b>${e(d.degree)}</b>, ${e([d.school, d.location].filter(Boolean).join(', '))}`,
						degreeDate(d, 'short')
					)
				)
				.join('')
		) +
		part('Volunteer', roles(r.volunteer), r.volunteer.length > 0) +
		part(
			'Certifications',
			`<ul>${r.certifications.map((c) => `<li>${e(certificateLine(c, 'short'))}</li>`).join('')}</ul>`,
			r.certifications.length > 0
		);
	const contact = [...contactLine(r), ...r.links].map(e);
	const head = `<h1>${e(r.name)}</h1><div class="label">${e(r.label)}</div>`;
	const css = `body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0;color:#222}
		h1{font-size:22pt;margin:0} .label{font-size:12pt;color:#555}
		h2{font-size:11pt;text-transform:uppercase;letter-spacing:.05em;color:#1f4e79;border-bottom:1px solid #1f4e79;margin:14px 0 6px}
		.row{display:flex;justify-content:space-between;gap:12px} .dates{color:#555;white-space:nowrap}
		.loc{font-style:italic} ul{margin:4px 0 8px;padding-left:18px} p{margin:4px 0} .role{margin-bottom:6px}
		.grid{display:grid;grid-template-columns:190px 1fr;gap:28px;margin-top:12px}
		aside{background:#eef2f6;padding:8px;font-size:9pt;overflow-wrap:anywhere}`;
	const body =
		layout === 'single'
			? `${head}<p>${contactLine(r).map(e).join(' | ')}${r.links.length ? `<br>${r.links.map(e).join(' | ')}` : ''}</p>${main}` +
				part('Skills', skills) +
				part('Languages', `<p>${languages.join(', ')}</p>`, languages.length > 0)
			: `${head}<div class="grid"><aside>${part('Contact', `<p>${contact.join('<br>')}</p>`)}` +
				`${part('Skills', skills)}${part('Languages', `<p>${languages.join('<br>')}</p>`, languages.length > 0)}</aside>` +
				`<main>${main}</main></div>`;
	return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

/**
 * The people the document tests render: the nurse, the salesperson and each of the project's
 * career fixtures (`who` names them in a test's title: "a nurse's", "ines-varga's").
 */
export function resumePeople(): { who: string; resume: ResumeDescription }[] {
	const careers = path.resolve(import.meta.dirname, '../fixtures/careers');
	return [
		{ who: "a nurse's", resume: nurse },
		{ who: "a salesperson's", resume: salesRep },
		...readdirSync(careers)
			.filter((f) => f.endsWith('.json'))
			.map((f) => ({
				who: `${f.replace('.json', '')}'s`,
				resume: describeJsonResume(JSON.parse(readFileSync(path.join(careers, f), 'utf8')))
			}))
	];
}
