import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DOCUMENT_REFUSALS,
	documentKind,
	documentToText,
	importDocument
} from '../../../src/lib/server/career/document';
import { DOCX_REFUSALS } from '../../../src/lib/server/career/docx-text';
import { CareerImportError } from '../../../src/lib/server/career/json-resume';
import { PDF_MAX_PAGES, PDF_REFUSALS, pdfToText } from '../../../src/lib/server/career/pdf-text';
import {
	headingsDocx,
	nurse,
	otherZip,
	passwordPdf,
	pdfWith,
	salesRep,
	scannedPdf,
	singleColumnPdf,
	tableDocx,
	twoColumnPdf,
	resumePeople,
	type ResumeDescription
} from '../../helpers/resume-documents';
import { expectEverything } from '../../helpers/expect-resume';
import { fuzzOptions } from '../../helpers/fuzz';

const layouts = [
	{ name: 'a one-column PDF', file: 'resume.pdf', make: singleColumnPdf },
	{ name: 'a two-column PDF with a sidebar', file: 'resume.pdf', make: twoColumnPdf },
	{
		name: 'a two-column PDF with the sidebar on the right',
		file: 'resume.pdf',
		make: (r: ResumeDescription) => twoColumnPdf(r, 'right')
	},
	{ name: 'a Word document with headings and bullets', file: 'resume.docx', make: headingsDocx },
	{ name: 'a Word document laid out in tables', file: 'resume.docx', make: tableDocx }
];

const people = resumePeople();

describe('documents people have import with every field', () => {
	for (const { who, resume } of people) {
		for (const layout of layouts) {
			it(`${who} resume as ${layout.name}`, async () => {
				const bytes = await layout.make(resume);
				expectEverything(await importDocument(bytes, layout.file), resume);
			});
		}
	}

	it('a file is told by what it holds, not by its name', async () => {
		const pdf = await singleColumnPdf(nurse);
		expect(documentKind(pdf, 'resume.docx')).toBe('pdf');
		expect(documentKind(await headingsDocx(nurse), 'resume.pdf')).toBe('docx');
		expect(documentKind(new TextEncoder().encode('{"basics":{}}'), 'resume.txt')).toBe('json');
		expect(documentKind(new TextEncoder().encode('Zoë\nExperience'), 'resume')).toBe('text');
		expectEverything(await importDocument(pdf, 'resume.docx'), nurse);
	});

	it('reads text and Markdown files, in UTF-8, UTF-16 or Windows-1252', async () => {
		const text = '# Zoë Adebayo\nzoe@example.com\n\n## Experience\n- Led triage\n';
		const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
		const latin = new Uint8Array(Buffer.from(text, 'latin1'));
		for (const bytes of [new TextEncoder().encode(text), utf16, latin]) {
			expect(await documentToText(bytes, 'resume.md')).toBe(text);
		}
	});
});

describe('reading a PDF', () => {
	it('mends a word broken at a line end, and keeps the hyphen of a compound', async () => {
		const lines = [
			'Charge nurse who led the hospital-wide rollout of barcode adminis-',
			'tration across 14 units and trained 300 new nurses; known for cross-',
			'functional work with pharmacy, and for precepting new graduates.'
		];
		const pdf = await pdfWith((doc) => {
			doc.font('bold').fontSize(12).text('Summary', 54, 54);
			doc.font('regular').fontSize(10);
			lines.forEach((line, i) => doc.text(line, 54, 80 + i * 12, { lineBreak: false }));
		});
		expect(await pdfToText(pdf)).toBe(
			'Summary\n\nCharge nurse who led the hospital-wide rollout of barcode administration across 14 units and trained 300 new nurses; known for cross-functional work with pharmacy, and for precepting new graduates.'
		);
	});

	it('reads a sidebar on the right first when it holds the contact details', async () => {
		const pdf = await pdfWith((doc) => {
			doc.font('bold').fontSize(20).text('Mateus Gonçalves', 54, 40);
			doc.font('regular').fontSize(10);
			const main = [
				'EXPERIENCE',
				'Account Executive, Brightwell Software',
				'Apr 2017 – Jan 2021',
				'• Grew a mid-market territory from $600K to $1.9M.',
				"• President's Club in 2019 and 2020.",
				'• Ran the onboarding of nine new reps.'
			];
			const side = ['mateus@example.net', '+1 (312) 555-0148', 'Chicago, IL', 'SKILLS', 'Gong'];
			main.forEach((line, i) => doc.text(line, 54, 90 + i * 14, { lineBreak: false }));
			side.forEach((line, i) => doc.text(line, 400, 90 + i * 14, { lineBreak: false }));
		});
		const resume = await importDocument(pdf);
		expect(resume.basics).toMatchObject({
			name: 'Mateus Gonçalves',
			email: 'mateus@example.net',
			phone: '+1 (312) 555-0148'
		});
		expect(resume.work?.[0]).toMatchObject({ position: 'Account Executive', startDate: '2017-04' });
		expect(resume.work?.[0]?.highlights).toHaveLength(3);
		expect(resume.skills).toEqual([{ name: 'Skills', keywords: ['Gong'] }]);
	});

	it('reads a small table of two columns row by row, not as two columns', async () => {
		const pdf = await pdfWith((doc) => {
			doc.font('bold').fontSize(20).text('Zoë Adebayo', 54, 40);
			doc.font('regular').fontSize(10).text('zoe@example.com', 54, doc.y);
			doc.font('bold').fontSize(12).text('EXPERIENCE', 54, 110);
			doc.font('regular').fontSize(10).text('Staff Nurse, Grant Medical Center, 2015 – 2020', 54);
			for (const b of nurse.experience[0]!.bullets) doc.text(`• ${b}`, 54, doc.y, { width: 500 });
			doc
				.font('bold')
				.fontSize(12)
				.text('LANGUAGES', 54, doc.y + 20);
			doc.font('regular').fontSize(10);
			const y = doc.y + 4;
			nurse.languages.forEach((l, i) => {
				doc.text(l.language, 54, y + i * 14, { lineBreak: false });
				doc.text(l.fluency, 300, y + i * 14, { lineBreak: false });
			});
		});
		const resume = await importDocument(pdf);
		expect(resume.languages).toEqual(nurse.languages);
		expect(resume.work?.[0]?.highlights).toEqual(nurse.experience[0]!.bullets);
	});

	it('leaves out page numbers and the name repeated at the top of each page', async () => {
		const pdf = await pdfWith((doc) => {
			for (const page of [1, 2]) {
				if (page > 1) doc.addPage();
				doc.text('Zoë Adebayo', 54, 40);
				doc.text(page === 1 ? 'EXPERIENCE' : 'EDUCATION', 54, 80);
				doc.text(`Page ${page} of 2`, 54, 740);
			}
		});
		expect(await pdfToText(pdf)).toBe('Zoë Adebayo\n\nEXPERIENCE\n\nEDUCATION');
	});
});

