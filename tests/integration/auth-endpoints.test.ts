import { beforeAll, describe, expect, it } from 'vitest';
import { createTailorClient } from '../../src/lib/client';
import { startApi, type ApiServer } from '../helpers/api';
import { authHttp, newAddress, newEmail, sessionCookie } from '../helpers/auth-http';

// Of better-auth's HTTP endpoints only those the app uses are served: the others, among them the
// API key plugin's own, would let a session do what the app does not offer, such as switching a
// revoked API key back on.

let api: ApiServer;
let http: ReturnType<typeof authHttp>;
let cookie: string;
const from = newAddress();

beforeAll(async () => {
	api = await startApi();
	http = authHttp(api.url);
	cookie = sessionCookie(await http.signUp(newEmail('keys'), from))!;
});

/** The typed client with the session cookie, as the settings page uses it. */
const browser = () =>
	createTailorClient({
		url: api.url,
		fetch: (input, init) => {
			const headers = new Headers(init?.headers);
			headers.set('cookie', cookie);
			headers.set('origin', api.url);
			return fetch(input, { ...init, headers });
		}
	});

const usageWith = (key: string) =>
	fetch(`${api.url}/api/trpc/usage.get`, { headers: { authorization: `Bearer ${key}` } });

describe('better-auth endpoints', () => {
	it('a revoked API key cannot be switched back on', async () => {
		const created = await browser().apiKeys.create.mutate({ name: 'leaked' });
		expect((await usageWith(created.key)).status).toBe(200);
		await browser().apiKeys.revoke.mutate({ id: created.id });
		expect((await usageWith(created.key)).status).toBe(401);

		const res = await http.post(
			'/api-key/update',
			{ keyId: created.id, enabled: true },
			from,
			cookie
		);
		expect(res.status).toBe(404);
		expect((await usageWith(created.key)).status).toBe(401);
		const listed = await browser().apiKeys.list.query();
		expect(listed.find((k) => k.id === created.id)?.revoked).toBe(true);
	});

	it.each([
		['GET', '/get-session'],
		['GET', '/list-sessions'],
		['GET', '/ok'],
		['POST', '/api-key/create'],
		['GET', '/api-key/list'],
		['GET', '/api-key/get'],
		['POST', '/api-key/delete'],
		['POST', '/change-password'],
		['POST', '/change-email'],
		['POST', '/update-user'],
		['POST', '/delete-user'],
		['POST', '/revoke-sessions'],
		['POST', '/request-password-reset'],
		['POST', '/sign-in/social'],
		['GET', '/sign-in/email']
	])('%s /api/auth%s, which the app does not use, is not served', async (method, route) => {
		const res = await fetch(`${api.url}/api/auth${route}`, {
			method,
			headers: {
				cookie,
				origin: api.url,
				...(method === 'POST' ? { 'content-type': 'application/json' } : {})
			},
			...(method === 'POST' ? { body: '{}' } : {})
		});
		expect(res.status).toBe(404);
	});

	it('sign-in, sign-up and sign-out, which the app uses, are served', async () => {
		const email = newEmail('served');
		const signedUp = await http.signUp(email, from);
		expect(sessionCookie(signedUp)).toBeDefined();
		const signedIn = await http.signIn(email, 'correct horse battery', from);
		expect(signedIn.status).toBe(200);
		const res = await http.post('/sign-out', {}, from, sessionCookie(signedIn));
		expect(res.status).toBe(200);
	});
});
