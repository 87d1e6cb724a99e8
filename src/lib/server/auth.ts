import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { authGuardPlugin, type AuthGuard } from './auth-guard';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordPolicyPlugin } from './auth-password';
import type { Database } from './db/client';
import type { Logger } from './log';
import { accounts, apiKeys, sessions, users, verifications } from './db/schema';

export const API_KEY_PREFIX = 'tlr_';

export type AuthOptions = {
	db: Database;
	secret: string;
	baseURL?: string;
	/** SvelteKit's `getRequestEvent`, so sign-in from a form action sets the session cookie. */
	getRequestEvent?: Parameters<typeof sveltekitCookies>[0];
	log?: Logger;
	/** Limits sign-in and sign-up attempts per account and address (the web app has one). */
	guard?: AuthGuard;
	/** The caller's address, for the guard; by default SvelteKit's `getClientAddress()`. */
	clientAddress?: () => string;
};

/**
 * better-auth: email/password accounts with a session cookie, and API keys stored only as a hash
 * with a visible prefix. https://www.better-auth.com/docs/plugins/api-key
 */
export function createAuth({
	db,
	secret,
	baseURL,
	getRequestEvent,
	log,
	guard,
	clientAddress = () => getRequestEvent?.().getClientAddress() ?? 'unknown'
}: AuthOptions) {
	return betterAuth({
		logger: {
			level: 'info',
			log: (level, message) => {
				// A wrong or revoked API key is the client's mistake, answered with 401, not a server error.
				const routine =
					message.startsWith('Failed to validate API key') ||
					message === 'Invalid password' ||
					// Without ORIGIN the base URL is the request's own, on purpose (see below).
					(!baseURL && message.includes('Base URL is not set'));
				log?.[routine ? 'debug' : level]({ component: 'auth' }, message);
			}
		},
		secret,
		baseURL,
		basePath: '/api/auth',
		// Without ORIGIN (`baseURL`), better-auth takes each request's own origin: the app serves
		// plain http on this machine's own names and addresses, where browsers drop a Secure cookie
		// (localhost excepted), so the session cookie is not marked Secure.
		advanced: { useSecureCookies: baseURL ? undefined : false },
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: users,
				session: sessions,
				account: accounts,
				verification: verifications,
				apikey: apiKeys
			}
		}),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			autoSignIn: true
		},
		session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
		// API requests are rate limited per user and per key by the API layer, sign-in and sign-up
		// by the guard (auth-guard.ts) in PostgreSQL; better-auth's own limiter would count in
		// process memory, which several web processes cannot share.
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		plugins: [
			// The policy first: a password it refuses costs no attempt.
			passwordPolicyPlugin(),
			...(guard ? [authGuardPlugin(guard, clientAddress)] : []),
			apiKey({
				defaultPrefix: API_KEY_PREFIX,
				startingCharactersConfig: { shouldStore: true, charactersLength: 10 },
				rateLimit: { enabled: false },
				maximumNameLength: 64
			}),
			...(getRequestEvent ? [sveltekitCookies(getRequestEvent)] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