/** The message a refused import gives. */
async function refusal(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (error) {
		expect(error).toBeInstanceOf(CareerImportError);
		return (error as Error).message;
	}
	throw new Error('expected the import to be refused');
}

describe('files that cannot be imported are refused with what to do instead', () => {
	it('a scanned PDF, with no text layer', async () => {
		expect(await refusal(documentToText(await scannedPdf(), 'scan.pdf'))).toBe(
			'This PDF has no text layer — it looks like a scan. Export it from your word processor as PDF, or paste the text.'
		);
	});

	it('a PDF locked with a password', async () => {
		expect(await refusal(documentToText(await passwordPdf(nurse), 'locked.pdf'))).toBe(
			PDF_REFUSALS.password
		);
	});

	it('a damaged PDF, and a file only named .pdf', async () => {
		const whole = await singleColumnPdf(nurse);
		const garbage = new Uint8Array([
			...new TextEncoder().encode('%PDF-1.7\n'),
			...whole.slice(0, 400).map((b) => b ^ 0x5a)
		]);
		expect(await refusal(documentToText(garbage, 'resume.pdf'))).toBe(PDF_REFUSALS.notPdf);
		const binary = new Uint8Array(64).map((_, i) => (i * 37) % 256);
		expect(await refusal(documentToText(binary, 'resume.pdf'))).toBe(PDF_REFUSALS.notPdf);
	});

	it(`a PDF of more than ${PDF_MAX_PAGES} pages`, async () => {
		const long: ResumeDescription = {
			...nurse,
			experience: Array.from({ length: 160 }, () => nurse.experience[0]!)
		};
		expect(await refusal(documentToText(await singleColumnPdf(long), 'long.pdf'))).toMatch(
			/^This PDF has 2\d pages; Tailor reads resumes of up to 20 pages\./
		);
	});

	it('a ZIP archive that is not a Word document, and an old .doc', async () => {
		expect(await refusal(documentToText(await otherZip(), 'resume.docx'))).toBe(
			DOCUMENT_REFUSALS.zip
		);
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		expect(await refusal(documentToText(ole, 'resume.doc'))).toBe(DOCUMENT_REFUSALS.doc);
		const cut = (await headingsDocx(nurse)).slice(0, 2_000);
		expect(await refusal(documentToText(cut, 'resume.docx'))).toBe(DOCX_REFUSALS.notDocx);
	});

	it('an empty file, an image, and a text with no resume in it', async () => {
		expect(await refusal(documentToText(new Uint8Array(), 'resume.pdf'))).toBe(
			DOCUMENT_REFUSALS.empty
		);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
		expect(await refusal(documentToText(png, 'me.png'))).toBe(DOCUMENT_REFUSALS.image);
		expect(await refusal(importDocument(new TextEncoder().encode('hello'), 'a.txt'))).toMatch(
			/^No resume content was found/
		);
	});
});

describe('any bytes at all', () => {
	it('are read or refused with a CareerImportError, never anything else', async () => {
		const [pdf, docx] = await Promise.all([singleColumnPdf(nurse), headingsDocx(salesRep)]);
		const starts = ['', '%PDF-1.7\n', 'PK\u0003\u0004', '{\\rtf1', '\uFEFF# Resume\n'].map(
			(t) => new Uint8Array(Buffer.from(t, 'latin1'))
		);
		/** A real document with some of its bytes changed, or cut short. */
		const damaged = (doc: Uint8Array) =>
			fc
				.tuple(
					fc.array(fc.tuple(fc.nat(doc.length - 1), fc.integer({ min: 0, max: 255 })), {
						maxLength: 20
					}),
					fc.integer({ min: 1, max: doc.length })
				)
				.map(([edits, end]) => {
					const copy = doc.slice(0, end);
					for (const [at, byte] of edits) if (at < copy.length) copy[at] = byte;
					return copy;
				});
		const bytes = fc.oneof(
			fc
				.tuple(fc.constantFrom(...starts), fc.uint8Array({ maxLength: 2_000 }))
				.map(([start, rest]) => new Uint8Array([...start, ...rest])),
			damaged(pdf),
			damaged(docx)
		);
		await fc.assert(
			fc.asyncProperty(bytes, fc.constantFrom('a.pdf', 'a.docx', 'a.txt', ''), async (b, name) => {
				try {
					await importDocument(b, name);
				} catch (error) {
					expect(error).toBeInstanceOf(CareerImportError);
				}
			}),
			fuzzOptions(60)
		);
	}, 60_000);
});
