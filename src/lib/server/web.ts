import { getRequestEvent } from '$app/server';
import { createAuth, type Auth } from './auth';
import { AuthGuard, authLimits } from './auth-guard';
import { openDatabase, type Connection } from './db';
import type { TailorEngine } from './engines/engine';
import { createEngine } from './engines';
import { env, type Env } from './env';
import { JobEngine } from './jobs/engine';
import { createLogger, type Logger } from './log';
import { productPipelines } from './pipelines';
import { authSecret } from './secrets';

/** Everything the web process holds: started once by the `init` hook, closed on shutdown. */
export type WebApp = {
	env: Env;
	log: Logger;
	conn: Connection;
	auth: Auth;
	jobs: JobEngine;
	engine: TailorEngine;
};

let current: WebApp | undefined;
let stopping: Promise<void> | undefined;

export async function startWebApp(): Promise<WebApp> {
	if (current) return current;
	const config = env();
	const log = createLogger(config.LOG_LEVEL, { service: 'web' });
	const conn = await openDatabase(config, log);
	const secret = await authSecret(conn.db, config.AUTH_SECRET);
	const auth = createAuth({
		db: conn.db,
		secret,
		baseURL: config.ORIGIN,
		getRequestEvent,
		log,
		guard: new AuthGuard(conn.sql, authLimits(config))
	});
	const engine = await createEngine(config);
	const jobs = await JobEngine.start({
		url: conn.url,
		db: conn.db,
		sql: conn.sql,
		availability: conn.availability,
		log,
		pipelines: productPipelines(config, engine),
		queue: { retries: config.TAILOR_JOB_RETRIES },
		webhooks: {
			allowPrivate: config.TAILOR_WEBHOOK_ALLOW_PRIVATE,
			retryDelaySeconds: config.TAILOR_WEBHOOK_RETRY_DELAY_S
		},
		worker: config.WORKER,
		concurrency: config.WORKER_CONCURRENCY
	});
	current = { env: config, log, conn, auth, jobs, engine };
	log.info({ database: conn.where, worker: jobs.worker }, 'ready');
	return current;
}

export function webApp(): WebApp {
	if (!current) throw new Error('the web app has not started');
	return current;
}

/**
 * Starts draining on the first SIGTERM/SIGINT, alongside the HTTP server's own close: the worker
 * takes no new job and lets running steps finish, and live event streams end so their connections
 * can close.
 */
export function beginShutdown(): Promise<void> {
	stopping ??= (async () => {
		const app = current;
		if (!app) return;
		app.log.info('draining');
		await app.jobs.stop(25_000);
	})();
	return stopping;
}

/** After the HTTP server has closed: finish draining, then close the database. */
export async function stopWebApp(): Promise<void> {
	await beginShutdown();
	const app = current;
	current = undefined;
	if (!app) return;
	await app.conn.close();
	app.log.info('stopped');
}
