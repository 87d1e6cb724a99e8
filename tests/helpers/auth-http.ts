import { expect } from 'vitest';

/**
 * Sign-in and sign-up over HTTP, as the browser and API clients send them, from an address of
 * the test's choosing: a server started with `ADDRESS_HEADER=x-forwarded-for` (as it would run
 * behind a proxy) takes the caller's address from that header, so one machine can play many.
 */
export const BY_FORWARDED_FOR = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

export const PASSWORD = 'correct horse battery';

let addresses = 0;
/** A fresh address per call, so that tests do not share their counts. */
export const newAddress = () => `10.${Math.floor(++addresses / 250)}.${addresses % 250}.7`;

let emails = 0;
export const newEmail = (name: string) => `${name}-${++emails}-${process.pid}@example.com`;

export const sessionCookie = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.includes('session_token'));

/** A 429's wait and message, checked for the shape the sign-in and sign-up forms show. */
export async function refusal(res: Response) {
	expect(res.status).toBe(429);
	const retryAfter = Number(res.headers.get('retry-after'));
	expect(Number.isInteger(retryAfter)).toBe(true);
	expect(retryAfter).toBeGreaterThan(0);
	const body = (await res.json()) as { message?: unknown };
	expect(typeof body.message).toBe('string');
	return { retryAfter, message: body.message as string };
}

export const messageOf = async (res: Response) =>
	((await res.json()) as { message: string }).message;

export function authHttp(url: string) {
	const origin = new URL(url).origin;

	function post(route: string, body: unknown, from: string, cookie?: string) {
		return fetch(`${url}/api/auth${route}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				'x-forwarded-for': from,
				...(cookie ? { cookie } : {})
			},
			body: JSON.stringify(body)
		});
	}

	return {
		post,
		signIn: (email: string, password: string, from: string) =>
			post('/sign-in/email', { email, password }, from),
		/** Signs up (expecting success); the answer carries the session cookie. */
		async signUp(email: string, from: string, password = PASSWORD) {
			const res = await post('/sign-up/email', { email, password, name: 'Someone' }, from);
			expect(res.status).toBe(200);
			return res;
		},
		/**
		 * A sign-in or sign-up form submitted as the page's `use:enhance` does, and the action's
		 * result (a failure's `data` is the devalue-encoded `{ email, message }` the form shows).
		 */
		async postForm(page: string, fields: Record<string, string>, from: string) {
			const res = await fetch(`${url}${page}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					origin,
					'x-forwarded-for': from
				},
				body: new URLSearchParams(fields)
			});
			expect(res.status).toBe(200);
			return (await res.json()) as { type: string; status?: number; data?: string };
		}
	};
}
