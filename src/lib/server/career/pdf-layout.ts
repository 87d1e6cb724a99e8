import { findColumns } from './pdf-columns';
import { EMAIL } from './text-contact';
import { mergeWrappedCells } from './pdf-cells';
import { makeLine, mode, toLines, type Line, type TextPiece } from './pdf-lines';
import { stackAtHead } from './pdf-stacks';
import { firstWordWidth, joinWrapped } from './pdf-words';
import type { Mark } from './pdf-marks';

/**
 * A PDF page's text in reading order, from the positions of its text pieces: pieces on one
 * baseline make a line, lines are read top to bottom, a two-column layout is read column by
 * column, and a line wrapped by the word processor is joined back to the one before it (a bullet
 * that runs over two lines stays one bullet). Headings, entry headers and contact lines stay on
 * lines of their own, which is what `parseTextResume` reads.
 */

/** A line that starts with a contact detail is one of its own, never the end of a paragraph. */
const CONTACT_START =
	/^(\S+@\S+\.\S+|https?:\/\/|www\.|linkedin\.com|github\.com|\+?\(?\d{3}\)?[\s.-]\d{3})/i;

type Block = { text: string; first: Line; last: Line };

/** What a column says about its lines: where they wrap, and how far apart its paragraphs' lines are. */
type Measure = {
	/** The right margin for text of a size. */
	right: (size: number) => number;
	/** The usual distance between the baselines of one paragraph, for a size. */
	leading: (size: number) => number;
	/** True when the margin is known: two lines or more reach it, or the block's edge is given. */
	known: (size: number) => boolean;
};

/** Words a line ends on when the sentence goes on: "…Emergency &", "…head of". */
const GOES_ON = /([,;&/+–—-]|\b(?:and|or|of|for|in|at|the|a|an|to|with))$/i;
/** "Tools: BigQuery, Looker": a label and its list start an item of their own. */
const LABELLED = /^\p{Lu}[^:,.]{0,30}:\s/u;

/**
 * True when `line` is the word processor's wrap of the block above it: it goes on in the font
 * the line above broke in, at its size, leading and margin, and its first word would not have
 * fitted at the end of the line above (which is how the line came to wrap).
 */
