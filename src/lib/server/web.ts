import { getRequestEvent } from '$app/server';
import { createAuth, type Auth } from './auth';
import { openDatabase, type Connection } from './db';
import { env, type Env } from './env';
import { createLogger, type Logger } from './log';
import { authSecret } from './secrets';

/** Everything the web process holds: started once by the `init` hook, closed on shutdown. */
export type WebApp = {
	env: Env;
	log: Logger;
	conn: Connection;
	auth: Auth;
	worker: 'not-started' | 'off' | 'running';
	queue: 'not-started' | 'running';
};

let current: WebApp | undefined;

export async function startWebApp(): Promise<WebApp> {
	if (current) return current;
	const config = env();
	const log = createLogger(config.LOG_LEVEL, { service: 'web' });
	const conn = await openDatabase(config, log);
	const secret = await authSecret(conn.db, config.AUTH_SECRET);
	const auth = createAuth({ db: conn.db, secret, baseURL: config.ORIGIN, getRequestEvent, log });
	current = {
		env: config,
		log,
		conn,
		auth,
		worker: config.WORKER ? 'not-started' : 'off',
		queue: 'not-started'
	};
	log.info({ database: conn.where }, 'database ready');
	return current;
}

export function webApp(): WebApp {
	if (!current) throw new Error('the web app has not started');
	return current;
}

export async function stopWebApp(): Promise<void> {
	const app = current;
	current = undefined;
	if (!app) return;
	app.log.info('shutting down');
	await app.conn.close();
}
