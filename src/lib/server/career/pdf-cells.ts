import { DATE_ONLY, joinPieces, type Line, type TextPiece } from './pdf-lines';
import { firstWordWidth, joinWrapped } from './pdf-words';

/**
 * A row of cells set side by side whose text wraps inside each cell ("Charge Nurse, Emergency" /
 * "Department" on the left, "Sep 2020 –" / "Present" on the right; a label beside a paragraph):
 * read line by line it would mix the cells, so each cell's lines are joined first, then the row.
 */

type Cell = { pieces: TextPiece[]; x0: number; x1: number; text: string; font: string };

/** A row being read: its cells (where each starts, where its last line ends), its last line. */
type Row = { cells: Cell[]; first: Line; last: Line };

/** A date that goes on: "Sep 2020 –", "September 2015 – June". */
const OPEN_DATE = /[–—-]$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
const MONTH_ONLY =
	/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:19|20)\d\d\s*[–—-]$/i;

/** A line's cells: its pieces, split where the space between them is wider than a word space. */
function cellsOf(line: Line): Cell[] {
	const cells: Cell[] = [];
	for (const p of line.pieces) {
		const cell = cells.at(-1);
		if (cell && p.x - cell.x1 <= 1.2 * p.size) {
			cell.pieces.push(p);
			cell.x1 = p.x + p.width;
		} else cells.push({ pieces: [p], x0: p.x, x1: p.x + p.width, text: '', font: '' });
	}
	for (const cell of cells) {
		cell.text = joinPieces(cell.pieces).text;
		cell.font = cell.pieces.at(-1)!.font;
	}
	return cells;
}

/** The cell of `cells` that `cell` continues: starting at its left edge or ending at its right. */
const alignedWith = (cell: Cell, cells: Cell[]) =>
	cells.findIndex((c) => Math.abs(c.x0 - cell.x0) <= 2 || Math.abs(c.x1 - cell.x1) <= 2);

/** True when `next` goes on from the cells of `row`: the row with it added, else null. */
function extend(row: Row, next: Line, right: (size: number) => number): Row | null {
	const line = row.last;
	if (next.bullet || Math.abs(line.size - next.size) >= 0.6) return null;
	const gap = line.y - next.y;
	if (gap <= 0 || gap > 1.4 * next.size) return null;
	const { cells } = row;
	const more = cellsOf(next);
	if (cells.length < 2 || more.length > cells.length) return null;
	const at = more.map((c) => alignedWith(c, cells));
	if (at.some((i) => i < 0) || new Set(at).size !== at.length) return null;
	// Each cell goes on in the font it broke in (an italic place under a title is a line of its own).
	if (more.some((c, k) => c.pieces[0]!.font !== cells[at[k]!]!.font)) return null;
	// Each cell it goes on must have wrapped: the first word of its continuation would not have
	// fitted after its text (or, in a cell set flush right like the dates, before it). A new row
	// of a table starts in a cell that had room.
	const space = 0.25 * next.size;
	const wrapped = more.every((c, k) => {
		const i = at[k]!;
		const cell = cells[i]!;
		// A date under a whole date is the next row's ("Expected May 2026" over "May 2015").
		if (DATE_ONLY.test(cell.text) && DATE_ONLY.test(c.text) && !OPEN_DATE.test(cell.text))
			return false;
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
	// "… Hospital | Sept." over "2020 – Present": a date broken at the line end goes on from the
	// last cell, whichever cell the next line starts under.
	const last = cells.length - 1;
	if (
		more.length === 1 &&
		MONTH_ONLY.test(cells[last]!.text) &&
		/^(?:19|20)\d\d\b/.test(more[0]!.text)
	)
		at[0] = last;
	const grown = cells.map((c, i) => {
		const k = at.indexOf(i);
		if (k < 0) return c;
		const add = more[k]!;
		return { ...c, text: joinWrapped(c.text, add.text), x1: add.x1, font: add.font };
	});
	return { cells: grown, first: row.first, last: next };
}

/** A row as one line: its cells' texts side by side. */
function rowLine(row: Row): Line {
	if (row.first === row.last) return row.first;
	return {
		...row.first,
		pieces: row.cells.flatMap((c) => c.pieces),
		text: row.cells.map((c) => c.text).join(' | '),
		x1: Math.max(row.first.x1, row.last.x1),
		lastY: row.last.y,
		spread: true
	};
}

/** The lines of a column with each row of wrapped cells made one line. */
export function mergeWrappedCells(lines: Line[], right: (size: number) => number): Line[] {
	const out: Line[] = [];
	let row: Row | null = null;
	for (const line of lines) {
		const grown: Row | null = row && !row.first.bullet ? extend(row, line, right) : null;
		if (grown) {
			row = grown;
			continue;
		}
		if (row) out.push(rowLine(row));
		row = { cells: cellsOf(line), first: line, last: line };
	}
	if (row) out.push(rowLine(row));
	return out;
}
