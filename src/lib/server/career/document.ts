import { RESUME_FILE_LIMIT, formatBytes } from '../../body-limits.js';
import type { JsonResume } from '../../schemas/profile';
import { docxToText, DOCX_REFUSALS } from './docx-text';
import { CareerImportError } from './json-resume';
import { pdfToText, PDF_REFUSALS } from './pdf-text';
import { parseTextResume } from './text-resume';
import { zipEntries } from './zip-entries';

/**
 * A resume file as people have them (PDF, Word, plain text or Markdown, or a JSON Resume), told
 * apart by what it holds rather than by its name, then read as text for `parseTextResume`.
 */

export type DocumentKind = 'pdf' | 'docx' | 'json' | 'text';

export const DOCUMENT_REFUSALS = {
	empty: 'That file is empty. Choose your resume file, or paste its text.',
	tooLarge: `That file is too large (${formatBytes(RESUME_FILE_LIMIT)} at most).`,
	doc: 'This is an older Word document (.doc). Open it in Word or LibreOffice, save it as .docx or PDF, and upload that, or paste the text.',
	odt: 'This is an OpenDocument text (.odt). Save it as .docx or PDF and upload that, or paste the text.',
	rtf: 'This is a Rich Text (.rtf) file. Save it as .docx or PDF and upload that, or paste the text.',
	pages: 'This is a Pages document. Export it as PDF or Word and upload that, or paste the text.',
	office:
		'This is a spreadsheet or a presentation, not a resume document. Upload a PDF, a Word document or a text file, or paste the text.',
	zip: 'This ZIP archive is not a Word document (.docx). Upload the resume itself: a PDF, a Word document or a text file.',
	image:
		'This is an image. Tailor reads the text of a resume: upload the PDF or Word file it was made from, or paste the text.',
	unknown:
		'Tailor cannot read this kind of file. Upload a PDF, a Word document (.docx), a text or Markdown file, or a JSON Resume, or paste the text.'
};

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, to));
const extension = (filename: string) =>
	/\.([a-z0-9]{1,8})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';

function zipKind(bytes: Uint8Array): DocumentKind {
	const names = zipEntries(bytes)?.map((e) => e.name);
	if (!names) throw new CareerImportError(DOCX_REFUSALS.notDocx);
	if (names.includes('word/document.xml')) return 'docx';
	if (names.includes('mimetype') && ascii(bytes, 30, 120).includes('opendocument'))
		throw new CareerImportError(DOCUMENT_REFUSALS.odt);
	if (names.some((n) => n.startsWith('xl/') || n.startsWith('ppt/')))
		throw new CareerImportError(DOCUMENT_REFUSALS.office);
	if (names.some((n) => /^(index\.xml|Index\/Document\.iwa)$/.test(n)))
		throw new CareerImportError(DOCUMENT_REFUSALS.pages);
	throw new CareerImportError(DOCUMENT_REFUSALS.zip);
}

/** Text in UTF-8 (or UTF-16 with its byte order mark, or Windows-1252), or null when binary. */
export function decodeText(bytes: Uint8Array): string | null {
	let text: string;
	if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	else if (startsWith(bytes, 0xfe, 0xff))
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	else {
		try {
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		} catch {
			text = new TextDecoder('windows-1252').decode(bytes);
		}
	}
	// Text files have no NUL characters and few other control characters.
	// eslint-disable-next-line no-control-regex
	const control = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
	return text.includes('\u0000') || control > text.length / 100
		? null
		: text.replace(/^\ufeff/, '');
}

/**
 * What a file is, by its first bytes: `%PDF-`, a ZIP archive holding `word/document.xml`, JSON,
 * or text. Throws `CareerImportError` naming what to do instead for anything else (an old .doc,
 * an image, another archive).
 */
export function documentKind(bytes: Uint8Array, filename = '', mimeType = ''): DocumentKind {
	if (bytes.length === 0) throw new CareerImportError(DOCUMENT_REFUSALS.empty);
	if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
	if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06))
		return zipKind(bytes);
	if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
		throw new CareerImportError(DOCUMENT_REFUSALS.doc);
	if (ascii(bytes, 0, 5) === '{\\rtf') throw new CareerImportError(DOCUMENT_REFUSALS.rtf);
	if (
		startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
		startsWith(bytes, 0xff, 0xd8, 0xff) ||
		ascii(bytes, 0, 4) === 'GIF8' ||
		ascii(bytes, 8, 12) === 'WEBP' ||
		ascii(bytes, 4, 8) === 'ftyp' ||
		startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) ||
		startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)
	)
		throw new CareerImportError(DOCUMENT_REFUSALS.image);
	const text = decodeText(bytes);
	const ext = extension(filename);
	if (text === null) {
		if (ext === 'pdf') throw new CareerImportError(PDF_REFUSALS.notPdf);
		if (ext === 'docx') throw new CareerImportError(DOCX_REFUSALS.notDocx);
		throw new CareerImportError(DOCUMENT_REFUSALS.unknown);
	}
	if (ext === 'json' || /\bjson\b/i.test(mimeType) || /^\s*\{/.test(text)) return 'json';
	return 'text';
}

/**
 * The text of a resume file (not a JSON Resume: that one is imported as it is, see
 * `documentKind`). Throws `CareerImportError` with a message for the person.
 */
export async function documentToText(
	bytes: Uint8Array,
	filename = '',
	mimeType = ''
): Promise<string> {
	if (bytes.length > RESUME_FILE_LIMIT) throw new CareerImportError(DOCUMENT_REFUSALS.tooLarge);
	const kind = documentKind(bytes, filename, mimeType);
	if (kind === 'pdf') return pdfToText(bytes);
	if (kind === 'docx') return docxToText(bytes);
	const text = decodeText(bytes) ?? '';
	if (kind === 'json')
		throw new CareerImportError('This is a JSON file: import it as a JSON Resume.');
	if (!text.trim()) throw new CareerImportError(DOCUMENT_REFUSALS.empty);
	return text;
}

/** A resume file read into a JSON Resume (not yet stored). */
export async function importDocument(
	bytes: Uint8Array,
	filename = '',
	mimeType = ''
): Promise<JsonResume> {
	return parseTextResume(await documentToText(bytes, filename, mimeType));
}
