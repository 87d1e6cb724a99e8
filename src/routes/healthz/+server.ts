import { json } from '@sveltejs/kit';
import { webApp } from '$lib/server/web';
import type { RequestHandler } from './$types';

/**
 * `{ ok, db, queue, worker }`. The queue and the worker run on the database, so while it does not
 * answer they are reported `down` too (a web-only process's worker stays `off`); pg-boss carries
 * on by itself once the database is back.
 */
export const GET: RequestHandler = async () => {
	const app = webApp();
	const up = await app.conn.availability.check();
	if (!up) app.log.warn('health check: database unreachable');
	const db = up ? 'up' : 'down';
	const { queue, worker } = app.jobs;
	return json(
		{
			ok: up,
			db,
			queue: up ? queue : 'down',
			worker: up || worker === 'off' ? worker : 'down'
		},
		{ status: up ? 200 : 503 }
	);
};
