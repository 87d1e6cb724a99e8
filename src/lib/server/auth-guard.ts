import type { Handle } from '@sveltejs/kit';

/**
 * The guard in front of better-auth's HTTP endpoints: only those the app uses are served.
 */

/** The better-auth endpoints reachable over HTTP: the ones the app and its API clients use. */
const HTTP_ENDPOINTS = new Set(['POST /sign-up/email', 'POST /sign-in/email', 'POST /sign-out']);

/** Every other one (API key updates, password changes, account deletion…) answers 404. */
export function servedAuthEndpoint(method: string, path: string): boolean {
	return HTTP_ENDPOINTS.has(`${method.toUpperCase()} ${path}`);
}

/** Sign-in and sign-up bodies are a few hundred bytes; a larger declared body is refused unread. */
export const AUTH_BODY_LIMIT = 16 * 1024;

const jsonMessage = (status: number, message: string) =>
	new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json' }
	});

/**
 * Wraps the handle that serves `/api/auth/*`: a request for an endpoint the app does not use is
 * answered 404 and an oversized one 413, before better-auth reads it.
 */
export function guardAuthEndpoints(serve: Handle): Handle {
	return (input) => {
		const { request, url } = input.event;
		if (!url.pathname.startsWith('/api/auth/')) return serve(input);
		if (!servedAuthEndpoint(request.method, url.pathname.slice('/api/auth'.length)))
			return jsonMessage(404, 'Not found.');
		const length = Number(request.headers.get('content-length'));
		if (Number.isFinite(length) && length > AUTH_BODY_LIMIT)
			return jsonMessage(413, `The request body is larger than ${AUTH_BODY_LIMIT} bytes.`);
		return serve(input);
	};
}
