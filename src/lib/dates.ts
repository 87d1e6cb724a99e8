/**
 * Dates as people write them on a resume: "Mar 2023", "2019", "Mar 2023 – present". The record
 * keeps ISO 8601 (`2023-03`, `2023-03-15`, `2019`); anything else is shown as it was written.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-03" → "Mar 2023"; "2023-03-15" → "Mar 2023"; "2019" → "2019". */
export function humanDate(value: string): string {
	const m = /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/.exec(value.trim());
	if (!m) return value.trim();
	const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
	return month ? `${month} ${m[1]}` : m[1]!;
}

/**
 * A start and an end as one span: "Mar 2023 – Jun 2025", "Mar 2023 – present" when it has not
 * ended, or the single date an item has (a degree's, a certificate's).
 */
export function humanPeriod(
	item: { startDate?: unknown; endDate?: unknown; date?: unknown; releaseDate?: unknown },
	ongoing = 'present'
): string {
	const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '');
	const start = str(item.startDate);
	const end = str(item.endDate);
	if (start) return `${humanDate(start)} – ${end ? humanDate(end) : ongoing}`;
	const single = str(item.date) || str(item.releaseDate) || end;
	return single ? humanDate(single) : '';
}
