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

const MONTH =
	'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ONE_DATE = `(?:${MONTH}\\.?,?\\s+(?:19|20)\\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\\d{2}|(?:19|20)\\d{2}[-/.](?:0[1-9]|1[0-2])|(?:19|20)\\d{2})`;
const OPEN_END = '(?:present|current|now|today|ongoing|date)';

/** A date range ("Jan 2020 – Present", "2018-07 to 2020-06", "2019 - 2021") or a single date. */
export const DATE_RANGE = new RegExp(
	`(${ONE_DATE})(?:\\s*(?:-|–|—|to|until|till)\\s*(${ONE_DATE}|${OPEN_END}))?`,
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
	m = /^(0?[1-9]|1[0-2])[/.]((?:19|20)\d{2})$/.exec(t);
	if (m) return `${m[2]}-${(m[1] ?? '').padStart(2, '0')}`;
	m = /^((?:19|20)\d{2})[-/.](0[1-9]|1[0-2])$/.exec(t);
	if (m) return `${m[1]}-${m[2]}`;
	m = /^((?:19|20)\d{2})$/.exec(t);
	return m ? (m[1] ?? null) : null;
}

/** The first date range in `text` and the text without it. */
export function takeDates(text: string): { startDate?: string; endDate?: string; rest: string } {
	const m = DATE_RANGE.exec(text);
	if (!m) return { rest: text };
	const start = toIsoDate(m[1] ?? '');
	const endRaw = m[2];
	const end = endRaw && !new RegExp(`^${OPEN_END}$`, 'i').test(endRaw) ? toIsoDate(endRaw) : null;
	const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length))
		.replace(/\(\s*\)|\[\s*\]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return {
		...(start ? { startDate: start } : {}),
		...(end ? { endDate: end } : {}),
		rest
	};
}
