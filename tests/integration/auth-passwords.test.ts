import { beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiServer } from '../helpers/api';
import { authHttp, messageOf, newAddress, newEmail } from '../helpers/auth-http';

// The password policy (NIST SP 800-63B) over HTTP and through the sign-up form.

let api: ApiServer;
let http: ReturnType<typeof authHttp>;

beforeAll(async () => {
	api = await startApi();
	http = authHttp(api.url);
});

describe('password policy', () => {
	it.each([
		['only spaces', ' '.repeat(8), 'A password of only spaces is too easy to guess'],
		['only whitespace', ' \t \n   \t ', 'A password of only spaces is too easy to guess'],
		['common', 'password1', 'one of the most commonly used'],
		['common, in other case', 'Iloveyou123', 'one of the most commonly used'],
		['over 128 characters', 'x'.repeat(129), 'Use a password of at most 128 characters.'],
		['under 8 characters', 'short', 'Use a password of at least 8 characters.']
	])('sign-up refuses a password that is %s, saying why', async (_, password, reason) => {
		const res = await http.post(
			'/sign-up/email',
			{ email: newEmail('policy'), password, name: 'Policy' },
			newAddress()
		);
		expect(res.status).toBe(400);
		expect(await messageOf(res)).toContain(reason);
	});

	it('accepts a passphrase of ordinary words, spaces and all', async () => {
		await http.signUp(newEmail('phrase'), newAddress(), '  four words  of mine  ');
	});

	it('the sign-up form shows why a password is refused', async () => {
		const result = await http.postForm(
			'/signup',
			{ name: 'Form', email: newEmail('form-policy'), password: ' '.repeat(8) },
			newAddress()
		);
		expect(result).toEqual({ type: 'failure', status: 400, data: expect.any(String) });
		expect(result.data).toContain('A password of only spaces is too easy to guess');
	});

	it('sign-in refuses an over-long password before checking it, and an oversized body unread', async () => {
		const email = newEmail('long');
		await http.signUp(email, newAddress());
		const long = await http.signIn(email, 'y'.repeat(1000), newAddress());
		expect(long.status).toBe(400);
		expect(await messageOf(long)).toBe('A password has at most 128 characters.');
		const huge = await http.signIn(email, 'z'.repeat(512 * 1024), newAddress());
		expect(huge.status).toBe(413);
		expect(await messageOf(huge)).toMatch(/^The request body is larger than \d+ bytes\.$/);
	});
});
