import type { Mark } from './pdf-marks';

/** Text pieces of a PDF page grouped into lines, with what a line says about its layout. */

/** One text piece of a page: PDF units, origin at the bottom left, `y` the baseline. */
export type TextPiece = {
	text: string;
	x: number;
	y: number;
	width: number;
	size: number;
	/** The PDF's name for the font: a change of font is a change of style (bold, italic). */
	font: string;
	spaceBefore: boolean;
	spaceAfter: boolean;
};

export type Line = {
	pieces: TextPiece[];
	text: string;
	x0: number;
	x1: number;
	y: number;
	size: number;
	font: string;
	/** Pieces far apart on the line (a title and its dates at the right margin, table cells). */
	spread: boolean;
	bullet: boolean;
	/** The fonts its text starts and ends in: a wrapped line goes on in the font it broke in. */
	firstFont: string;
	lastFont: string;
	/** Where the text of a bullet starts, after its glyph. */
	textX: number;
	/** The baseline of its last line, for a line made of two (cells that wrapped). */
	lastY?: number;
};

/** A line that is only a date or a period: "2019 – present", "Mar 2021", "Expected May 2026". */
export const DATE_ONLY =
	/^\(?(?:expected\s+|since\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+|\d{1,2}\/)?(?:19|20)\d{2}\b[\s\d/a-z.,–—-]*\)?$/i;

/** Glyphs that start a bullet, private-use ones from Symbol and Wingdings fonts included. */
const BULLET_GLYPH =
	/^[•·▪▫◦●○■□►▸‣⁃∙➢➤❖♦◆✓✔✗❑❍\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\uf0d7\uf0be]/u;
/** Glyphs that start a bullet only when a space follows: "- ", "* ", "– ". */
const BULLET_DASH = /^[-–—*+>](?=\s|$)/;
const NUMBERED = /^\d{1,2}[.)](?=\s|$)/;
/** A piece that is a bullet's glyph and nothing else (often in a symbol font of its own). */
export const glyphOnly = (p: TextPiece) =>
	p.text.length <= 2 && (BULLET_GLYPH.test(p.text) || BULLET_DASH.test(p.text));

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

/** The most common value of `values` (rounded to halves), weighted. */
export function mode(values: number[], weights: number[] = values.map(() => 1)): number | null {
	const counts = new Map<number, number>();
	values.forEach((v, i) => {
		const k = Math.round(v * 2) / 2;
		counts.set(k, (counts.get(k) ?? 0) + (weights[i] ?? 1));
	});
	let best: number | null = null;
	let most = 0;
	for (const [k, n] of counts)
		if (n > most) {
			best = k;
			most = n;
		}
	return best;
}

/** The font most of a line's letters are in. */
function dominant(pieces: TextPiece[], key: 'font' | 'size'): string | number {
	const weight = new Map<string | number, number>();
	for (const p of pieces) weight.set(p[key], (weight.get(p[key]) ?? 0) + p.text.length);
	return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * The text of pieces set on one line, with spaces where there is room for one, and " | " where
 * the gap is wider than words are set apart (a title and its dates, cells of a table).
 */
export function joinPieces(pieces: TextPiece[]): { text: string; spread: boolean } {
	let text = '';
	let spread = false;
	let prev: TextPiece | null = null;
	/** Still in the first run of one font ("Charge Nurse, ICU" in bold). */
	let leading = true;
	for (const p of pieces) {
		if (prev) {
			const gap = p.x - (prev.x + prev.width);
			const size = Math.min(p.size, prev.size);
			const styled = leading && p.font !== prev.font;
			if (p.font !== prev.font) leading = false;
			if (gap > Math.max(2.2 * size, 14)) {
				text += ' | ';
				spread = true;
			} else if (styled && /^,/.test(p.text) && !BULLET_GLYPH.test(text)) {
				// "**Charge Nurse, ICU**, Riverside Hospital": the bold run is the title, whatever
				// commas it holds; the comma after it (at the end of the line, if the employer
				// wrapped onto the next) divides it from the employer.
				text += ` | ${p.text.replace(/^,\s*/, '')}`;
				prev = p;
				continue;
			} else if (gap > 0.18 * size || prev.spaceAfter || p.spaceBefore) text += ' ';
		}
		text += p.text;
		prev = p;
	}
	return { text: text.replace(/\s+/g, ' ').trim(), spread };
}

export function makeLine(pieces: TextPiece[]): Line {
	pieces.sort((a, b) => a.x - b.x);
	const joined = joinPieces(pieces);
	let text = joined.text;
	const spread = joined.spread;

	// "E X P E R I E N C E": a heading set with letter spacing.
	if (/^(?:\p{L} ){3,}\p{L}$/u.test(text)) text = text.replace(/ /g, '');
	const first = pieces[0]!;
	let bullet = false;
	let textX = first.x;
	const glyph = BULLET_GLYPH.exec(text)?.[0] ?? BULLET_DASH.exec(text)?.[0];
	if (glyph) {
		bullet = true;
		const rest = text.slice(glyph.length).trim();
		textX =
			first.text.trim() === glyph && pieces[1]
				? pieces[1].x
				: first.x + (first.width / Math.max(1, first.text.length)) * (glyph.length + 1);
		text = `• ${rest}`;
	} else if (NUMBERED.test(text)) {
		bullet = true;
		textX = pieces[1]?.x ?? first.x;
	}
	const last = pieces.at(-1)!;
	return {
		pieces,
		text,
		x0: first.x,
		x1: last.x + last.width,
		y: sum(pieces.map((p) => p.y)) / pieces.length,
		size: Number(dominant(pieces, 'size')),
		font: String(
			dominant(
				pieces.filter((p) => !glyphOnly(p)),
				'font'
			)
		),
		firstFont: (pieces.find((p) => !glyphOnly(p)) ?? first).font,
		lastFont: last.font,
		spread,
		bullet,
		textX
	};
}

/** A line with a bullet drawn as a shape just before it, at the height of its small letters. */
function withMark(line: Line, marks: Mark[]): Line {
	if (line.bullet) return line;
	const mark = marks.find((m) => {
		const gap = line.x0 - (m.x + m.width);
		const middle = m.y + m.height / 2;
		return (
			gap >= -0.5 &&
			gap <= 2.5 * line.size &&
			middle >= line.y - 0.1 * line.size &&
			middle <= line.y + 0.8 * line.size
		);
	});
	if (!mark) return line;
	return { ...line, text: `• ${line.text}`, bullet: true, textX: line.x0, x0: mark.x };
}

/** Pieces grouped by baseline, top to bottom; `marks` are bullets drawn as shapes. */
export function toLines(pieces: TextPiece[], marks: Mark[] = []): Line[] {
	const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
	const groups: TextPiece[][] = [];
	for (const p of sorted) {
		const group = groups.at(-1);
		const base = group?.[0];
		if (base && Math.abs(base.y - p.y) <= 0.4 * Math.min(base.size, p.size)) group.push(p);
		else groups.push([p]);
	}
	return groups.map((g) => withMark(makeLine(g), marks));
}