function wraps(block: Block, line: Line, m: Measure): boolean {
	const prev = block.last;
	const gap = (prev.lastY ?? prev.y) - line.y;
	if (line.bullet || line.spread || prev.spread || Math.abs(prev.size - line.size) >= 0.6)
		return false;
	if (prev.lastFont !== line.firstFont) return false;
	if (gap <= 0 || gap > m.leading(line.size) + Math.max(0.6, 0.08 * line.size)) return false;
	const full =
		prev.x1 + 0.25 * line.size + firstWordWidth(line) > m.right(line.size) - 0.5 * line.size;
	if (!full) return false;
	// With the margin unknown, only words that cannot end a line say it goes on.
	if (!m.known(line.size) && !/^[\p{Ll}(]/u.test(line.text) && !GOES_ON.test(prev.text))
		return false;
	if (/:$/.test(prev.text) || CONTACT_START.test(line.text) || LABELLED.test(line.text))
		return false;
	// A bullet goes on under its text (a hanging indent) or back at its glyph (wrapped to the
	// margin); a paragraph at its own margin, or left of a first line set in.
	return block.first.bullet
		? line.x0 >= block.first.x0 - 2
		: Math.abs(line.x0 - prev.x0) <= 2 || (prev === block.first && line.x0 < prev.x0);
}

/** How the lines of a column are set: their margins per size, and their paragraphs' leading. */
function measure(lines: Line[], edge: number | undefined): Measure {
	const right = new Map<number, number>();
	// A name set large across the top says nothing of where the body's lines wrap.
	for (const l of lines) right.set(l.size, Math.max(right.get(l.size) ?? 0, edge ?? l.x1));
	const leading = new Map<number, number>();
	for (const size of new Set(lines.map((l) => l.size))) {
		const gaps = lines.flatMap((l, i) => {
			const prev = lines[i - 1];
			return prev && prev.size === size && l.size === size ? [prev.y - l.y] : [];
		});
		const usual = mode(gaps.filter((g) => g > 0 && g < 2 * size));
		if (usual) leading.set(size, usual);
	}
	const margin = (size: number) => right.get(size) ?? 0;
	// The one longest line of a list of short ones (an email address in a sidebar) says nothing
	// of where text wraps; two lines reaching the same margin do.
	const reaching = (size: number) =>
		lines.filter((l) => l.size === size && l.x1 >= margin(size) - 1.5 * size).length;
	return {
		right: margin,
		leading: (size) => leading.get(size) ?? 1.25 * size,
		known: (size) => edge !== undefined || reaching(size) >= 2
	};
}

/**
 * The lines of one column as text lines: blocks side by side at its head read one after the
 * other, rows of wrapped cells made one line each, and a line the word processor wrapped joined
 * to the one before it. `edge` is the column's right edge when it is known.
 */
function readColumn(rows: Line[], bodySize: number, head = true, edge?: number): string[] {
	if (rows.length === 0) return [];
	// Blocks side by side at the head (a name beside the contact details): each read as a column
	// of its own (the left one ending at the gap between them), then the rest.
	const stack = head ? stackAtHead(rows, makeLine) : null;
	if (stack) {
		return [
			...readColumn(stack.left, bodySize, false, stack.gutter),
			'',
			...readColumn(stack.right, bodySize, false),
			'',
			...readColumn(rows.slice(stack.end), bodySize, false)
		];
	}
	const lines = mergeWrappedCells(rows, measure(rows, edge).right);
	const m = measure(lines, edge);
	const out: string[] = [];
	let current: Block | undefined;
	for (const line of lines) {
		if (current && wraps(current, line, m)) {
			current.text = joinWrapped(current.text, line.text);
			current.last = line;
			continue;
		}
		const prev = current?.last;
		if (current) out.push(current.text);
		// A wider space than the usual leading (or a heading) starts a paragraph: a blank line.
		const gap = prev ? (prev.lastY ?? prev.y) - line.y : 0;
		if (prev && (line.size >= 1.15 * bodySize || gap > 1.6 * m.leading(line.size))) out.push('');
		current = { text: line.text, first: line, last: line };
	}
	if (current) out.push(current.text);
	return out;
}

/** The body text size of a document: the size most of its letters are set in. */
export function bodySize(pages: TextPiece[][]): number {
	const all = pages.flat();
	return (
		mode(
			all.map((p) => p.size),
			all.map((p) => p.text.length)
		) ?? 10
	);
}

/**
 * The person's name (the page's largest text) at the top of a column, with the lines set close
 * under it (a headline): they are read before either column, as the top of the resume.
 */
function nameBlock(side: TextPiece[], all: TextPiece[], body: number): TextPiece[] {
	const largest = Math.max(...all.map((p) => p.size));
	const lines = toLines(side);
	const first = lines[0];
	if (!first || largest < 1.4 * body || first.size < largest) return [];
	const block = [first];
	for (const line of lines.slice(1, 4)) {
		if (block.at(-1)!.y - line.y > 1.8 * line.size) break;
		block.push(line);
	}
	return block.flatMap((l) => l.pieces);
}

/** One page's text lines in reading order ('' between paragraphs). */
export function readPage(pieces: TextPiece[], body: number, marks: Mark[] = []): string[] {
	const columns = findColumns(pieces);
	let regions = [pieces];
	if (columns) {
		const top = [
			...nameBlock(columns.left, pieces, body),
			...nameBlock(columns.right, pieces, body)
		];
		const rest = (side: TextPiece[]) => side.filter((p) => !top.includes(p));
		// The left column first, unless the contact details are in the right one (a sidebar on the
		// right): they belong with the name at the top.
		const contact = (side: TextPiece[]) => side.some((p) => EMAIL.test(p.text));
		const [first, second] =
			contact(columns.right) && !contact(columns.left)
				? [columns.right, columns.left]
				: [columns.left, columns.right];
		regions = [columns.header, top, rest(first), rest(second), columns.footer];
	}
	const out: string[] = [];
	for (const region of regions) {
		const lines = readColumn(toLines(region, marks), body);
		if (lines.length === 0) continue;
		if (out.length) out.push('');
		out.push(...lines);
	}
	return out;
}
