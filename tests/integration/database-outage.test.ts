import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, finished, inesResume, signUp, ternPosting, type Account } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';

// `npm start` on its own embedded PostgreSQL, whose server is killed with `kill -9` while the app
// serves: the app must say the database is unavailable (503, readable) rather than answer bare
// 500s, restart the server on the same port, and carry on without being restarted itself.

const UNAVAILABLE = 'Tailor cannot reach its database right now';

let dataDir: string;
let server: RunningServer;
let ines: Account;

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-outage-'));
	server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
	ines = await signUp(server.url, 'ines');
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
	// A job followed live before the outage: the app's LISTEN connection is open when it starts.
	expect((await finished(ines.client, await tailorJob())).status).toBe('completed');
});

const tailorJob = async () =>
	(
		await ines.client.opportunities.addAndTailor.mutate({
			opportunity: { description: ternPosting }
		})
	).jobId;

afterAll(async () => {
	await server?.stop();
	await rm(dataDir, { recursive: true, force: true });
});

/** Polls `probe` until it returns a value (not undefined), or fails after `ms`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

const pgDir = () => path.join(dataDir, 'pg');

/** The postmaster's pid, from the first line of its `postmaster.pid`. */
const postmasterPid = async () =>
	Number((await readFile(path.join(pgDir(), 'postmaster.pid'), 'utf8')).split('\n')[0]);

const health = async () => {
	const res = await fetch(`${server.url}/healthz`);
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** A page as a signed-in browser asks for it. */
const page = (route: string) =>
	fetch(`${server.url}${route}`, { headers: { cookie: ines.cookie, accept: 'text/html' } });

describe('the embedded PostgreSQL killed while the app serves', () => {
	it('answers 503 with a readable message while it is down, then recovers by itself', async () => {
		const appPid = server.child.pid;
		// While the data directory has a mode PostgreSQL refuses (it wants 0700), a restart fails
		// and is retried with backoff: the outage lasts until the test has looked at it.
		await chmod(pgDir(), 0o770);
		const killed = await postmasterPid();
		process.kill(killed, 'SIGKILL');

		expect(
			await until('/healthz to report the outage', async () => {
				const h = await health();
				return h.status === 503 ? h : undefined;
			})
		).toEqual({ status: 503, body: { ok: false, db: 'down', queue: 'down', worker: 'down' } });

		const dashboard = await page('/');
		expect(dashboard.status).toBe(503);
		expect(dashboard.headers.get('content-type')).toContain('text/html');
		expect(dashboard.headers.get('retry-after')).toBe('5');
		const html = await dashboard.text();
		expect(html).toContain('<h1>Database unavailable</h1>');
		expect(html).toContain(UNAVAILABLE);

		const api = await failure(ines.client.opportunities.list.query());
		expect(api).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
		expect(api.message).toContain(UNAVAILABLE);

		const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: server.url },
			body: JSON.stringify({ email: ines.email, password: 'a long password' })
		});
		expect(signIn.status).toBe(503);
		expect(((await signIn.json()) as { message: string }).message).toContain(UNAVAILABLE);

		// The data directory usable again: the next restart attempt succeeds, on the same port.
		await chmod(pgDir(), 0o700);
		expect(
			await until('/healthz to report the database back', async () => {
				const h = await health();
				return h.status === 200 ? h : undefined;
			})
		).toEqual({
			status: 200,
			body: { ok: true, db: 'up', queue: 'running', worker: 'running' }
		});
		expect(await postmasterPid()).not.toBe(killed);

		expect((await page('/')).status).toBe(200);
		expect(await ines.client.opportunities.list.query()).toHaveLength(1);
		// Followed live too: its events arrive over the LISTEN connection opened again.
		expect((await finished(ines.client, await tailorJob())).status).toBe('completed');

		// The same app process all along.
		expect(server.child.pid).toBe(appPid);
		expect(server.child.exitCode).toBeNull();
		expect(server.output()).toContain('"msg":"database unavailable"');
		expect(server.output()).toContain('"msg":"database available again"');
	}, 120_000);

	it('never answers a bare 500 to requests made while the server is killed and restarted', async () => {
		const statuses = new Map<number, number>();
		let stop = false;
		// Pages back to back, from before the kill until the app is back.
		const load = (async () => {
			while (!stop) {
				const res = await page('/career');
				await res.arrayBuffer();
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
			}
		})();
		try {
			await until('a first page', async () => (statuses.has(200) ? true : undefined));
			process.kill(await postmasterPid(), 'SIGKILL');
			await until('a 503', async () => (statuses.has(503) ? true : undefined));
			await until('/healthz to report the database back', async () =>
				(await health()).status === 200 ? true : undefined
			);
			const before = statuses.get(200)!;
			await until('pages served again', async () =>
				statuses.get(200)! > before ? true : undefined
			);
		} finally {
			stop = true;
			await load;
		}
		expect([...statuses.keys()].sort()).toEqual([200, 503]);
	}, 120_000);
});
