import type { ApiContext } from '../../schemas/views';
import type { WebApp } from '../web';

declare module '../../schemas/views' {
	/** The running app, as procedures see it (the public API's types leave it opaque). */
	interface ApiServices {
		app: WebApp;
	}
}

/** What every procedure sees: who is asking (from `hooks.server.ts`) and the running app. */
export type Context = ApiContext;

export function createContext(locals: App.Locals, app: WebApp): Context {
	return { user: locals.user, authMethod: locals.authMethod, apiKeyId: locals.apiKeyId, app };
}
