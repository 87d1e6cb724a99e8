import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '$lib/server/trpc/context';
import { readLimited } from '$lib/server/trpc/edge';
import { rateLimitKey } from '$lib/server/trpc/rate-limit';
import { appRouter } from '$lib/server/trpc/router';
import { env } from '$lib/server/env';
import {
	procedurePath,
	releasingSlot,
	StreamSlots,
	tooManyStreams
} from '$lib/server/trpc/streams';
import { webApp } from '$lib/server/web';
import type { RequestHandler } from './$types';

/** Calls one batched request may carry (each costs a rate-limit point). */
const MAX_BATCH = 50;

let streams: StreamSlots | undefined;

/**
 * A `jobs.onProgress` stream takes one of its caller's slots (per API key, else per user) for as
 * long as it is open; with all of them taken it is refused with 429 before it opens.
 */
async function progressStream(
	event: Parameters<RequestHandler>[0],
	open: () => Promise<Response>
): Promise<Response> {
	const { user, authMethod } = event.locals;
	if (!user) return open(); // refused as UNAUTHORIZED by the procedure
	streams ??= new StreamSlots(webApp().env.TAILOR_SSE_MAX_STREAMS);
	const authorization = event.request.headers.get('authorization');
	const caller = rateLimitKey({
		userId: user.id,
		apiKey: authMethod === 'apiKey' ? (authorization?.slice(7).trim() ?? null) : null,
		address: event.getClientAddress()
	});
	const release = streams.take(caller);
	if (!release) return tooManyStreams(streams.max);
	try {
		return releasingSlot(await open(), release);
	} catch (error) {
		release();
		throw error;
	}
}

/** The tRPC API (SPEC §7). Origin, rate and declared-size checks run before, in hooks.server.ts. */
const handler: RequestHandler = async (event) => {
	const app = webApp();
	let req = event.request;
	// A declared length was checked against the limit before (hooks.server.ts), and the body cannot
	// run past it; only a chunked body, of unknown length, is read here first.
	if (req.method === 'POST' && !req.headers.has('content-length')) {
		const body = await readLimited(req, env().TAILOR_API_BODY_LIMIT);
		if (body instanceof Response) return body;
		req = new Request(req.url, { method: 'POST', headers: req.headers, body, signal: req.signal });
	}
	const serve = () =>
		fetchRequestHandler({
			endpoint: '/api/trpc',
			req,
			router: appRouter,
			maxBatchSize: MAX_BATCH,
			createContext: () => createContext(event.locals, app),
			onError({ error, path, type }) {
				// A lost connection marks the database down: the answer becomes a 503 (hooks.server.ts).
				if (app.conn.availability.report(error.cause)) return;
				if (error.code === 'INTERNAL_SERVER_ERROR')
					app.log.error({ err: error.cause ?? error, path, type }, 'API procedure failed');
			}
		});
	return req.method === 'GET' && procedurePath(event.url.pathname) === 'jobs.onProgress'
		? progressStream(event, serve)
		: serve();
};

export const GET = handler;
export const POST = handler;
