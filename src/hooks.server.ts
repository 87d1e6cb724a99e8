import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { AUTH_BODY_LIMIT } from '$lib/body-limits.js';
import { apiKeyUser } from '$lib/server/api-keys';
import { guardAuthEndpoints } from '$lib/server/auth-guard';
import { databaseUnavailable, UNAVAILABLE_MESSAGE } from '$lib/server/db/unavailable';
import { EmbeddedPostgresError } from '$lib/server/db/embedded';
import { ConfigError, env } from '$lib/server/env';
import { isOwnHost } from '$lib/server/own-hosts';
import { withSecurityHeaders } from '$lib/server/security-headers';
import {
	apiError,
	authError,
	declaredTooLarge,
	forbiddenOrigin,
	tooLarge
} from '$lib/server/trpc/edge';
import { ApiRateLimiter, callsIn, rateLimitKey } from '$lib/server/trpc/rate-limit';
import { beginShutdown, startWebApp, stopWebApp, webApp } from '$lib/server/web';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await startWebApp();
	} catch (error) {
		// A bad configuration, or an embedded PostgreSQL that cannot run here, is the operator's to
		// fix: one line naming the cause and the fix, no stack trace.
		if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	// adapter-node closes the HTTP server on these signals; the job engine drains at the same time.
	process.once('SIGTERM', () => void beginShutdown());
	process.once('SIGINT', () => void beginShutdown());
	process.once('sveltekit:shutdown', () => void stopWebApp());
};

const bearer = (header: string | null) =>
	header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;

const isApi = (event: RequestEvent) =>
	event.url.pathname === '/api/trpc' || event.url.pathname.startsWith('/api/trpc/');

/** X-Content-Type-Options, Referrer-Policy, framing and a CSP on every answer. */
const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));

/**
 * Without ORIGIN the app answers on the name it was reached by (`npm start` passes the request's
 * own protocol and host through), but only on this machine's own names and addresses.
 */
const ownHostsOnly: Handle = ({ event, resolve }) => {
	if (env().ORIGIN || isOwnHost(event.url.hostname)) return resolve(event);
	const host = event.url.host;
	return new Response(
		`Tailor answers at localhost, 127.0.0.1 and this machine's own addresses, not at ${host}.\n` +
			`To serve it under that name, start it with ORIGIN=${event.url.protocol}//${host}\n`,
		{ status: 421, headers: { 'content-type': 'text/plain; charset=utf-8' } }
	);
};

/**
 * Bodies to better-auth's endpoints are a few short fields: a larger one, or one of unknown length
 * (chunked), is refused before better-auth reads it (it would answer an empty 500).
 */
const authBodies: Handle = ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/auth/') || !event.request.body) return resolve(event);
	if (!event.request.headers.has('content-length'))
		return authError(411, 'LENGTH_REQUIRED', 'Send the request body with a Content-Length.');
	if (declaredTooLarge(event.request, AUTH_BODY_LIMIT))
		return authError(
			413,
			'PAYLOAD_TOO_LARGE',
			`The request body is larger than ${AUTH_BODY_LIMIT} bytes.`
		);
	return resolve(event);
};

/**
 * While the database is unavailable (its server stopped or restarting, the network down), every
 * request that needs it gets a 503 that says so, at once, instead of a bare 500: a page for the
 * browser, tRPC's error shape for the API, better-auth's for /api/auth. A request that fails
 * further down gets that 503 too if the database went away meanwhile (or does not answer a
 * `select 1` now). `/healthz` answers for itself.
 */
const databaseAvailable: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/healthz') return resolve(event);
	const { availability } = webApp().conn;
	if (!availability.up) return databaseUnavailable(event);
	const outages = availability.outages;
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (availability.report(error) || availability.outages !== outages)
			return databaseUnavailable(event);
		throw error;
	}
	if (response.status < 500) return response;
	if (availability.outages !== outages || !(await availability.check()))
		return databaseUnavailable(event);
	return response;
};

/** better-auth's own endpoints (sign-up, sign-in, sign-out). */
const authEndpoints: Handle = ({ event, resolve }) =>
	event.url.pathname.startsWith('/api/auth/')
		? webApp().auth.handler(event.request)
		: resolve(event);

/** Refusals that need no database: a declared oversize body, a cross-site cookie mutation. */
const apiGuards: Handle = ({ event, resolve }) => {
	if (!isApi(event)) return resolve(event);
	const bodyLimit = env().TAILOR_API_BODY_LIMIT;
	if (declaredTooLarge(event.request, bodyLimit)) return tooLarge(bodyLimit);
	const hasBearer = !!bearer(event.request.headers.get('authorization'));
	if (forbiddenOrigin(event.request, event.url.origin, hasBearer))
		return apiError(403, 'FORBIDDEN', 'Cross-site request refused: the Origin does not match.');
	return resolve(event);
};

/** Who is asking: an API key (`Authorization: Bearer …`) or the session cookie. */
const authenticate: Handle = async ({ event, resolve }) => {
	const { auth, conn } = webApp();
	event.locals.user = null;
	event.locals.authMethod = null;
	const key = bearer(event.request.headers.get('authorization'));
	if (key) {
		const user = await apiKeyUser(conn.db, key);
		if (user) {
			event.locals.user = user;
			event.locals.authMethod = 'apiKey';
		}
	} else if (event.request.headers.get('cookie')?.includes('session_token')) {
		const session = await auth.api.getSession({ headers: event.request.headers });
		if (session) {
			const { id, email, name } = session.user;
			event.locals.user = { id, email, name };
			event.locals.authMethod = 'session';
		}
	}
	return resolve(event);
};

let limiter: ApiRateLimiter | undefined;

/** Per API key, per signed-in user, else per address; a batch costs one point per call. */
const rateLimit: Handle = async ({ event, resolve }) => {
	if (!isApi(event)) return resolve(event);
	const { TAILOR_RATE_LIMIT_POINTS: points, TAILOR_RATE_LIMIT_WINDOW_S: windowSeconds } = env();
	limiter ??= new ApiRateLimiter(points, windowSeconds);
	const key = bearer(event.request.headers.get('authorization'));
	const refused = await limiter.consume(
		rateLimitKey({
			userId: event.locals.user?.id ?? null,
			apiKey: event.locals.authMethod === 'apiKey' ? key : null,
			address: event.getClientAddress()
		}),
		callsIn(event.url.pathname)
	);
	return refused ?? resolve(event);
};

/**
 * As SvelteKit's own (the error and its request to stderr), except that a lost database
 * connection marks the database down (so `databaseAvailable` answers 503) and logs one line.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const app = webApp();
	if (app.conn.availability.report(error)) {
		app.log.warn({ path: event.url.pathname }, 'request failed: database unavailable');
		return { message: UNAVAILABLE_MESSAGE };
	}
	const line = `[${status}] ${event.request.method} ${event.url.pathname}`;
	console.error(status === 404 || !(error instanceof Error) ? line : `${line}\n${error.stack}`);
	return { message };
};

export const handle = sequence(
	securityHeaders,
	ownHostsOnly,
	authBodies,
	databaseAvailable,
	guardAuthEndpoints(authEndpoints),
	apiGuards,
	authenticate,
	rateLimit
);
