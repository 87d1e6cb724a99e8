/**
 * Bullets a PDF draws as shapes rather than as characters (browsers printing an HTML list do:
 * a small filled disc or square beside each item, and no "•" in the text). Found in the page's
 * drawing operations: small, roughly square shapes, in page coordinates.
 */

export type Mark = { x: number; y: number; width: number; height: number };

type Ops = Record<string, number>;
type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
	m[0] * n[0] + m[2] * n[1],
	m[1] * n[0] + m[3] * n[1],
	m[0] * n[2] + m[2] * n[3],
	m[1] * n[2] + m[3] * n[3],
	m[0] * n[4] + m[2] * n[5] + m[4],
	m[1] * n[4] + m[3] * n[5] + m[5]
];
const apply = (m: Matrix, x: number, y: number) => [
	m[0] * x + m[2] * y + m[4],
	m[1] * x + m[3] * y + m[5]
];
const isMatrix = (v: unknown): v is Matrix =>
	(Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<number>).length === 6;

/** More than this many small shapes is a pattern or a chart, not a list. */
const MAX_MARKS = 400;

/**
 * The small shapes of a page's operator list (`fnArray` / `argsArray` as pdf.js gives them,
 * `ops` its OPS table): each painted path no larger than a bullet is.
 */
export function bulletMarks(fnArray: number[], argsArray: unknown[][], ops: Ops): Mark[] {
	const painted = new Set(
		[
			'fill',
			'eoFill',
			'fillStroke',
			'eoFillStroke',
			'closeFillStroke',
			'closeEOFillStroke',
			'stroke',
			'closeStroke'
		]
			.map((name) => ops[name])
			.filter((n): n is number => n !== undefined)
	);
	let ctm: Matrix = [1, 0, 0, 1, 0, 0];
	const stack: Matrix[] = [];
	const marks: Mark[] = [];
	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i];
		const args = argsArray[i] ?? [];
		if (fn === ops.save) stack.push(ctm);
		else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
		else if (fn === ops.transform && isMatrix(args))
			ctm = multiply(ctm, Array.from(args) as Matrix);
		else if (fn === ops.paintFormXObjectBegin) {
			stack.push(ctm);
			if (isMatrix(args[0])) ctm = multiply(ctm, Array.from(args[0]) as Matrix);
		} else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
		else if (fn === ops.constructPath && painted.has(Number(args[0]))) {
			const box = args[2] as ArrayLike<number> | null | undefined;
			if (!box || box.length !== 4) continue;
			const [ax, ay] = apply(ctm, box[0]!, box[1]!);
			const [bx, by] = apply(ctm, box[2]!, box[3]!);
			const width = Math.abs(bx! - ax!);
			const height = Math.abs(by! - ay!);
			// A bullet is between a dot and a small square; a rule or an underline is flat.
			if (width < 1.2 || height < 1.2 || width > 7 || height > 7) continue;
			if (Math.max(width, height) > 1.6 * Math.min(width, height)) continue;
			marks.push({ x: Math.min(ax!, bx!), y: Math.min(ay!, by!), width, height });
			if (marks.length > MAX_MARKS) return [];
		}
	}
	return marks;
}
