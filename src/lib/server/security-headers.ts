/**
 * Headers on every answer. Pages get their Content-Security-Policy from SvelteKit (`kit.csp` in
 * svelte.config.js, with a nonce per page); anything else (the API, downloads, plain-text
 * refusals, SvelteKit's own error page) gets a policy that loads nothing and cannot be framed.
 */
const always: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	// The full address (a share link's token) stays on this site; other sites see nothing.
	'referrer-policy': 'same-origin',
	// For browsers that predate CSP's frame-ancestors.
	'x-frame-options': 'DENY'
};

export const fallbackCsp =
	"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function withSecurityHeaders(response: Response): Response {
	let res = response;
	try {
		apply(res.headers);
	} catch {
		// Immutable headers (a Response.redirect(), a fetched response): copy, then set.
		res = new Response(response.body, response);
		apply(res.headers);
	}
	return res;
}

function apply(headers: Headers) {
	for (const [name, value] of Object.entries(always))
		if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', fallbackCsp);
}
