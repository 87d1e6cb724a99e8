// Shared by the benchmarks, `npm run chaos` and `npm run scale-out`: an embedded PostgreSQL, a
// snapshot of the build, accounts made over HTTP, and API clients that follow job streams.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import {
	createTailorClient,
	TRPCClientError,
	type JobProgress,
	type TailorClient
} from '../../src/lib/client';
import { createDb, type Database as Db, type Sql } from '../../src/lib/server/db/client';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { freePort, root, startWeb, type Proc } from './processes';

/** The id the job runner writes into a claim event's `worker` field for a process on this host. */
export const workerId = (pid: number) => `${hostname()}:${pid}`;

/** Limits that would otherwise turn a load test into a test of the limits. */
export const UNLIMITED_API = {
	TAILOR_RATE_LIMIT_POINTS: '1000000',
	TAILOR_RATE_LIMIT_WINDOW_S: '1',
	TAILOR_MONTHLY_LIMIT: '1000000',
	TAILOR_SSE_MAX_STREAMS: '1000000',
	// Every account is signed up from this machine's one address.
	TAILOR_AUTH_ADDRESS_POINTS: '1000000'
};

/**
 * A web process of a cluster: web only (`WORKER=off`), on `databaseUrl`, with its ORIGIN, and
 * without the limits that would turn a load test into a test of the limits.
 */
export const clusterWebEnv = (databaseUrl: string, port: number) => ({
	ORIGIN: `http://localhost:${port}`,
	BODY_SIZE_LIMIT: '1M',
	DATABASE_URL: databaseUrl,
	WORKER: 'off',
	PORT: String(port),
	...UNLIMITED_API
});

export type Postgres = {
	/** The server's own database (`postgres`), as its superuser. */
	url: string;
	dataDir: string;
	/** A new database on this server, migrated, with a small pool of this process's. */
	createDatabase(name: string): Promise<Database>;
	/** Closes the pools of the databases made here, stops the server, removes its directory. */
	stop(): Promise<void>;
};

export type Database = { url: string; sql: Sql; db: Db; close(): Promise<void> };

/**
 * An embedded PostgreSQL in a temporary directory. `throwaway` turns off `fsync`: durability
 * against a crash of PostgreSQL itself is not under test there, and it is several times faster.
 */
