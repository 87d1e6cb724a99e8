import type { WebApp } from '../web';

/** What every procedure sees: who is asking (from `hooks.server.ts`) and the running app. */
export type Context = {
	user: App.Locals['user'];
	authMethod: App.Locals['authMethod'];
	app: WebApp;
};

export function createContext(locals: App.Locals, app: WebApp): Context {
	return { user: locals.user, authMethod: locals.authMethod, app };
}
