import { joinPieces, type Line, type TextPiece } from './pdf-lines';
import { firstWordWidth, joinWrapped } from './pdf-words';

/**
 * A row of cells set side by side whose text wraps inside each cell ("Charge Nurse, Emergency" /
 * "Department" on the left, "Sep 2020 –" / "Present" on the right): read line by line it would
 * mix the cells, so the cells' lines are joined first, each cell with its own continuation.
 */

type Cell = { pieces: TextPiece[]; x0: number; x1: number; text: string };

/** A line's cells: its pieces, split where the space between them is wider than a word space. */
function cellsOf(line: Line): Cell[] {
	const cells: Cell[] = [];
	for (const p of line.pieces) {
		const cell = cells.at(-1);
		if (cell && p.x - cell.x1 <= 1.2 * p.size) {
			cell.pieces.push(p);
			cell.x1 = p.x + p.width;
		} else cells.push({ pieces: [p], x0: p.x, x1: p.x + p.width, text: '' });
	}
	for (const cell of cells) cell.text = joinPieces(cell.pieces).text;
	return cells;
}

/** The cell of `cells` that `cell` continues: starting at its left edge or ending at its right. */
const alignedWith = (cell: Cell, cells: Cell[]) =>
	cells.findIndex((c) => Math.abs(c.x0 - cell.x0) <= 2 || Math.abs(c.x1 - cell.x1) <= 2);

/** `next` as the wrapped continuation of the cells of `line`, or null when it is not one. */
function continuation(line: Line, next: Line, right: (size: number) => number): Line | null {
	if (next.bullet || Math.abs(line.size - next.size) >= 0.6) return null;
	const gap = line.y - next.y;
	if (gap <= 0 || gap > 1.4 * next.size) return null;
	const cells = cellsOf(line);
	const more = cellsOf(next);
	if (cells.length < 2 || more.length > cells.length) return null;
	const at = more.map((c) => alignedWith(c, cells));
	if (at.some((i) => i < 0) || new Set(at).size !== at.length) return null;
	// Each cell goes on in the font it broke in (an italic place under a title is a line of its own).
	if (more.some((c, k) => c.pieces[0]!.font !== cells[at[k]!]!.pieces.at(-1)!.font)) return null;
	// Some cell must have wrapped: the first word of its continuation would not have fitted, after
	// its text (or, in a cell set flush right like the dates, before it).
	const space = 0.25 * next.size;
	const wrapped = more.some((c, k) => {
		const i = at[k]!;
		const cell = cells[i]!;
		const edge = cells[i + 1]?.x0 ?? right(next.size);
		if (Math.abs(cell.x1 - edge) <= 2 && Math.abs(c.x1 - cell.x1) <= 2) {
			const before = cells[i - 1]?.x1 ?? -Infinity;
			return cell.x0 - space - firstWordWidth(c) < before + 0.5 * next.size;
		}
		// Up to the next cell, less the room kept between cells; or up to the column's margin.
		const room = cells[i + 1] ? 1.2 * next.size : 0.5 * next.size;
		return cell.x1 + space + firstWordWidth(c) > edge - room;
	});
	if (!wrapped) return null;
	const texts = cells.map((c, i) => {
		const k = at.indexOf(i);
		return k >= 0 ? joinWrapped(c.text, more[k]!.text) : c.text;
	});
	return {
		...line,
		pieces: [...line.pieces, ...next.pieces],
		text: texts.join(' | '),
		x1: Math.max(line.x1, next.x1),
		lastY: next.y,
		spread: true
	};
}

/**
 * The lines of a column with each row of wrapped cells made one line (of two lines: a third is
 * rare enough to be read as a line of its own). `right` is the column's right edge for a size.
 */
export function mergeWrappedCells(lines: Line[], right: (size: number) => number): Line[] {
	const out: Line[] = [];
	const merged = new Set<Line>();
	for (const line of lines) {
		const prev = out.at(-1);
		const row = prev && !prev.bullet && !merged.has(prev) && continuation(prev, line, right);
		if (row) {
			out[out.length - 1] = row;
			merged.add(row);
		} else out.push(line);
	}
	return out;
}
