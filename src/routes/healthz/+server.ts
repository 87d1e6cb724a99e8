import { json } from '@sveltejs/kit';
import { webApp } from '$lib/server/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const app = webApp();
	let db: 'up' | 'down' = 'down';
	try {
		await app.conn.sql`select 1`;
		db = 'up';
	} catch (error) {
		app.log.warn({ err: error }, 'health check: database unreachable');
	}
	const ok = db === 'up';
	return json(
		{ ok, db, queue: app.jobs.queue, worker: app.jobs.worker },
		{ status: ok ? 200 : 503 }
	);
};
