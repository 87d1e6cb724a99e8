import type { RequestEvent } from '@sveltejs/kit';
import { apiError, authError } from '../trpc/edge';

export const UNAVAILABLE_MESSAGE =
	'Tailor cannot reach its database right now. It reconnects by itself: try again in a moment.';

/** Seconds a client is told to wait before trying again. */
const RETRY_AFTER = '5';

/**
 * The answer to a request that needs the database while it is unavailable: 503 with a readable
 * message, in the shape the caller reads (tRPC's, better-auth's, a page, or plain text).
 */
export function databaseUnavailable(event: RequestEvent): Response {
	const path = event.url.pathname;
	const headers = { 'retry-after': RETRY_AFTER, 'cache-control': 'no-store' };
	if (path === '/api/trpc' || path.startsWith('/api/trpc/'))
		return apiError(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, headers);
	if (path.startsWith('/api/')) {
		const response = authError(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE);
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	}
	if (!(event.request.headers.get('accept') ?? '').includes('text/html'))
		return new Response(`${UNAVAILABLE_MESSAGE}\n`, {
			status: 503,
			headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
		});
	// A page of its own, with nothing that needs the database (the layout reads the session).
	// A GET reloads itself every few seconds, so the page comes back with the database.
	const refresh =
		event.request.method === 'GET' ? `<meta http-equiv="refresh" content="${RETRY_AFTER}" />` : '';
	const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
${refresh}
<title>Database unavailable · Tailor</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 4rem 1.5rem; color: #1f2328; }
main { max-width: 34rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
p { color: #4b535c; }
</style>
</head>
<body>
<main>
<h1>Database unavailable</h1>
<p>${UNAVAILABLE_MESSAGE}</p>
<p>${event.request.method === 'GET' ? 'This page reloads by itself.' : 'Your last action was not saved; go back and send it again once Tailor is back.'}</p>
</main>
</body>
</html>
`;
	return new Response(page, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}
