// `npm run bench` (c): many `jobs.onProgress` subscribers on one web process.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../src/lib/server/db/client';
import { completeJob } from '../../src/lib/server/jobs/sql/complete';
import { addHighlight } from '../../src/lib/server/jobs/sql/fenced-event';
import { insertJobs } from '../../src/lib/server/jobs/sql/insert-jobs';
import type { ClientMessage, ClientReply } from './sse-client';
import { inPool } from '../harness/cluster';
import { cpuMs, heapAfterGc, rssBytes } from '../harness/measure';
import { root, type Web } from '../harness/processes';

const now = () => performance.timeOrigin + performance.now();

type Client = {
	child: ChildProcess;
	/** This client's clock minus ours, in ms. */
	offset: number;
	next(type: ClientReply['type'], round?: number): Promise<ClientReply>;
	send(message: ClientMessage): void;
};

async function startClient(): Promise<Client> {
	const child = fork(path.join(root, 'tools/bench/sse-client.ts'), [], {
		cwd: root,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const waiting: { type: string; round?: number; resolve: (r: ClientReply) => void }[] = [];
	const early: ClientReply[] = [];
	let exited: Error | null = null;
	const rejecters = new Set<(e: Error) => void>();
	const roundOf = (r: ClientReply) => ('round' in r ? r.round : undefined);
	child.on('message', (reply: ClientReply) => {
		const i = waiting.findIndex((w) => w.type === reply.type && w.round === roundOf(reply));
		if (i >= 0) waiting.splice(i, 1)[0]!.resolve(reply);
		else early.push(reply);
	});
	child.once('exit', (code) => {
		exited = new Error(`SSE client exited with ${code}`);
		for (const reject of rejecters) reject(exited);
	});
	const client: Client = {
		child,
		offset: 0,
		send: (m) => child.send(m),
		next: (type, round) =>
			new Promise((resolve, reject) => {
				const i = early.findIndex((r) => r.type === type && roundOf(r) === round);
				if (i >= 0) return resolve(early.splice(i, 1)[0]!);
				if (exited) return reject(exited);
				rejecters.add(reject);
				waiting.push({
					type,
					round,
					resolve: (r) => {
						rejecters.delete(reject);
						resolve(r);
					}
				});
			})
	};
	// Clock offset, NTP-style: of several round trips over IPC, the fastest bounds the error best.
	let best = Infinity;
	for (let i = 0; i < 30; i++) {
		const t1 = now();
		client.send({ type: 'clock', t: t1 });
		const reply = (await client.next('clock')) as Extract<ClientReply, { type: 'clock' }>;
		const t3 = now();
		if (t3 - t1 < best) {
			best = t3 - t1;
			client.offset = reply.c - (t1 + t3) / 2;
		}
	}
	return client;
}

type BenchJob = { id: string; userId: string };

/**
 * Jobs that no worker runs, written as the job engine writes them (the row and its `pending`
 * event), then marked running under attempt 1 without an event: the bench writes their events
 * itself, with the statements a worker's attempt uses.
 */
async function makeJobs(db: Database, owners: string[], n: number) {
	const jobs = Array.from({ length: n }, (_, i) => ({
		id: randomUUID(),
		userId: owners[i % owners.length]!
	}));
	await inPool(jobs, 8, ({ id, userId }) =>
		insertJobs(db, [{ id, userId, jobType: 'bench-events', input: {}, opportunityId: null }])
	);
	await db.$client`update document_jobs set status = 'processing', attempt = 1
		where id = any(${jobs.map((j) => j.id)}::uuid[])`;
	return jobs;
}

/**
 * Writes one event as a worker does (a highlight, or the completion with its terminal event; one
 * statement each), stamped with the time the write began (the highlight's text, the summary's
 * `sentAt`), and returns how late that was against the schedule.
 */
async function append(db: Database, jobId: string, terminal: boolean, due: number) {
	const sentAt = now();
	if (terminal) await completeJob(db, jobId, 1, { sentAt });
	else await addHighlight(db, jobId, 1, String(sentAt));
	return sentAt - due;
}

/**
 * Appends `events` events round-robin over `jobs` at `rate` per second on a fixed clock (open
 * loop), then each job's terminal event at the same rate. Returns how late each append began.
 */
async function appendAtRate(db: Database, jobs: BenchJob[], events: number, rate: number) {
	const plan = [
		...Array.from({ length: events }, (_, i) => ({ jobId: jobs[i % jobs.length]!.id, end: false })),
		...jobs.map((j) => ({ jobId: j.id, end: true }))
	];
	const interval = 1000 / rate;
	const start = now() + 20;
	const writes: Promise<number>[] = [];
	let next = 0;
	await new Promise<void>((resolve) => {
		const tick = () => {
			const t = now();
			while (next < plan.length && start + next * interval <= t) {
				const { jobId, end } = plan[next]!;
				writes.push(append(db, jobId, end, start + next * interval));
				next++;
			}
			if (next === plan.length) resolve();
			else setTimeout(tick, Math.max(0, start + next * interval - now()));
		};
		tick();
	});
	return Promise.all(writes);
}

export type SseResult = {
	subscribers: number;
	events: number;
	latencies: number[];
	missing: number;
	errors: string[];
	rssBefore: number;
	rssAfter: number;
	heapBefore: number;
	heapAfter: number;
	clockOffsets: number[];
	/** How late appends began against their schedule (the appender's own lag), ms. */
	appendLag: number[];
	/** The web process's CPU time over the event phase, as a share of one core. */
	webCpuShare: number;
};

/**
 * `subscribers` idle streams on one web process from `clientCount` client processes: memory before
 * and after they are open, then event latency from append to receipt while `events` events are
 * appended at `rate` per second.
 */
export async function sseBench(options: {
	web: Web;
	db: Database;
	accounts: { userId: string; apiKey: string }[];
	subscribers: number;
	clientCount: number;
	events: number;
	rate: number;
	warmup: number;
}): Promise<SseResult> {
	const { web, db, accounts } = options;
	const keyOf = new Map(accounts.map((a) => [a.userId, a.apiKey]));
	const owners = accounts.map((a) => a.userId);
	const clients = await Promise.all(
		Array.from({ length: options.clientCount }, () => startClient())
	);
	let round = 0;
	/** Opens one subscription per job, spread over the clients; resolves when all are replaying. */
	const openAll = async (jobs: BenchJob[]) => {
		round++;
		const shares = clients.map((_, c) =>
			jobs
				.filter((_, i) => i % clients.length === c)
				.map((j) => ({ jobId: j.id, apiKey: keyOf.get(j.userId)! }))
		);
		const done = clients.map((c) => c.next('done', round));
		const ready = clients.map((c) => c.next('ready', round));
		clients.forEach((c, i) => c.send({ type: 'open', round, url: web.url, subs: shares[i]! }));
		await Promise.all(ready);
		return done as Promise<Extract<ClientReply, { type: 'done' }>>[];
	};
	try {
		// Warm-up: the same path once with a few streams, so the baseline is taken on a warm process.
		const warm = await makeJobs(db, owners, options.warmup);
		const warmDone = await openAll(warm);
		await appendAtRate(db, warm, options.warmup, options.rate);
		await Promise.all(warmDone);

		const inspector = await web.inspectorUrl();
		const heapBefore = (await heapAfterGc(inspector)).heapUsed;
		const rssBefore = await rssBytes(web.pid);

		const jobs = await makeJobs(db, owners, options.subscribers);
		const done = await openAll(jobs);
		const heapAfter = (await heapAfterGc(inspector)).heapUsed;
		const rssAfter = await rssBytes(web.pid);

		const cpu0 = await cpuMs(web.pid);
		const t0 = now();
		const appendLag = await appendAtRate(db, jobs, options.events, options.rate);
		const results = await Promise.all(done);
		const webCpuShare = ((await cpuMs(web.pid)) - cpu0) / (now() - t0);
		const latencies = results.flatMap((r, i) => r.latencies.map((l) => l - clients[i]!.offset));
		// Each stream gets its replayed `pending` event, its share of the events and its terminal one.
		const expected = options.subscribers * 2 + options.events;
		const received = results.reduce((n, r) => n + r.received, 0);
		return {
			subscribers: options.subscribers,
			events: options.events + options.subscribers,
			latencies,
			missing: expected - received,
			errors: results.flatMap((r) => r.errors),
			rssBefore,
			rssAfter,
			heapBefore,
			heapAfter,
			clockOffsets: clients.map((c) => c.offset),
			appendLag,
			webCpuShare
		};
	} finally {
		for (const c of clients) c.child.kill('SIGTERM');
	}
}
