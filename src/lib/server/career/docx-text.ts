import mammoth from 'mammoth';
import { CareerImportError } from './json-resume';
import { DATE_RANGE } from './text-dates';
import { zipEntries } from './zip-entries';

/** Far more than any resume's text and styles; an archive that unpacks to more is refused. */
const MAX_UNPACKED = 60 * 1024 * 1024;

export const DOCX_REFUSALS = {
	notDocx:
		'This file is not a Word document (.docx) Tailor can read: it may be damaged or only named .docx. Save it again from Word as .docx or PDF, or paste the text.',
	tooLarge:
		'This Word document unpacks to far more than a resume. Save it as PDF, or paste the text.',
	empty: 'This Word document has no text to import.'
};

/** Word's title and subtitle styles as the headings they are (mammoth knows Heading 1–6). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

type Node = { tag: string; href?: string; children: (Node | string)[] };

const VOID = new Set(['br', 'img', 'hr']);

function unescape(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) =>
		e === 'amp'
			? '&'
			: e === 'lt'
				? '<'
				: e === 'gt'
					? '>'
					: e === 'quot'
						? '"'
						: e === 'nbsp'
							? ' '
							: "'"
	);
}

/** mammoth's HTML (well-formed, a known handful of tags) as a tree. */
function parseHtml(html: string): Node {
	const root: Node = { tag: 'root', children: [] };
	const stack: Node[] = [root];
	for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
		const top = stack.at(-1)!;
		if (m[4] !== undefined) {
			top.children.push(unescape(m[4]));
			continue;
		}
		const tag = (m[2] ?? '').toLowerCase();
		if (m[1]) {
			const at = stack.map((n) => n.tag).lastIndexOf(tag);
			if (at > 0) stack.length = at;
			continue;
		}
		const node: Node = { tag, children: [] };
		const href = /\bhref="([^"]*)"/.exec(m[3] ?? '')?.[1];
		if (href) node.href = unescape(href);
		top.children.push(node);
		if (!VOID.has(tag) && !/\/\s*$/.test(m[3] ?? '')) stack.push(node);
	}
	return root;
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'tr']);

/** A paragraph's text; a link shows its address when its words do not ("LinkedIn"). */
function inline(node: Node | string): string {
	if (typeof node === 'string') return node;
	if (node.tag === 'br') return '\n';
	if (node.tag === 'img') return '';
	const text = node.children
		.filter((c) => typeof c === 'string' || !BLOCK.has(c.tag))
		.map(inline)
		.join('');
	if (node.tag === 'a' && node.href) {
		const address = node.href.replace(/^mailto:/i, '');
		const bare = (s: string) => s.replace(/^(https?:\/\/)?(www\.)?/i, '').replace(/\/$/, '');
		if (/^(https?:|mailto:)/i.test(node.href) && !bare(text).includes(bare(address)))
			return text.trim() ? `${text} ${address}` : address;
	}
	return text;
}

/**
 * A paragraph's text. "**Charge Nurse, ICU**, Riverside Hospital": a bold run at its start is the
 * title, whatever commas it holds, and the comma after it divides it from the employer.
 */
function paragraph(node: Node): string {
	const [first, second, ...rest] = node.children;
	if (
		typeof first !== 'string' &&
		(first?.tag === 'strong' || first?.tag === 'b') &&
		typeof second === 'string' &&
		/^,\s*\S/.test(second)
	)
		return `${inline(first)} | ${second.replace(/^,\s*/, '')}${rest.map(inline).join('')}`;
	return inline(node);
}

/** Word's tabs (a right tab before the dates) read as separators: "Title | Mar 2021 – Present". */
const lineText = (text: string) =>
	text
		.split('\n')
		.map((l) =>
			l
				.replace(/\s*\t[\t\s]*/g, ' | ')
				.replace(/[ \u00a0]+/g, ' ')
				.replace(/^\s*\|\s*|\s*\|\s*$/g, '')
				.trim()
		)
		.filter(Boolean);

