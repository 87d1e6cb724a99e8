import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { CareerImportError } from './json-resume';
import { bodySize, readPage } from './pdf-layout';
import type { TextPiece } from './pdf-lines';
import { bulletMarks, type Mark } from './pdf-marks';

/** A resume is a page or three; a PDF of more pages than this is something else. */
export const PDF_MAX_PAGES = 20;
/** The time spent reading pages' drawings for bullets drawn as shapes, at most. */
const DRAWING_BUDGET_MS = 3_000;

export const PDF_REFUSALS = {
	notPdf:
		'This file is not a PDF Tailor can read: it may be damaged or only named .pdf. Export it again from the program that made it, or paste the text.',
	password:
		'This PDF is protected with a password. Save a copy without the password (in most PDF viewers: print it to a new PDF) and upload that, or paste the text.',
	noText:
		'This PDF has no text layer — it looks like a scan. Export it from your word processor as PDF, or paste the text.',
	tooManyPages: (pages: number) =>
		`This PDF has ${pages} pages; Tailor reads resumes of up to ${PDF_MAX_PAGES} pages. Upload the resume alone, or paste its text.`
};

/** Ligatures a PDF may keep as one character: "ﬁ" → "fi". */
const LIGATURES: Record<string, string> = {
	'\ufb00': 'ff',
	'\ufb01': 'fi',
	'\ufb02': 'fl',
	'\ufb03': 'ffi',
	'\ufb04': 'ffl',
	'\ufb05': 'st',
	'\ufb06': 'st'
};

type PdfTextItem = {
	str: string;
	transform: number[];
	width: number;
	height: number;
	fontName: string;
};

function toPieces(items: unknown[]): TextPiece[] {
	const out: TextPiece[] = [];
	for (const raw of items) {
		if (!raw || typeof raw !== 'object' || !('str' in raw)) continue;
		const item = raw as PdfTextItem;
		const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
		// Rotated text (a watermark, a vertical label) is not part of the reading.
		if (Math.abs(b) > 0.1 * Math.abs(a) || Math.abs(c) > 0.1 * Math.abs(d)) continue;
		const text = item.str
			.replace(/[\ufb00-\ufb06]/g, (l) => LIGATURES[l] ?? l)
			.replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u200b\ufeff]/g, '');
		if (!text.trim()) continue;
		const size = Math.hypot(c, d) || item.height || 10;
		out.push({
			text: text.trim(),
			x,
			y,
			width: item.width || text.length * size * 0.5,
			size: Math.round(size * 10) / 10,
			font: item.fontName,
			spaceBefore: /^\s/.test(text),
			spaceAfter: /\s$/.test(text)
		});
	}
	return out;
}

/** "Page 2 of 3", "2/3", "- 2 -": page furniture, not resume text. */
const PAGE_NUMBER = /^(?:page\s+)?[-–]?\s*\d{1,2}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,2})?$/i;

/**
 * Page furniture: a page number alone, or beside a line from the top of the first page (the
 * person's name) — "Ines Varga — page 2 of 2", "Page 2 | Ines Varga".
 */
function isFurniture(line: string | undefined, firstLines: Set<string>): boolean {
	if (!line) return true;
	if (PAGE_NUMBER.test(line)) return true;
	const parts = line.split(/\s+[—–|·•-]\s+/).map((p) => p.trim());
	return (
		parts.length === 2 &&
		parts.some((p) => PAGE_NUMBER.test(p)) &&
		parts.some((p) => firstLines.has(p) || [...firstLines].some((f) => f.startsWith(`${p},`)))
	);
}

function withoutFurniture(pages: string[][]): string[][] {
	const firstLines = new Set((pages[0] ?? []).filter(Boolean).slice(0, 3));
	return pages.map((lines, i) => {
		const kept = [...lines];
		while (kept.length && (isFurniture(kept[0], firstLines) || (i > 0 && firstLines.has(kept[0]!))))
			kept.shift();
		while (kept.length && isFurniture(kept.at(-1), firstLines)) kept.pop();
		return kept;
	});
}

/**
 * The text of a PDF resume in reading order, one line per heading, entry header, bullet and
 * paragraph. Throws `CareerImportError` with a message for the person when the file is not a
 * PDF, is locked with a password, has more than `PDF_MAX_PAGES` pages or has no text to read.
 */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
	let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
	try {
		// A copy: the PDF library takes the buffer it is given.
		pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: false });
	} catch (error) {
		const name = (error as { name?: string } | null)?.name;
		throw new CareerImportError(
			name === 'PasswordException' ? PDF_REFUSALS.password : PDF_REFUSALS.notPdf
		);
	}
	try {
		if (pdf.numPages > PDF_MAX_PAGES)
			throw new CareerImportError(PDF_REFUSALS.tooManyPages(pdf.numPages));
		const { OPS } = await getResolvedPDFJS();
		const pages: { pieces: TextPiece[]; marks: Mark[] }[] = [];
		let drawing = 0;
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			const pieces = toPieces(content.items);
			// Bullets drawn as shapes are looked for on pages with text, within a time budget: the
			// drawing of a page of scanned images takes long to read and has no bullets.
			const started = performance.now();
			const drawn =
				pieces.length && drawing < DRAWING_BUDGET_MS ? await page.getOperatorList() : null;
			drawing += performance.now() - started;
			const marks = drawn
				? bulletMarks(drawn.fnArray, drawn.argsArray, OPS as unknown as Record<string, number>)
				: [];
			pages.push({ pieces, marks });
			page.cleanup();
		}
		const body = bodySize(pages.map((p) => p.pieces));
		const text = withoutFurniture(pages.map((p) => readPage(p.pieces, body, p.marks)))
			.map((lines) => lines.join('\n'))
			.join('\n\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim();
		if ((text.match(/\p{L}/gu) ?? []).length < 20) throw new CareerImportError(PDF_REFUSALS.noText);
		return text;
	} catch (error) {
		if (error instanceof CareerImportError) throw error;
		throw new CareerImportError(PDF_REFUSALS.notPdf);
	} finally {
		await pdf.destroy();
	}
}
