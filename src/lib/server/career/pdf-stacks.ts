import { DATE_ONLY, type Line, type TextPiece } from './pdf-lines';
import { headingOf } from './text-resume';

/**
 * Two blocks of lines side by side inside one column, each read on its own: a name beside the
 * contact details in a header table, as many Word templates lay them out. Read line by line they
 * would mix ("Zoë Adebayo | (614) 555-0199"), so such a run of lines is read as its left block,
 * then its right block. A table whose rows share baselines (a date beside each degree, a level
 * beside each language) has nothing to unstack and is read row by row.
 */

type Build = (pieces: TextPiece[]) => Line;

/** The widest gap between the pieces of `lines`, inside their extent, or null. */
function gutter(lines: Line[]): number | null {
	const spans = lines
		.flatMap((l) => l.pieces.map((p) => [p.x, p.x + p.width] as const))
		.sort((a, b) => a[0] - b[0]);
	let best: { from: number; to: number } | null = null;
	let reach = spans[0]?.[1] ?? 0;
	for (const [x0, x1] of spans.slice(1)) {
		if (x0 > reach && (!best || x0 - reach > best.to - best.from)) best = { from: reach, to: x0 };
		reach = Math.max(reach, x1);
	}
	return best && best.to - best.from >= 8 ? (best.from + best.to) / 2 : null;
}

/** One side of a line: the line itself when all of it is there, else a line of its pieces there. */
function side(line: Line, keep: (p: TextPiece) => boolean, build: Build): Line | null {
	const pieces = line.pieces.filter(keep);
	if (pieces.length === 0) return null;
	return pieces.length === line.pieces.length ? line : build(pieces);
}

/** Two blocks side by side: their lines, the line after them, and the x of the gap between. */
type Stack = { left: Line[]; right: Line[]; end: number; gutter: number };

/**
 * The stack of blocks at the head of a column's lines (where a resume's header is): the lines
 * of its left block and of its right, and where it ends; or null. Further down, blocks side by
 * side are tables of entries, read row by row.
 */
export function stackAtHead(lines: Line[], build: Build): Stack | null {
	let found: Stack | null = null;
	for (let end = 3; end <= lines.length && end <= 12; end++) {
		const run = lines.slice(0, end);
		const middle = gutter(run);
		// The header ends where the first section does ("PROFILE", "Experience").
		const last = run.at(-1)!;
		if (middle === null || last.bullet || headingOf(last.pieces[0]!.text)) break;
		// The blocks end where the gap between them moves: the next table's columns are others.
		if (found && Math.abs(middle - found.gutter) > 10) break;
		const isLeft = (p: TextPiece) => p.x + p.width <= middle;
		const sides = run.map((l) => ({ left: l.pieces.some(isLeft), right: !l.pieces.every(isLeft) }));
		const count = (f: (s: { left: boolean; right: boolean }) => boolean) => sides.filter(f).length;
		if (
			count((s) => s.left && !s.right) >= 1 &&
			count((s) => s.right && !s.left) >= 1 &&
			count((s) => s.left) >= 2 &&
			count((s) => s.right) >= 2
		) {
			const left = run.map((l) => side(l, isLeft, build));
			const right = run.map((l) => side(l, (p) => !isLeft(p), build));
			const kept = (list: (Line | null)[]) => list.filter((l): l is Line => l !== null);
			const stack: Stack = {
				left: kept(left),
				right: kept(right),
				end,
				gutter: found?.gutter ?? middle
			};
			// Dates make it a table of entries (the dates beside each job), read row by row.
			if ([...stack.left, ...stack.right].some((l) => DATE_ONLY.test(l.text))) break;
			found = stack;
		}
	}
	return found;
}
