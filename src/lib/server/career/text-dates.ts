/** Dates as people write them in resumes, turned into JSON Resume dates (`YYYY-MM` or `YYYY`). */

const MONTHS = [
	'jan',
	'feb',
	'mar',
	'apr',
	'may',
	'jun',
	'jul',
	'aug',
	'sep',
	'oct',
	'nov',
	'dec'
] as const;

/** Best effort for terms: spring starts in March, summer in June, autumn in September. */
const SEASONS: Record<string, string> = {
	winter: '01',
	spring: '03',
	summer: '06',
	fall: '09',
	autumn: '09'
};

const MONTH =
	'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const YEAR = '(?:19|20)\\d{2}(?!\\d)';
const ONE_DATE =
	`(?:\\b${MONTH}\\.?,?\\s+${YEAR}|\\b${SEASON}(?:\\s+(?:term|semester|quarter))?,?\\s+${YEAR}` +
	`|\\b(?:0?[1-9]|1[0-2])[/.]${YEAR}|\\b${YEAR}[-/.](?:0[1-9]|1[0-2])(?!\\d)|\\b${YEAR})`;
const OPEN_END = '(?:present|current(?:ly)?|now|today|ongoing|date)';
const OPEN_END_RE = new RegExp(`^${OPEN_END}$`, 'i');

/** A date range ("Jan 2020 – Present", "2018-07 to 2020-06", "since 2019") or a single date. */
export const DATE_RANGE = new RegExp(
	`(\\bsince\\s+)?(${ONE_DATE})(?:\\s*(?:-|–|—|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b)\\s*(${ONE_DATE}|\\b${OPEN_END}\\b))?`,
	'i'
);

/** One written date → `YYYY-MM` / `YYYY`, or null. */
export function toIsoDate(text: string): string | null {
	const t = text.trim().toLowerCase();
	let m = new RegExp(`^(${MONTH})\\.?,?\\s+((?:19|20)\\d{2})$`, 'i').exec(t);
	if (m) {
		const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3) as (typeof MONTHS)[number]) + 1;
		return `${m[2]}-${String(month).padStart(2, '0')}`;
	}
	m = new RegExp(`^(${SEASON})(?:\\s+(?:term|semester|quarter))?,?\\s+((?:19|20)\\d{2})$`).exec(t);
	if (m) return `${m[2]}-${SEASONS[m[1] ?? ''] ?? '01'}`;
	m = /^(0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$/.exec(t);
	if (m) return `${m[2]}-${(m[1] ?? '').padStart(2, '0')}`;
	m = /^((?:19|20)\d{2})[-/.](0[1-9]|1[0-2])$/.exec(t);
	if (m) return `${m[1]}-${m[2]}`;
	m = /^((?:19|20)\d{2})$/.exec(t);
	return m ? (m[1] ?? null) : null;
}

export type TakenDates = {
	startDate?: string;
	endDate?: string;
	/** The text without the dates. */
	rest: string;
	/** "– present", "to date", "since 2019": the period has not ended. */
	open?: boolean;
	/** One date on its own, not a range: a start, an end or an issue date depending on the entry. */
	single?: boolean;
};

/** The first date range in `text` and the text without it. */
export function takeDates(text: string): TakenDates {
	const m = DATE_RANGE.exec(text);
	if (!m) return { rest: text };
	const start = toIsoDate(m[2] ?? '');
	const endRaw = m[3];
	const open = !!m[1] || (!!endRaw && OPEN_END_RE.test(endRaw));
	const end = endRaw && !open ? toIsoDate(endRaw) : null;
	const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length))
		.replace(/\(\s*\)|\[\s*\]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return {
		...(start ? { startDate: start } : {}),
		...(end ? { endDate: end } : {}),
		rest,
		...(open ? { open } : {}),
		...(!endRaw && !m[1] ? { single: true } : {})
	};
}

/** "expected May 2026", "(anticipated 2026)", "est. 2026": a date still to come. */
const EXPECTED =
	/\b(?:expected|anticipated|projected|estimated|est\.|graduating|expected graduation|anticipated graduation|anticipated completion|expected completion|to be completed)(?:\s+(?:in|on|by))?\s*:?\s*/gi;
/** "in progress", "ongoing", "currently enrolled": studying now. */
const IN_PROGRESS =
	/\(?\s*\b(?:in[ -]progress|ongoing|currently (?:enrolled|studying|pursuing)|pursuing|candidate|not yet completed|underway)\b\s*\)?/gi;

/**
 * Marks of a degree or course not finished yet, taken out of `text` so that only its dates
 * remain: `expected` when a date to come is named, `inProgress` when it says it is under way.
 */
export function takeProgress(text: string): {
	rest: string;
	expected: boolean;
	inProgress: boolean;
} {
	let expected = false;
	let inProgress = false;
	const rest = text
		.replace(EXPECTED, () => {
			expected = true;
			return '';
		})
		.replace(IN_PROGRESS, () => {
			inProgress = true;
			return ' ';
		})
		.replace(/\s+/g, ' ')
		.trim();
	return { rest, expected, inProgress };
}

/** "(exp. 08/2027)", "expires March 2026", "valid through 2027": kept with the certificate. */
export const EXPIRY = new RegExp(
	`\\(\\s*(?:exp(?:ires|iry|iration)?\\.?|valid\\s+(?:through|thru|until|to)|renewal\\s+due|renews)\\s*:?\\s*(?:${ONE_DATE})\\s*\\)` +
		`|\\b(?:exp(?:ires|iry|iration)?\\.?|valid\\s+(?:through|thru|until|to)|renewal\\s+due|renews)\\s*:?\\s*(?:${ONE_DATE})`,
	'i'
);
