import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db';
import { runServerToExit, startServer } from '../helpers/server';

let dataDir: string;

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-server-'));
});
afterAll(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

/** Submits a sign-up or sign-in form as a browser does, returning the response (not followed). */
function submit(url: string, form: Record<string, string>) {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: new URL(url).origin, accept: 'text/html' },
		body: new URLSearchParams(form)
	});
}

describe('npm start', () => {
	it('serves /healthz on an embedded Postgres and keeps data across restarts', async () => {
		const first = await startServer({ DATA_DIR: dataDir });
		try {
			const health = await fetch(`${first.url}/healthz`);
			expect(health.status).toBe(200);
			expect(await health.json()).toEqual({
				ok: true,
				db: 'up',
				queue: 'running',
				worker: 'running'
			});
			const signUp = await submit(`${first.url}/signup`, {
				name: 'Rin',
				email: 'rin@example.com',
				password: 'a long password'
			});
			expect(signUp.status).toBe(303);
			expect(signUp.headers.get('set-cookie')).toContain('session_token');
		} finally {
			expect(await first.stop()).toBe(0);
		}
		expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

		const second = await startServer({ DATA_DIR: dataDir });
		try {
			const signIn = await submit(`${second.url}/login`, {
				email: 'rin@example.com',
				password: 'a long password'
			});
			expect(signIn.status).toBe(303);
			expect(signIn.headers.get('location')).toBe('/');
			const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
			const home = await fetch(`${second.url}/`, { headers: { cookie } });
			expect(await home.text()).toContain('Rin');
		} finally {
			expect(await second.stop()).toBe(0);
		}
	});

	it('uses the server in DATABASE_URL instead of starting one, and WORKER=off serves web only', async () => {
		const t = await testDatabase();
		const unused = path.join(dataDir, 'unused');
		const server = await startServer({ DATABASE_URL: t.url, DATA_DIR: unused, WORKER: 'off' });
		try {
			expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
				ok: true,
				db: 'up',
				queue: 'running',
				worker: 'off'
			});
			const signUp = await submit(`${server.url}/signup`, {
				email: 'remote@example.com',
				password: 'a long password'
			});
			expect(signUp.status).toBe(303);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		const rows = await t.sql`select email from users`;
		expect(rows.map((r) => r.email)).toEqual(['remote@example.com']);
		expect(existsSync(unused)).toBe(false);
	});

	it('stops with one line naming a misconfigured variable', async () => {
		const result = await runServerToExit({ PORT: 'abc', DATA_DIR: dataDir });
		expect(result.code).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^Invalid configuration: PORT is "abc"/);
	});

	it('names the variable for a bad DATABASE_URL too', async () => {
		const result = await runServerToExit({ DATABASE_URL: 'mysql://nope', DATA_DIR: dataDir });
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toMatch(
			/^Invalid configuration: DATABASE_URL is "mysql:\/\/nope"/
		);
	});
});
