import type { CareerItem } from '../../../schemas/career';

/** Years of experience: what a requirement asks for and what the record shows. */

const NUMBER_WORDS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const toNumber = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

const YEARS_ASKED = new RegExp(
	`(?:at least|minimum of|min\\.?|over|more than)?\\s*${NUMBER}\\s*(?:\\+|\\s*or more|\\s*plus)?\\s*(?:years?|yrs?)\\b`,
	'i'
);
const YEARS_STATED = new RegExp(`\\b${NUMBER}\\+?\\s*(?:years?|yrs?)\\b`, 'gi');

/** The years a requirement asks for ("8+ years of …"), with the phrase removed for the rest. */
export function yearsAsked(text: string): { years: number; rest: string } | null {
	const m = YEARS_ASKED.exec(text);
	if (!m?.[1]) return null;
	const years = toNumber(m[1]);
	if (!Number.isFinite(years) || years <= 0 || years > 40) return null;
	return { years, rest: (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim() };
}

/** The largest "N years" a text states about the person ("eight years building …"). */
export function yearsStated(text: string): number | null {
	let best: number | null = null;
	for (const m of text.matchAll(YEARS_STATED)) {
		const n = toNumber(m[1] ?? '');
		if (Number.isFinite(n) && n > 0 && n <= 50) best = Math.max(best ?? 0, n);
	}
	return best;
}

/** Months since year 0 for a JSON Resume date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
export function monthIndex(date: unknown): number | null {
	if (typeof date !== 'string') return null;
	const m = /^(\d{4})(?:-(\d{2}))?/.exec(date.trim());
	if (!m) return null;
	return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0);
}

export function nowMonth(now: Date): number {
	return now.getUTCFullYear() * 12 + now.getUTCMonth();
}

/**
 * Total years covered by work entries, counting overlapping jobs once; an entry without an end
 * date runs to `now`.
 */
export function yearsOfWork(items: CareerItem[], now: Date): number {
	const spans = items
		.filter((i) => i.section === 'work')
		.map((i) => {
			const start = monthIndex(i.data.startDate);
			const end = monthIndex(i.data.endDate) ?? nowMonth(now);
			return start === null ? null : ([start, Math.max(start, end + 1)] as [number, number]);
		})
		.filter((s): s is [number, number] => s !== null)
		.sort((a, b) => a[0] - b[0]);
	let months = 0;
	let cursor = -Infinity;
	for (const [start, end] of spans) {
		const from = Math.max(start, cursor);
		if (end > from) months += end - from;
		cursor = Math.max(cursor, end);
	}
	return months / 12;
}

const DEGREE_LEVELS: [RegExp, number][] = [
	[/\b(ph\.?\s?d|doctorate|doctoral|d\.phil)\b/i, 4],
	[/(?:\/\s*)\b(ms)\b|\b(master'?s?|m\.?sc|m\.s\.|ms in|m\.a\.|mba|m\.?eng|graduate degree)\b/i, 3],
	[
		/\b(bs(?=\s*\/)|bachelor'?s?|b\.?sc|b\.s\.|bs in|b\.a\.|b\.?eng|undergraduate degree|four-year degree)\b/i,
		2
	],
	[/\b(associate'?s?\s+degree|associate of|a\.a\.s?\.?|diploma)\b/i, 1]
];

/** Degree levels a text names: 1 associate/diploma, 2 bachelor (or a bare "degree"), 3 master, 4 doctorate. */
export function degreeLevels(text: string): number[] {
	const found = DEGREE_LEVELS.filter(([re]) => re.test(text)).map(([, level]) => level);
	if (found.length === 0 && /\bdegree\b/i.test(text)) found.push(2);
	return found;
}
