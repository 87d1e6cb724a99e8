import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

/**
 * Reading exported files back as a recruiter's software would: the PDF's text with pdf.js (through
 * unpdf), the Word document's with mammoth.
 */

/** Text as a reader joins it: a hyphen ending a line runs on, other whitespace becomes one space. */
export const flat = (s: string) => s.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim();

/** pdf.js takes ownership of the bytes it is given, so it gets a copy. */
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
	const { text, totalPages } = await extractText(copy(bytes), { mergePages: true });
	return { text: flat(text), pages: totalPages };
}

/** Each page's lines, top to bottom. */
export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
	const doc = await getDocumentProxy(copy(bytes));
	const pages: string[][] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		let text = '';
		for (const item of content.items)
			if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
		pages.push(
			text
				.split('\n')
				.map((l) => l.replace(/\s+/g, ' ').trim())
				.filter(Boolean)
		);
	}
	return pages;
}

/** Width and height of each page, in points. */
export async function pdfPageSizes(bytes: Uint8Array): Promise<[number, number][]> {
	const doc = await getDocumentProxy(copy(bytes));
	const sizes: [number, number][] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const [x0, y0, x1, y1] = (await doc.getPage(i)).view as [number, number, number, number];
		sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
	}
	return sizes;
}

export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
	return (await getMeta(copy(bytes))).info as Record<string, unknown>;
}

export async function docxText(bytes: Uint8Array): Promise<string> {
	const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
	return flat(value);
}

/** One file of a ZIP package (a .docx), by its path, as text. */
export function zipEntry(bytes: Uint8Array, name: string): string {
	const buf = Buffer.from(bytes);
	const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('not a ZIP file');
	let at = buf.readUInt32LE(end + 16);
	for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
		const method = buf.readUInt16LE(at + 10);
		const size = buf.readUInt32LE(at + 20);
		const nameLength = buf.readUInt16LE(at + 28);
		const local = buf.readUInt32LE(at + 42);
		if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
			const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
			const data = buf.subarray(start, start + size);
			return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
		}
		at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
	}
	throw new Error(`${name} is not in the package`);
}
