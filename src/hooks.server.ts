import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { userIdForApiKey } from '$lib/server/api-keys';
import { ConfigError } from '$lib/server/env';
import { beginShutdown, startWebApp, stopWebApp, webApp } from '$lib/server/web';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await startWebApp();
	} catch (error) {
		// A bad configuration is the operator's to fix: one line naming the variable, no stack trace.
		if (error instanceof ConfigError) {
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

export const handle: Handle = async ({ event, resolve }) => {
	const { auth, conn } = webApp();
	event.locals.user = null;
	event.locals.authMethod = null;

	if (event.url.pathname.startsWith('/api/auth/')) return auth.handler(event.request);

	const key = bearer(event.request.headers.get('authorization'));
	if (key) {
		const userId = await userIdForApiKey(auth, key);
		if (userId) {
			const user = await conn.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
			if (user) {
				event.locals.user = { id: user.id, email: user.email, name: user.name };
				event.locals.authMethod = 'apiKey';
			}
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