/** A cell on a row of its own that labels the next one: "English" | "Native" → "English: Native". */
const isLabel = (text: string) =>
	text.length <= 30 && text.split(/\s+/).length <= 3 && !/\d/.test(text) && !/[:.]$/.test(text);

function table(node: Node): string[] {
	const out: string[] = [];
	const rows = node.children.filter((c): c is Node => typeof c !== 'string' && c.tag === 'tr');
	for (const row of rows) {
		const cells = row.children
			.filter((c): c is Node => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
			.map((c) => blocks(c.children))
			.filter((lines) => lines.length > 0);
		if (cells.every((c) => c.length === 1)) {
			const texts = cells.map((c) => c[0]!);
			const [label, value] = texts;
			if (texts.length === 2 && isLabel(label!) && !BULLETED.test(value!)) {
				// "English" | "Native" is one fact; "PROFILE" | a paragraph is a heading and its text.
				if (value!.length <= 60) out.push(`${label}: ${value}`);
				else out.push(label!, value!);
			} else if (texts.length) out.push(texts.join(' | '));
			continue;
		}
		// A cell holding only the dates of the entry beside it goes on that entry's first line.
		const dates = cells.findIndex(
			(c) => c.length === 1 && DATE_RANGE.test(c[0]!) && c[0]!.length <= 40
		);
		const entry = cells.findIndex((c) => c.length > 1);
		for (const [i, lines] of cells.entries()) {
			if (i === dates && entry >= 0) continue;
			if (i === entry && dates >= 0)
				out.push(`${lines[0]} | ${cells[dates]![0]}`, ...lines.slice(1));
			else out.push(...lines);
		}
	}
	return out;
}

const BULLETED = /^• /;

function list(node: Node): string[] {
	const out: string[] = [];
	for (const item of node.children) {
		if (typeof item === 'string' || item.tag !== 'li') continue;
		const [first, ...more] = lineText(inline(item));
		if (first) out.push(`• ${first}`, ...more);
		// A list inside the item: its points are bullets too.
		for (const child of item.children)
			if (typeof child !== 'string' && (child.tag === 'ul' || child.tag === 'ol'))
				out.push(...list(child));
	}
	return out;
}

function blocks(children: (Node | string)[]): string[] {
	const out: string[] = [];
	for (const child of children) {
		if (typeof child === 'string') {
			out.push(...lineText(child));
			continue;
		}
		if (/^h[1-6]$/.test(child.tag)) {
			const lines = lineText(inline(child));
			if (lines.length) out.push('', ...lines);
		} else if (child.tag === 'p') out.push(...lineText(paragraph(child)));
		else if (child.tag === 'ul' || child.tag === 'ol') out.push(...list(child));
		else if (child.tag === 'table') out.push(...table(child));
		else out.push(...blocks(child.children));
	}
	return out;
}

/** mammoth's HTML of a document as the text lines `parseTextResume` reads. */
export function htmlToText(html: string): string {
	return blocks(parseHtml(html).children)
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/**
 * The text of a Word (.docx) resume: headings and paragraphs on lines of their own, list items
 * (Word's bullets and numbering) as "• " bullets, a table row as one line or, when its cells hold
 * paragraphs, cell after cell. Throws `CareerImportError` for anything else.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
	const entries = zipEntries(bytes);
	if (!entries || !entries.some((e) => e.name === 'word/document.xml'))
		throw new CareerImportError(DOCX_REFUSALS.notDocx);
	if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED)
		throw new CareerImportError(DOCX_REFUSALS.tooLarge);
	let html: string;
	try {
		const result = await mammoth.convertToHtml(
			{ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
			// Images are not read at all: a resume's photo or logo says nothing Tailor uses.
			{ styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) }
		);
		html = result.value;
	} catch {
		throw new CareerImportError(DOCX_REFUSALS.notDocx);
	}
	const text = htmlToText(html);
	if (!/\p{L}{2}/u.test(text)) throw new CareerImportError(DOCX_REFUSALS.empty);
	return text;
}