export async function startPostgres(
	name: string,
	options: { throwaway?: boolean } = {}
): Promise<Postgres> {
	const dataDir = await mkdtemp(path.join(tmpdir(), `tailor-${name}-`));
	const pg = await startEmbeddedPostgres({
		dataDir,
		settings: options.throwaway ? { max_connections: '400', fsync: 'off' } : undefined
	});
	const databases = new Set<Database>();
	return {
		url: pg.url,
		dataDir,
		async createDatabase(database) {
			const admin = createDb(pg.url, { max: 1 });
			await admin.sql.unsafe(`create database ${database}`);
			await admin.sql.end();
			const u = new URL(pg.url);
			u.pathname = `/${database}`;
			const { sql, db } = createDb(u.toString(), { max: 10, name: `tailor-${database}` });
			await runMigrations(sql, db);
			const handle: Database = {
				url: u.toString(),
				sql,
				db,
				async close() {
					databases.delete(handle);
					await sql.end({ timeout: 5 });
				}
			};
			databases.add(handle);
			return handle;
		},
		async stop() {
			await Promise.all([...databases].map((d) => d.close()));
			await pg.stop();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/** A throwaway embedded PostgreSQL with one migrated database; closing it stops the server. */
export async function startDatabase(name: string): Promise<Database> {
	const pg = await startPostgres(name, { throwaway: true });
	const database = await pg.createDatabase(name);
	return { ...database, close: () => pg.stop() };
}

/**
 * Builds the app if its sources changed, then copies `build/` aside: restarted web processes all
 * run the same build even if `build/` is rebuilt meanwhile. The copy lives under `.data/` so that
 * its imports still resolve from the project's node_modules.
 */
export async function snapshotBuild(): Promise<{ dir: string; remove(): Promise<void> }> {
	buildIfStale({ quiet: true });
	const dir = path.join(root, '.data', `bench-build-${process.pid}`);
	await cp(path.join(root, 'build'), dir, { recursive: true });
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Bundles a worker entry (our code; packages stay imports from node_modules) with Vite, once per
 * run: a process started from the bundle skips compiling TypeScript on start, which is most of a
 * worker's start-up time. The bundle lives under `.data/` so that its imports resolve.
 */
export async function bundleWorker(
	entry: string
): Promise<{ file: string; remove(): Promise<void> }> {
	const { build } = await import('vite');
	const outDir = path.join(root, '.data', `bench-worker-${process.pid}`);
	await build({
		configFile: false,
		logLevel: 'warn',
		root,
		build: {
			ssr: entry,
			outDir,
			emptyOutDir: true,
			minify: false,
			rollupOptions: { output: { entryFileNames: '[name].mjs' } }
		}
	});
	return {
		file: path.join(outDir, `${path.basename(entry, '.ts')}.mjs`),
		remove: () => rm(outDir, { recursive: true, force: true })
	};
}

export type Cluster = {
	db: Database;
	/** The two web processes, each at a fixed address across restarts. */
	slots: WebSlot[];
	/** A web process of the cluster's build on `port` (a restart's new process, say). */
	web(port: number): Promise<Proc>;
	/** Processes stopped with the cluster; one that was killed on purpose is `forget`-ten. */
	track(proc: Proc): Proc;
	forget(proc: Proc): void;
	/** Sends `signal` to every process, then stops the database and removes the build's copy. */
	stop(signal: NodeJS.Signals): Promise<void>;
};

/**
 * The scale-out topology without its workers: an embedded PostgreSQL and two web processes
 * (WORKER=off) of one snapshot of the build. On Ctrl-C or SIGTERM it is stopped (SIGKILL).
 */
export async function startCluster(name: string): Promise<Cluster> {
	const build = await snapshotBuild();
	const db = await startDatabase(name);
	const procs = new Set<Proc>();
	const track = (proc: Proc) => (procs.add(proc), proc);
	const web = async (port: number) =>
		track(await startWeb(clusterWebEnv(db.url, port), { buildDir: build.dir }));
	let stopped: Promise<void> | undefined;
	const stop = (signal: NodeJS.Signals) =>
		(stopped ??= (async () => {
			offSignal();
			await Promise.all([...procs].map((p) => p.kill(signal)));
			await db.close();
			await build.remove();
		})());
	const offSignal = onInterrupt(() => stop('SIGKILL'));
	const ports = [await freePort(), await freePort()];
	const slots = await Promise.all(
		ports.map(async (port) => new WebSlot(`http://localhost:${port}`, await web(port)))
	);
	return { db, slots, web, track, forget: (proc) => procs.delete(proc), stop };
}

/**
 * A web process's address as clients see it. While the process restarts, `ready` is a pending
 * promise that resolves when the new process listens; calls that fail to connect wait for it.
 */
export class WebSlot {
	ready: Promise<void> = Promise.resolve();
	private open: (() => void) | null = null;
	constructor(
		readonly url: string,
		public proc: Proc
	) {}

	get port() {
		return Number(new URL(this.url).port);
	}

	/** From now on, failed connections wait for `up()`. */
	down() {
		this.ready = new Promise((resolve) => (this.open = resolve));
	}

	up(proc: Proc) {
		this.proc = proc;
		this.open?.();
		this.open = null;
	}
}

/** True for a call that got no answer from the server (refused, reset, cut off mid-response). */
export function isConnectionError(error: unknown): boolean {
	return error instanceof TRPCClientError && !error.data;
}

/**
 * Runs an API call, repeating it after connection errors once the web process is back (as a
 * client behind a load balancer would). Errors the server answered with are thrown.
 */
export async function call<T>(slot: WebSlot, fn: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn();
		} catch (error) {
			if (!isConnectionError(error) || attempt >= 20) throw error;
			await slot.ready;
		}
	}
}

export type Account = {
	userId: string;
	email: string;
	/** The session cookie of the sign-up. */
	cookie: string;
	apiKey: string;
	apiKeyId: string;
	/** The API with the account's API key. */
	client: TailorClient;
	/** The API as the signed-in browser calls it: the session cookie and the page's Origin. */
	browser: TailorClient;
};

/** A browser-like fetch: the session cookie and the page's own Origin on every request. */
export function browserFetch(url: string, cookie: string): typeof fetch {
	return (input, init) => {
		const headers = new Headers(init?.headers);
		headers.set('cookie', cookie);
		headers.set('origin', new URL(url).origin);
		return fetch(input, { ...init, headers });
	};
}

/** Signs up over HTTP as the browser does, then makes an API key with `apiKeys.create`. */
export async function signUp(url: string, email: string, name = 'user'): Promise<Account> {
	const res = await fetch(`${url}/api/auth/sign-up/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: new URL(url).origin },
		body: JSON.stringify({ email, password: 'a long password', name })
	});
	if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
	const { user } = (await res.json()) as { user: { id: string } };
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.includes('session_token'));
	if (!cookie) throw new Error('sign-up set no session cookie');
	const browser = createTailorClient({ url, fetch: browserFetch(url, cookie) });
	const key = await browser.apiKeys.create.mutate({ name: 'harness' });
	return {
		userId: user.id,
		email,
		cookie,
		apiKey: key.key,
		apiKeyId: key.id,
		client: createTailorClient({ url, apiKey: key.key }),
		browser
	};
}

export const client = (slot: WebSlot, account: Account) =>
	createTailorClient({ url: slot.url, apiKey: account.apiKey });

/**
 * `n` users signed up with the fixture record imported, user i on web process i mod the number
 * of web processes (its "home"); returns them with the fixture posting.
 */
export async function usersWithRecords(slots: WebSlot[], n: number, prefix: string) {
	const { career, posting } = await fixtures();
	const accounts = await inPool(range(n), 4, async (i) => {
		const slot = slots[i % slots.length]!;
		const account = await signUp(slot.url, `${prefix}-${i}-${process.pid}@example.com`);
		await client(slot, account).career.importJsonResume.mutate({ resume: career });
		return account;
	});
	return { accounts, posting };
}

/** The project's fixture record (33 claims) and posting (11 requirements). */
export async function fixtures() {
	const dir = path.join(root, 'tests/fixtures');
	return {
		career: JSON.parse(await readFile(path.join(dir, 'careers/ines-varga.json'), 'utf8')) as Record<
			string,
			unknown
		>,
		posting: await readFile(path.join(dir, 'postings/tern-senior-data-scientist.txt'), 'utf8')
	};
}

/** What one subscriber to `jobs.onProgress` received. */
export type Stream = {
	jobId: string;
	web: string;
	/** Event ids in the order they arrived. */
	ids: string[];
	/** Connections the client made (its own reconnects included). */
	connections: number;
	/** When the first connection was established (Date.now()). */
	connectedAt: number | null;
	/** Subscriptions opened again with the last event id after the client gave up on one. */
	resubscribed: number;
	/** The server ended the stream (after the terminal event). */
	ended: boolean;
	error: string | null;
	done: Promise<void>;
	stop(): void;
};

/**
 * Follows a job's events to their end. The tRPC client reconnects by itself with the last event
 * id; if it gives up (an error while a web process restarts), the stream is opened again from
 * the last id received, as the README tells API clients to do.
 */
export function follow(
	slot: WebSlot,
	tailor: TailorClient,
	jobId: string,
	onEvent?: (e: JobProgress, stream: Stream) => void
): Stream {
	let settle!: () => void;
	const stream: Stream = {
		jobId,
		web: slot.url,
		ids: [],
		connections: 0,
		connectedAt: null,
		resubscribed: 0,
		ended: false,
		error: null,
		done: new Promise<void>((resolve) => (settle = resolve)),
		stop: () => {
			current.unsubscribe();
			settle();
		}
	};
	const open = (lastEventId?: string) =>
		tailor.jobs.onProgress.subscribe(lastEventId ? { jobId, lastEventId } : { jobId }, {
			onStarted: () => {
				stream.connections++;
				stream.connectedAt ??= Date.now();
			},
			onData: (e) => {
				stream.ids.push(e.id);
				onEvent?.(e, stream);
			},
			onComplete: () => {
				stream.ended = true;
				settle();
			},
			onError: (error) => {
				if (isConnectionError(error) && stream.resubscribed < 20) {
					stream.resubscribed++;
					void slot.ready.then(() => (current = open(stream.ids.at(-1))));
					return;
				}
				stream.error = error instanceof Error ? error.message : String(error);
				settle();
			}
		});
	let current = open();
	return stream;
}

/** On Ctrl-C or SIGTERM: `cleanup` (stop the processes and the database), then exit 130. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
	const stop = () => {
		console.log('Interrupted: stopping the processes and the database');
		void cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return () => {
		process.off('SIGINT', stop);
		process.off('SIGTERM', stop);
	};
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
	const out: R[] = new Array(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
	return out;
}

/** 0, 1, … n − 1. */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A whole-number command-line option `--name N`, at least `min`; `fallback` when absent. */
export function cliOption(name: string, fallback: number, min = 0): number {
	const i = process.argv.indexOf(`--${name}`);
	if (i < 0) return fallback;
	const n = Number(process.argv[i + 1]);
	if (!Number.isInteger(n) || n < min) throw new Error(`--${name} expects a whole number ≥ ${min}`);
	return n;
}
