// Shared by `npm run chaos` and `npm run scale-out`: an embedded PostgreSQL, the built web app and
// worker processes as real child processes, and API clients that follow job streams.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import {
	createTailorClient,
	TRPCClientError,
	type JobProgress,
	type TailorClient
} from '../lib/client';
import { createDb, type Sql } from '../lib/server/db/client';
import { freePort, startEmbeddedPostgres } from '../lib/server/db/embedded';
import { runMigrations } from '../lib/server/db/migrate';
import type { Account } from './bench-procs';

export const root = path.resolve(import.meta.dirname, '../..');
const nodeBin = path.join(root, 'node_modules/.bin/node');

/** The id the job runner writes into a claim event's `worker` field for a process on this host. */
export const workerId = (pid: number) => `${hostname()}:${pid}`;

export const say = (line: string) => console.log(line);

/** Limits that would otherwise turn a load test into a test of the limits. */
export const UNLIMITED_API = {
	TAILOR_RATE_LIMIT_POINTS: '1000000',
	TAILOR_RATE_LIMIT_WINDOW_S: '1',
	TAILOR_MONTHLY_LIMIT: '1000000',
	TAILOR_SSE_MAX_STREAMS: '1000000',
	// Every account is signed up from this machine's one address.
	TAILOR_AUTH_ADDRESS_POINTS: '1000000'
};

export type Database = { url: string; sql: Sql; close(): Promise<void> };

/** An embedded PostgreSQL in a temporary directory with one migrated database. */
export async function startDatabase(name: string): Promise<Database> {
	const dir = await mkdtemp(path.join(tmpdir(), `tailor-${name}-`));
	const pg = await startEmbeddedPostgres({
		dataDir: dir,
		// A throwaway server: durability against a crash of PostgreSQL itself is not under test.
		settings: { max_connections: '400', fsync: 'off' }
	});
	const admin = createDb(pg.url, { max: 1 });
	await admin.sql.unsafe(`create database ${name}`);
	await admin.sql.end();
	const u = new URL(pg.url);
	u.pathname = `/${name}`;
	const url = u.toString();
	const { sql, db } = createDb(url, { max: 6, name: `tailor-${name}` });
	await runMigrations(sql, db);
	return {
		url,
		sql,
		async close() {
			await sql.end({ timeout: 5 });
			await pg.stop();
			await rm(dir, { recursive: true, force: true });
		}
	};
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

export type Child = {
	name: string;
	child: ChildProcess;
	pid: number;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** The last lines it wrote (stdout and stderr), for a report when something goes wrong. */
	tail(): string;
	/** Sends `signal` and resolves once the process has exited. */
	kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Spawns a process and resolves once a stdout line matches `ready` (rejects if it exits first). */
async function spawnUntil(
	name: string,
	args: string[],
	env: Record<string, string>,
	ready: (line: string) => boolean
): Promise<Child> {
	const child = spawn(nodeBin, args, {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const lines: string[] = [];
	const keep = (line: string) => {
		lines.push(line);
		if (lines.length > 60) lines.shift();
	};
	createInterface({ input: child.stderr! }).on('line', keep);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	const handle: Child = {
		name,
		child,
		pid: child.pid!,
		exited,
		tail: () => lines.join('\n'),
		async kill(signal) {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
	await new Promise<void>((resolve, reject) => {
		createInterface({ input: child.stdout! }).on('line', (line) => {
			keep(line);
			if (ready(line)) resolve();
		});
		void exited.then(({ code, signal }) =>
			reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${handle.tail()}`))
		);
	});
	return handle;
}

/** A web process of the built app (`npm start`'s server without its build step). */
export function startWeb(options: {
	buildDir: string;
	databaseUrl: string;
	port: number;
	env?: Record<string, string>;
}): Promise<Child> {
	return spawnUntil(
		`web :${options.port}`,
		[path.join(options.buildDir, 'index.js')],
		{
			NODE_ENV: 'production',
			PORT: String(options.port),
			ORIGIN: `http://localhost:${options.port}`,
			BODY_SIZE_LIMIT: '1M',
			DATABASE_URL: options.databaseUrl,
			WORKER: 'off',
			LOG_LEVEL: 'warn',
			...UNLIMITED_API,
			...options.env
		},
		(line) => line.startsWith('Listening on')
	);
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

/**
 * A worker process: `entry` is `src/worker.ts` (npm run worker), run with tsx, or a bundle of a
 * bench entry that wraps it (see `bundleWorker`).
 */
export function startWorker(options: {
	entry: string;
	databaseUrl: string;
	env?: Record<string, string>;
}): Promise<Child> {
	return spawnUntil(
		'worker',
		options.entry.endsWith('.ts') ? ['--import', 'tsx', options.entry] : [options.entry],
		{ DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'info', ...options.env },
		(line) => line.includes('"worker ready"')
	);
}

export { freePort };

/**
 * A web process's address as clients see it. While the process restarts, `ready` is a pending
 * promise that resolves when the new process listens; calls that fail to connect wait for it.
 */
export class WebSlot {
	ready: Promise<void> = Promise.resolve();
	private open: (() => void) | null = null;
	constructor(
		readonly url: string,
		public proc: Child
	) {}

	get port() {
		return Number(new URL(this.url).port);
	}

	/** From now on, failed connections wait for `up()`. */
	down() {
		this.ready = new Promise((resolve) => (this.open = resolve));
	}

	up(proc: Child) {
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

// Sign-up over HTTP with an API key, as the other benchmarks do it.
export { signUp, type Account } from './bench-procs';

export const client = (slot: WebSlot, account: Account) =>
	createTailorClient({ url: slot.url, apiKey: account.apiKey });

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
export function onInterrupt(cleanup: () => Promise<void>) {
	const stop = () => {
		say('Interrupted: stopping the processes and the database');
		void cleanup().finally(() => process.exit(130));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

/** `n` times `fn`, at most `width` at once. */
export async function inParallel<T>(n: number, width: number, fn: (i: number) => Promise<T>) {
	const out: T[] = new Array<T>(n);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(n, width) }, async () => {
			while (next < n) {
				const i = next++;
				out[i] = await fn(i);
			}
		})
	);
	return out;
}
