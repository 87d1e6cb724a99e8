/** Where a person is, as a resume says it (browser-safe). */

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** `PT` → `Portugal`; anything that is not a two-letter region code stays as it is. */
export function countryName(code: string): string {
	const c = code.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(c)) return code.trim();
	try {
		return regions.of(c) ?? c;
	} catch {
		return c;
	}
}

/**
 * A JSON Resume location as one line: "Lisbon, Portugal", "Columbus, OH" (a US state or Canadian
 * province needs no country after it), "Berlin, Germany".
 */
export function placeLine(location: unknown): string {
	const loc = (location && typeof location === 'object' ? location : {}) as Record<string, unknown>;
	const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
	const region = str(loc.region);
	const code = str(loc.countryCode).toUpperCase();
	const country = code && !(region && (code === 'US' || code === 'CA')) ? countryName(code) : '';
	return [str(loc.city), region, country].filter(Boolean).join(', ');
}
