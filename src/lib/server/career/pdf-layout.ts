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

/**
 * The lines of one column as text lines: a wrapped line is joined to the line before it when
 * it goes on in the same font and size at the same leading and margin, and its first word would
 * not have fitted on the line before (which is how the word processor decided to wrap it).
 */
function readColumn(rows: Line[], bodySize: number, head = true, edge?: number): string[] {
	if (rows.length === 0) return [];
	// Blocks side by side at the head of the column (a name beside the contact details): each
	// read as a column of its own (the left one ending at the gap between them), then the rest.
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
	// The right margin as the text of each size reaches it (a name set large across the top
	// says nothing of where the body's lines wrap), or the edge of the block when it is known.
	const right = new Map<number, number>();
	for (const l of rows) right.set(l.size, Math.max(right.get(l.size) ?? 0, edge ?? l.x1));
	const lines = mergeWrappedCells(rows, (size) => right.get(size) ?? 0);
	// The usual distance between baselines of one paragraph, per font size.
	const leading = new Map<number, number>();
	for (const size of new Set(lines.map((l) => l.size))) {
		const gaps: number[] = [];
		lines.forEach((l, i) => {
			const prev = lines[i - 1];
			if (prev && prev.size === size && l.size === size) gaps.push(prev.y - l.y);
		});
		const m = mode(gaps.filter((g) => g > 0 && g < 2 * size));
		if (m) leading.set(size, m);
	}
	// The margin is known when two lines or more reach it; the one longest line of a list of
	// short ones (an email address in a sidebar) says nothing of where text wraps.
	const reaching = (size: number) =>
		lines.filter((l) => l.size === size && l.x1 >= (right.get(size) ?? 0) - 1.5 * size).length;
	const out: string[] = [];
	const flush = (b: Block | undefined) => b && out.push(b.text);
	let current: Block | undefined;
	for (const line of lines) {
		const prev = current?.last;
		const gap = prev ? (prev.lastY ?? prev.y) - line.y : 0;
		const usual = leading.get(line.size) ?? 1.25 * line.size;
		const heading = line.size >= 1.15 * bodySize;
		const wraps =
			!!prev &&
			!!current &&
			!line.bullet &&
			!line.spread &&
			!prev.spread &&
			Math.abs(prev.size - line.size) < 0.6 &&
			prev.lastFont === line.firstFont &&
			gap > 0 &&
			gap <= usual + Math.max(0.6, 0.08 * line.size) &&
			prev.x1 + 0.25 * line.size + firstWordWidth(line) >
				(right.get(line.size) ?? 0) - 0.5 * line.size &&
			(edge !== undefined ||
				reaching(line.size) >= 2 ||
				/^[\p{Ll}(]/u.test(line.text) ||
				/([,;&/+–—-]|\b(?:and|or|of|for|in|at|the|a|an|to|with|&))$/i.test(prev.text)) &&
			!/[:]$/.test(prev.text) &&
			!CONTACT_START.test(line.text) &&
			// "Tools: BigQuery, Looker": a label and its list start an item of their own.
			!/^\p{Lu}[^:,.]{0,30}:\s/u.test(line.text) &&
			// A bullet goes on under its text (a hanging indent) or back at its glyph (wrapped to the
			// margin); a paragraph at its own margin, or left of a first line set in.
			(current.first.bullet
				? line.x0 >= current.first.x0 - 2
				: Math.abs(line.x0 - prev.x0) <= 2 || (prev === current.first && line.x0 < prev.x0));
		if (wraps && current) {
			current.text = joinWrapped(current.text, line.text);
			current.last = line;
			continue;
		}
		flush(current);
		// A wider space than the usual leading (or a heading) starts a paragraph: a blank line.
		if (prev && (heading || gap > 1.6 * usual)) out.push('');
		current = { text: line.text, first: line, last: line };
	}
	flush(current);
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
