import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '$lib/server/trpc/context';
import { readLimited } from '$lib/server/trpc/edge';
import { appRouter } from '$lib/server/trpc/router';
import { apiSettings } from '$lib/server/trpc/settings';
import { webApp } from '$lib/server/web';
import type { RequestHandler } from './$types';

/** Calls one batched request may carry (each costs a rate-limit point). */
const MAX_BATCH = 50;

/** The tRPC API (SPEC §7). Origin, rate and declared-size checks run before, in hooks.server.ts. */
const handler: RequestHandler = async (event) => {
	const app = webApp();
	let req = event.request;
	// A declared length was checked against the limit before (hooks.server.ts), and the body cannot
	// run past it; only a chunked body, of unknown length, is read here first.
	if (req.method === 'POST' && !req.headers.has('content-length')) {
		const body = await readLimited(req, apiSettings().bodyLimit);
		if (body instanceof Response) return body;
		req = new Request(req.url, { method: 'POST', headers: req.headers, body, signal: req.signal });
	}
	return fetchRequestHandler({
		endpoint: '/api/trpc',
		req,
		router: appRouter,
		maxBatchSize: MAX_BATCH,
		createContext: () => createContext(event.locals, app),
		onError({ error, path, type }) {
			if (error.code === 'INTERNAL_SERVER_ERROR')
				app.log.error({ err: error.cause ?? error, path, type }, 'API procedure failed');
		}
	});
};

export const GET = handler;
export const POST = handler;
