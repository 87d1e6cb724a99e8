/** A base no request ever has: a path that resolves against it to another origin leaves the site. */
const base = new URL('http://redirect.invalid');

/**
 * Only same-origin paths are followed after sign-in, never another origin. The path is read by the
 * WHATWG URL parser, as the browser will read the Location header: tabs and newlines are dropped,
 * backslashes are slashes, `/./` and `/../` are resolved. What comes back is the parser's own
 * serialisation, so it is ASCII and always a valid header value.
 */
export function safeRedirect(next: string | null | undefined, fallback = '/'): string {
	if (!next?.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base.origin) return fallback;
	const path = url.pathname + url.search + url.hash;
	// `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
	if (path.startsWith('//')) return fallback;
	return path;
}
