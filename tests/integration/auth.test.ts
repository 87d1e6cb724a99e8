import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	createApiKey,
	listApiKeys,
	revokeApiKey,
	userIdForApiKey
} from '../../src/lib/server/api-keys';
import { API_KEY_PREFIX, createAuth, type Auth } from '../../src/lib/server/auth';
import { apiKeys, users } from '../../src/lib/server/db/schema';
import { authSecret } from '../../src/lib/server/secrets';
import { testDatabase, type TestDatabase } from '../helpers/db';

const origin = 'http://localhost:3000';
let t: TestDatabase;
let auth: Auth;

beforeAll(async () => {
	t = await testDatabase();
	auth = createAuth({ db: t.db, secret: await authSecret(t.db, undefined), baseURL: origin });
});

/** A request to better-auth's HTTP endpoints, as the browser or an API client sends it. */
function post(path: string, body: unknown, cookie?: string) {
	return auth.handler(
		new Request(`${origin}/api/auth${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				...(cookie ? { cookie } : {})
			},
			body: JSON.stringify(body)
		})
	);
}

const sessionCookie = (res: Response) =>
	res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.includes('session_token'));

async function signUp(email: string, password = 'correct horse') {
	const res = await post('/sign-up/email', { email, password, name: email.split('@')[0] });
	expect(res.status).toBe(200);
	const { user } = (await res.json()) as { user: { id: string } };
	return user.id;
}

describe('email and password accounts', () => {
	it('signs up, and the session cookie identifies the new user', async () => {
		const res = await post('/sign-up/email', {
			email: 'ada@example.com',
			password: 'correct horse',
			name: 'Ada'
		});
		expect(res.status).toBe(200);
		const cookie = sessionCookie(res);
		expect(cookie).toBeDefined();
		const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie! }) });
		expect(session?.user.email).toBe('ada@example.com');
	});

	it('stores a password hash, never the password', async () => {
		const rows =
			await t.sql`select a.password from accounts a join users u on u.id = a.user_id where u.email = 'ada@example.com'`;
		expect(rows[0]?.password).toBeTruthy();
		expect(rows[0]?.password).not.toContain('correct horse');
	});

	it('refuses a second account with the same email', async () => {
		const res = await post('/sign-up/email', {
			email: 'ada@example.com',
			password: 'another one',
			name: 'Ada 2'
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
	});

	it('signs in with the right password', async () => {
		const res = await post('/sign-in/email', {
			email: 'ada@example.com',
			password: 'correct horse'
		});
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toBeDefined();
	});

	it('refuses a wrong password without a session', async () => {
		const res = await post('/sign-in/email', { email: 'ada@example.com', password: 'wrong horse' });
		expect(res.status).toBe(401);
		expect(sessionCookie(res)).toBeUndefined();
	});

	it('refuses an unknown email the same way as a wrong password', async () => {
		const res = await post('/sign-in/email', {
			email: 'nobody@example.com',
			password: 'whatever1'
		});
		expect(res.status).toBe(401);
	});

	it('ends the session on sign-out', async () => {
		const res = await post('/sign-in/email', {
			email: 'ada@example.com',
			password: 'correct horse'
		});
		const cookie = sessionCookie(res)!;
		const out = await post('/sign-out', {}, cookie);
		expect(out.status).toBe(200);
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
	});
});

describe('API keys', () => {
	let owner: string;
	let other: string;

	beforeAll(async () => {
		owner = await signUp('owner@example.com');
		other = await signUp('other@example.com');
	});

	it('create → use → revoke → refused', async () => {
		const created = await createApiKey(auth, owner, 'ci');
		expect(created.key.startsWith(API_KEY_PREFIX)).toBe(true);
		expect(await userIdForApiKey(t.db, created.key)).toBe(owner);

		expect(await revokeApiKey(t.db, owner, created.id)).toBe(true);
		expect(await userIdForApiKey(t.db, created.key)).toBeNull();
	});

	it('stores only a hash, with a visible prefix, and records the last use', async () => {
		const created = await createApiKey(auth, owner, 'laptop');
		const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
		expect(row!.key).not.toBe(created.key);
		expect(row!.key).not.toContain(created.key.slice(API_KEY_PREFIX.length));
		expect(created.key.startsWith(row!.start!)).toBe(true);
		expect(row!.start!.length).toBeLessThan(created.key.length / 2);
		expect(row!.lastRequest).toBeNull();

		// Written after the answer, off the request's path.
		await userIdForApiKey(t.db, created.key);
		const lastRequest = async () =>
			(await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0]!.lastRequest;
		await expect.poll(lastRequest).toBeInstanceOf(Date);
	});

	it('lists only the caller’s keys, without the secret', async () => {
		const mine = await listApiKeys(t.db, owner);
		expect(mine.map((k) => k.name).sort()).toEqual(['ci', 'laptop']);
		expect(mine.find((k) => k.name === 'ci')?.revoked).toBe(true);
		expect(JSON.stringify(mine)).not.toMatch(/key_hash|"key"/);
		expect(await listApiKeys(t.db, other)).toEqual([]);
	});

	it('does not let another user revoke a key, nor learn that it exists', async () => {
		const created = await createApiKey(auth, owner, 'shared?');
		expect(await revokeApiKey(t.db, other, created.id)).toBe(false);
		expect(await userIdForApiKey(t.db, created.key)).toBe(owner);
	});

	it('refuses a key past its expiry', async () => {
		const created = await createApiKey(auth, owner, 'temporary');
		expect(await userIdForApiKey(t.db, created.key)).toBe(owner);
		await t.db
			.update(apiKeys)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(apiKeys.id, created.id));
		expect(await userIdForApiKey(t.db, created.key)).toBeNull();
	});

	it('refuses made-up and malformed keys', async () => {
		expect(await userIdForApiKey(t.db, `${API_KEY_PREFIX}not-a-real-key-at-all`)).toBeNull();
		expect(await userIdForApiKey(t.db, '')).toBeNull();
	});

	it('removes a user’s keys with the user', async () => {
		const gone = await signUp('gone@example.com');
		const created = await createApiKey(auth, gone);
		await t.db.delete(users).where(eq(users.id, gone));
		expect(await userIdForApiKey(t.db, created.key)).toBeNull();
	});
});
