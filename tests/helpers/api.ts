import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import {
	TRPCClientError,
	type AppRouter,
	type JobProgress,
	type TailorClient
} from '../../src/lib/client';
import { isTerminalStatus } from '../../src/lib/schemas/jobs';
import { signUp as signUpOverHttp, type Account } from '../../tools/harness/cluster';
import { root, startWorker } from '../../tools/harness/processes';
import { testDatabase, type TestDatabase } from './db';
import { startServer, type RunningServer } from './server';

export { browserFetch, type Account } from '../../tools/harness/cluster';

export const inesResume = JSON.parse(
	readFileSync(path.join(root, 'tests/fixtures/careers/ines-varga.json'), 'utf8')
) as Record<string, unknown>;
export const ternPosting = readFileSync(
	path.join(root, 'tests/fixtures/postings/tern-senior-data-scientist.txt'),
	'utf8'
);

export type ApiServer = {
	t: TestDatabase;
	server: RunningServer;
	url: string;
	/** Stops the server (SIGTERM, expecting exit 0) and starts it again on the same port. */
	restart(): Promise<void>;
};

/** Cleanups of the servers this test file started (registered once, at import). */
const cleanups = new Set<() => Promise<void>>();
afterAll(async () => {
	await Promise.all([...cleanups].map((cleanup) => cleanup()));
	cleanups.clear();
});

/** The built app on a fresh database of its own, stopped after the file's tests. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiServer> {
	const t = await testDatabase();
	const dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-api-'));
	const settings = { DATABASE_URL: t.url, DATA_DIR: dataDir, ...env };
	const server = await startServer(settings);
	const api: ApiServer = {
		t,
		server,
		url: server.url,
		async restart() {
			expect(await api.server.stop()).toBe(0);
			api.server = await startServer({ ...settings, PORT: new URL(api.url).port });
		}
	};
	// (A hook registered from inside a beforeAll would never run: the server would outlive the file.)
	cleanups.add(async () => {
		await api.server.stop();
		await rm(dataDir, { recursive: true, force: true });
	});
	return api;
}

let accounts = 0;

/** Signs up over HTTP as the browser does, then makes an API key with `apiKeys.create`. */
export function signUp(url: string, name = 'user'): Promise<Account> {
	return signUpOverHttp(url, `${name}-${++accounts}-${process.pid}@example.com`, name);
}

/** The tRPC error code (and data) a call fails with; fails the test if it succeeds. */
export async function failure(call: Promise<unknown>) {
	try {
		await call;
	} catch (error) {
		if (error instanceof TRPCClientError) {
			const e = error as TRPCClientError<AppRouter>;
			return { code: e.data?.code, data: e.data, message: e.message, status: e.data?.httpStatus };
		}
		throw error;
	}
	throw new Error('expected the call to fail');
}

type Tracked = JobProgress;

export type Progress = {
	events: Tracked[];
	/** Resolves when the server ends the stream (after the terminal event). */
	done: Promise<Tracked[]>;
	/** Connections the client made (reconnects included). */
	connections: () => number;
	unsubscribe: () => void;
};

/**
 * Subscribes to `jobs.onProgress`. `onEvent` may return true to drop the subscription there, as
 * a closed tab or a lost network does.
 */
export function watch(
	client: TailorClient,
	input: { jobId: string; lastEventId?: string },
	hooks: { onEvent?: (e: Tracked) => boolean | void; onConnect?: (n: number) => void } = {}
): Progress {
	const events: Tracked[] = [];
	let connections = 0;
	let settle!: { resolve: (e: Tracked[]) => void; reject: (e: unknown) => void };
	const done = new Promise<Tracked[]>((resolve, reject) => (settle = { resolve, reject }));
	const sub = client.jobs.onProgress.subscribe(input, {
		onStarted: () => hooks.onConnect?.(++connections),
		onData: (e) => {
			events.push(e);
			if (hooks.onEvent?.(e)) {
				sub.unsubscribe();
				settle.resolve(events);
			}
		},
		onError: (err) => settle.reject(err),
		onComplete: () => settle.resolve(events)
	});
	return { events, done, connections: () => connections, unsubscribe: () => sub.unsubscribe() };
}

export const isTerminal = (e: Tracked) =>
	e.data.type === 'status' && isTerminalStatus(e.data.payload.status);

/** Every event of the job, from its start until the stream ends. */
export const allEvents = (client: TailorClient, jobId: string) => watch(client, { jobId }).done;

/** Waits for a job to finish by following its stream (no polling), then returns the job. */
export async function finished(client: TailorClient, jobId: string) {
	await allEvents(client, jobId);
	return client.jobs.get.query({ jobId });
}

/**
 * The product's worker process (`npm run worker`'s entry) on the server's database, for tests
 * that decide when jobs start running. The caller stops it.
 */
export async function startProductWorker(databaseUrl: string): Promise<ChildProcess> {
	return (await startWorker({ DATABASE_URL: databaseUrl })).child;
}
