import { DATE_ONLY, toLines, type TextPiece } from './pdf-lines';

export type Columns = {
	header: TextPiece[];
	left: TextPiece[];
	right: TextPiece[];
	footer: TextPiece[];
};

const distinctLines = (pieces: TextPiece[]) => new Set(pieces.map((p) => Math.round(p.y))).size;

/**
 * Two columns when a vertical gutter runs down the page with text on both sides over most of
 * it; pieces that cross the gutter are allowed only above or below the columns (a name across
 * the top). A column of dates beside the entries is not a layout of two columns.
 */
export function findColumns(pieces: TextPiece[]): Columns | null {
	if (pieces.length < 8) return null;
	const left = Math.min(...pieces.map((p) => p.x));
	const right = Math.max(...pieces.map((p) => p.x + p.width));
	const span = right - left;
	if (span < 200) return null;
	let best: { from: number; to: number; crossing: number } | null = null;
	let run: { from: number; to: number; crossing: number } | null = null;
	for (let x = left + 0.15 * span; x <= left + 0.85 * span; x += 2) {
		const crossing = pieces.filter((p) => p.x < x - 1 && p.x + p.width > x + 1).length;
		if (run && run.crossing === crossing) run.to = x;
		else run = { from: x, to: x, crossing };
		if (
			!best ||
			run.crossing < best.crossing ||
			(run.crossing === best.crossing && run.to - run.from > best.to - best.from)
		)
			best = { ...run };
	}
	if (!best || best.to - best.from < 6 || best.crossing > Math.max(3, 0.08 * pieces.length))
		return null;
	const gutter = (best.from + best.to) / 2;
	const sides = {
		left: pieces.filter((p) => p.x + p.width <= gutter + 1),
		right: pieces.filter((p) => p.x >= gutter - 1)
	};
	const crossers = pieces.filter((p) => !sides.left.includes(p) && !sides.right.includes(p));
	if (distinctLines(sides.left) < 3 || distinctLines(sides.right) < 3) return null;
	const top = (list: TextPiece[]) => Math.max(...list.map((p) => p.y));
	const bottom = (list: TextPiece[]) => Math.min(...list.map((p) => p.y));
	const overlapTop = Math.min(top(sides.left), top(sides.right));
	const overlapBottom = Math.max(bottom(sides.left), bottom(sides.right));
	// The shorter column runs beside the longer one for most of its length (a sidebar may be short),
	// over a fair part of the page: a small table of two columns is read row by row instead.
	const overlap = overlapTop - overlapBottom;
	const extent = (list: TextPiece[]) => top(list) - bottom(list);
	const page = top(pieces) - bottom(pieces);
	if (overlap < 0.5 * Math.min(extent(sides.left), extent(sides.right)) || overlap < 0.15 * page)
		return null;
	if (crossers.some((p) => p.y < overlapTop - 2 && p.y > overlapBottom + 2)) return null;
	// A column of dates (or of labels and dates) beside the entries is a table, read row by row:
	// mostly dates, or dates each level with a line of the other side.
	const lines = { left: toLines(sides.left), right: toLines(sides.right) };
	for (const [one, other] of [
		[lines.left, lines.right],
		[lines.right, lines.left]
	] as const) {
		const dates = one.filter((l) => DATE_ONLY.test(l.text));
		if (dates.length >= 0.5 * one.length) return null;
		const level = dates.filter((d) => other.some((l) => Math.abs(l.y - d.y) <= 1.5));
		if (dates.length >= 2 && level.length >= 0.7 * dates.length) return null;
	}
	// Everything level with or above the lowest piece crossing the gutter at the top is the header.
	const above = crossers.filter((p) => p.y >= overlapTop - 2);
	const below = crossers.filter((p) => p.y <= overlapBottom + 2);
	const headerFloor = above.length ? Math.min(...above.map((p) => p.y)) - 2 : Infinity;
	const footerCeiling = below.length ? Math.max(...below.map((p) => p.y)) + 2 : -Infinity;
	const band = (p: TextPiece) =>
		p.y >= headerFloor ? 'header' : p.y <= footerCeiling ? 'footer' : null;
	return {
		header: pieces.filter((p) => band(p) === 'header'),
		footer: pieces.filter((p) => band(p) === 'footer'),
		left: sides.left.filter((p) => !band(p)),
		right: sides.right.filter((p) => !band(p))
	};
}
