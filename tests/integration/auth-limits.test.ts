import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiServer } from '../helpers/api';
import {
	authHttp,
	BY_FORWARDED_FOR,
	newAddress,
	newEmail,
	PASSWORD,
	refusal
} from '../helpers/auth-http';
import { startServer, type RunningServer } from '../helpers/server';

// The limits on sign-in and sign-up attempts, over real HTTP and through the sign-in form, with
// lowered limits. Each test plays its own addresses (X-Forwarded-For), so their counts are apart.

const MAX_FAILURES = 3;
const MAX_ACCOUNT_FAILURES = 6;
const ADDRESS_POINTS = 12;

const settings = {
	...BY_FORWARDED_FOR,
	TAILOR_AUTH_MAX_FAILURES: String(MAX_FAILURES),
	TAILOR_AUTH_MAX_ACCOUNT_FAILURES: String(MAX_ACCOUNT_FAILURES),
	TAILOR_AUTH_ADDRESS_POINTS: String(ADDRESS_POINTS),
	TAILOR_AUTH_ADDRESS_WINDOW_S: '600',
	TAILOR_AUTH_BLOCK_S: '60',
	TAILOR_AUTH_MAX_BLOCK_S: '900'
};

let api: ApiServer;
let http: ReturnType<typeof authHttp>;

beforeAll(async () => {
	api = await startApi(settings);
	http = authHttp(api.url);
});

describe('sign-in and sign-up attempts', () => {
	it('wrong passwords in a row from one address are refused with 429 and Retry-After; the owner still signs in from their own', async () => {
		const email = newEmail('victim');
		const home = newAddress();
		await http.signUp(email, home);
		const attacker = newAddress();
		for (let i = 0; i < MAX_FAILURES; i++)
			expect((await http.signIn(email, `wrong guess ${i}`, attacker)).status).toBe(401);
		// Refused now, even with the right password: the address is blocked for this account.
		const { retryAfter, message } = await refusal(await http.signIn(email, PASSWORD, attacker));
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(message).toBe('Too many failed attempts for this account: try again in 1 minute.');
		expect((await http.signIn(email, PASSWORD, home)).status).toBe(200);
	});

	it('a burst of parallel guesses is held to the same count', async () => {
		const email = newEmail('burst');
		await http.signUp(email, newAddress());
		const attacker = newAddress();
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) => http.signIn(email, `parallel guess ${i}`, attacker))
		);
		const statuses = answers.map((res) => res.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
		expect(statuses.filter((s) => s === 429)).toHaveLength(20 - MAX_FAILURES);
	});

	it('a successful sign-in starts the count again', async () => {
		const email = newEmail('typo');
		const from = newAddress();
		await http.signUp(email, from);
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < MAX_FAILURES - 1; i++)
				expect((await http.signIn(email, 'mistyped password', from)).status).toBe(401);
			expect((await http.signIn(email, PASSWORD, from)).status).toBe(200);
		}
	});

	it('guesses spread over many addresses block the account for new addresses, not where its owner signs in', async () => {
		const email = newEmail('spread');
		const home = newAddress();
		await http.signUp(email, home);
		for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++)
			expect((await http.signIn(email, 'a guess from afar', newAddress())).status).toBe(401);
		const { retryAfter, message } = await refusal(await http.signIn(email, PASSWORD, newAddress()));
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(message).toBe('Too many failed attempts for this account: try again in 1 minute.');
		// Where the owner signed up (and so signed in), the account is open to them.
		expect((await http.signIn(email, PASSWORD, home)).status).toBe(200);
	});

	it('one address trying many accounts is stopped by its own limit, sign-ups included', async () => {
		const from = newAddress();
		for (let i = 0; i < ADDRESS_POINTS - 2; i++)
			expect((await http.signIn(newEmail('nobody'), 'whatever it is', from)).status).toBe(401);
		await http.signUp(newEmail('spree'), from);
		await http.signUp(newEmail('spree'), from);
		const res = await http.post(
			'/sign-up/email',
			{ email: newEmail('spree'), password: PASSWORD, name: 'One too many' },
			from
		);
		const { retryAfter, message } = await refusal(res);
		expect(retryAfter).toBeLessThanOrEqual(600);
		expect(message).toMatch(
			/^Too many attempts to sign in or sign up from your address: try again in \d+ minutes?\.$/
		);
		// Another address is not affected.
		expect((await http.signIn(newEmail('nobody'), 'whatever it is', newAddress())).status).toBe(
			401
		);
	});

	it('the sign-in form is held to the same counts and shows the refusal', async () => {
		const email = newEmail('form');
		await http.signUp(email, newAddress());
		const from = newAddress();
		// Failures through the API and through the form add up.
		expect((await http.signIn(email, 'wrong over the API', from)).status).toBe(401);
		for (let i = 1; i < MAX_FAILURES; i++) {
			const result = await http.postForm('/login', { email, password: 'wrong in the form' }, from);
			expect(result.type).toBe('failure');
			expect(result.data).toContain('That email and password do not match an account.');
		}
		const result = await http.postForm('/login', { email, password: PASSWORD }, from);
		expect(result.type).toBe('failure');
		expect(result.status).toBe(429);
		expect(result.data).toContain(
			'Too many failed attempts for this account: try again in 1 minute.'
		);
		expect((await http.signIn(email, PASSWORD, from)).status).toBe(429);
	});

	describe('with a second web process on the same database', () => {
		let second: RunningServer;
		let dataDir: string;
		beforeAll(async () => {
			dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-auth-second-'));
			second = await startServer({ ...settings, DATABASE_URL: api.t.url, DATA_DIR: dataDir });
		});
		afterAll(async () => {
			await second?.stop();
			await rm(dataDir, { recursive: true, force: true });
		});

		it('the counts hold across processes', async () => {
			const email = newEmail('shared');
			await http.signUp(email, newAddress());
			const attacker = newAddress();
			for (let i = 0; i < MAX_FAILURES; i++)
				expect((await http.signIn(email, `guess ${i}`, attacker)).status).toBe(401);
			await refusal(await authHttp(second.url).signIn(email, PASSWORD, attacker));
		});
	});
});
