// npm run bench:queue — measures the job engine on an embedded PostgreSQL (see README, Benchmarks).
import { randomUUID } from 'node:crypto';
import { users } from '../../src/lib/server/db/schema';
import { JobEngine } from '../../src/lib/server/jobs/engine';
import { EVENTS_CHANNEL } from '../../src/lib/server/jobs/events';
import { addHighlight } from '../../src/lib/server/jobs/sql/fenced-event';
import { createLogger } from '../../src/lib/server/log';
import { noopPipeline, pickupPipeline } from './pipelines';
import { startPostgres } from '../harness/cluster';
import { cpuMs, postgresCpuMs } from '../harness/measure';
import { startWorker } from '../harness/processes';
import { round, summary } from '../harness/stats';

const PICKUP_JOBS = 300;
const BASELINE_JOBS = 25;
const THROUGHPUT_JOBS = 10_000;
const EVENTS = 500;

const log = createLogger('warn');
// The same server `npm start` runs, with its default settings: durable commits, `fsync` on.
const pg = await startPostgres('bench-queue');
const say = (line: string) => console.log(line);

/** A migrated database of its own for one measurement, with one user. */
async function database(name: string) {
	const d = await pg.createDatabase(name);
	const userId = randomUUID();
	await d.db.insert(users).values({ id: userId, name: 'bench', email: `${userId}@example.com` });
	return { ...d, userId };
}

let lastEnqueueToStart = summary([]);

/**
 * Pickup latency: from the enqueue transaction's commit (the job exists) to its first step
 * starting (after its claim and phase), one job at a time on an idle worker. The enqueue call →
 * step start figure is kept too.
 */
async function pickup(listenNotify: boolean, jobs: number, jitterMs: number) {
	const d = await database(listenNotify ? 'bench_pickup' : 'bench_baseline');
	// The step may start before enqueue's promise resumes this code: either side can come first.
	const starts = new Map<string, number>();
	const waiting = new Map<string, (t: number) => void>();
	const pipeline = pickupPipeline((id) => {
		const t = performance.now();
		const waiter = waiting.get(id);
		if (waiter) waiter(t);
		else starts.set(id, t);
	});
	const engine = await JobEngine.start({
		url: d.url,
		db: d.db,
		sql: d.sql,
		log,
		pipelines: [pipeline],
		queue: { retries: 0, listenNotify, spies: true },
		worker: true,
		concurrency: 1
	});
	const pickups: number[] = [];
	const totals: number[] = [];
	for (let i = 0; i < jobs + 5; i++) {
		// The baseline polls every 2 s: a random gap spreads arrivals over the polling cycle.
		if (jitterMs) await new Promise((r) => setTimeout(r, Math.random() * jitterMs));
		const t0 = performance.now();
		const job = await engine.enqueue({ userId: d.userId, type: pipeline.name });
		const committed = performance.now();
		const started =
			starts.get(job.id) ?? (await new Promise<number>((r) => waiting.set(job.id, r)));
		// Idle means idle: the next job is sent once this one is settled in pg-boss too.
		await engine.boss.getSpy(pipeline.name).waitForJobWithId(job.id, 'completed');
		if (i < 5) continue; // the first few warm the connections
		pickups.push(Math.max(0, started - committed));
		totals.push(started - t0);
	}
	const latencies = pickups;
	lastEnqueueToStart = summary(totals);
	await engine.stop(5_000);
	await d.close();
	return summary(latencies);
}

/**
 * No-op jobs per second through `workers` separate worker processes. The workers start first and
 * wait, idle; then the whole backlog is enqueued in one transaction, whose commit starts the clock,
 * so every worker takes part from the first job on and no worker's start-up is timed.
 */
async function throughput(workers: number) {
	const d = await database(`bench_throughput_${workers}`);
	// The engine creates the queues; this process only enqueues.
	const producer = await JobEngine.start({
		url: d.url,
		db: d.db,
		sql: d.sql,
		log,
		pipelines: [noopPipeline],
		queue: { retries: 0 },
		worker: false
	});
	const procs = await Promise.all(
		Array.from({ length: workers }, () =>
			startWorker(
				// Four fetch loops of 50 jobs each (see noopPipeline).
				{ DATABASE_URL: d.url, WORKER_CONCURRENCY: '200', DB_POOL_SIZE: '20' },
				'tools/bench/queue-worker.ts'
			)
		)
	);
	let done = 0;
	let finished!: () => void;
	const allDone = new Promise<void>((r) => (finished = r));
	const listener = await d.sql.listen(EVENTS_CHANNEL, (message) => {
		// Only terminal events are parsed: the pending and processing ones are most of the traffic.
		if (!message.includes('"completed"')) return;
		const event = JSON.parse(message) as { type: string; payload?: { status?: string } };
		if (event.type === 'status' && event.payload?.status === 'completed') {
			if (++done === THROUGHPUT_JOBS) finished();
		}
	});
	const requests = Array.from({ length: THROUGHPUT_JOBS }, () => ({ userId: d.userId }));
	await d.db.transaction((tx) =>
		Promise.all(requests.map((r) => producer.enqueue({ ...r, type: noopPipeline.name }, tx)))
	);
	const started = performance.now();
	// From the commit on: the enqueueing itself is not the workers' cost.
	const cpu0 = {
		workers: await Promise.all(procs.map((p) => cpuMs(p.pid))),
		pg: await postgresCpuMs(pg.dataDir)
	};
	await allDone;
	const seconds = (performance.now() - started) / 1000;
	const cpu1 = await Promise.all(procs.map((p) => cpuMs(p.pid)));
	const workerMs = cpu1.reduce((sum, ms, i) => sum + ms - cpu0.workers[i]!, 0);
	const pgMs = (await postgresCpuMs(pg.dataDir)) - cpu0.pg;
	// Which process ran each job, from the `processing` events (their payload names the worker).
	const shares = await d.sql<{ jobs: number }[]>`
		select count(*)::int as jobs from job_events
		where type = 'status' and payload->>'status' = 'processing'
		group by payload->>'worker' order by 1 desc`;
	await Promise.all(procs.map((p) => p.stop()));
	await listener.unlisten();
	await producer.stop(5_000);
	await d.close();
	return {
		jobsPerSec: round(THROUGHPUT_JOBS / seconds, 0),
		jobsPerWorker: shares.map((r) => r.jobs),
		workerCpuMsPerJob: round(workerMs / THROUGHPUT_JOBS, 3),
		pgCpuMsPerJob: round(pgMs / THROUGHPUT_JOBS, 3)
	};
}

/** A highlight as a worker writes it (one statement: row lock, insert + NOTIFY) → a subscriber in another connection receives it. */
async function eventLatency() {
	const d = await database('bench_events');
	const engine = await JobEngine.start({
		url: d.url,
		db: d.db,
		sql: d.sql,
		log,
		pipelines: [],
		queue: { retries: 0 },
		worker: false
	});
	// A job row to hang events on (no worker runs it), running under attempt 1.
	const [row] = await d.sql`insert into document_jobs (user_id, job_type, status, attempt)
		values (${d.userId}, 'bench-events', 'processing', 1) returning id`;
	const jobId = row!.id as string;
	const sent = new Map<number, number>();
	const latencies: number[] = [];
	const stream = (async () => {
		for await (const e of engine.events(jobId)) {
			const t0 = sent.get(Number(e.payload.text));
			if (t0 !== undefined) latencies.push(performance.now() - t0);
			if (latencies.length === EVENTS) return;
		}
	})();
	for (let n = 0; n < EVENTS; n++) {
		sent.set(n, performance.now());
		await addHighlight(d.db, jobId, 1, String(n));
		if (n % 50 === 0) await new Promise((r) => setImmediate(r));
	}
	await stream;
	await engine.stop(5_000);
	await d.close();
	return summary(latencies);
}

try {
	say(`Job engine benchmark on embedded PostgreSQL (${pg.dataDir})`);
	const pick = await pickup(true, PICKUP_JOBS, 0);
	const whole = lastEnqueueToStart;
	say(
		`(a) pickup latency, LISTEN/NOTIFY: p50 ${pick.p50} ms, p99 ${pick.p99} ms over ${pick.n} jobs`
	);
	say(
		`    enqueue call → first step start (includes the enqueue transaction): p50 ${whole.p50} ms, p99 ${whole.p99} ms`
	);
	const one = await throughput(1);
	say(
		`(b) no-op jobs/s, 1 worker process: ${one.jobsPerSec} (CPU per job: worker ${one.workerCpuMsPerJob} ms, PostgreSQL ${one.pgCpuMsPerJob} ms)`
	);
	const two = await throughput(2);
	say(
		`(b) no-op jobs/s, 2 worker processes: ${two.jobsPerSec} (CPU per job: workers ${two.workerCpuMsPerJob} ms, PostgreSQL ${two.pgCpuMsPerJob} ms; jobs per worker: ${two.jobsPerWorker.join(' / ')})`
	);
	const ev = await eventLatency();
	say(
		`(c) event latency append → subscriber: p50 ${ev.p50} ms, p99 ${ev.p99} ms over ${ev.n} events`
	);
	const base = await pickup(false, BASELINE_JOBS, 2000);
	const baseWhole = lastEnqueueToStart;
	say(
		`(d) baseline pickup latency, pg-boss default polling: p50 ${base.p50} ms, p99 ${base.p99} ms over ${base.n} jobs`
	);
	say(
		JSON.stringify({
			pickupP50Ms: pick.p50,
			pickupP99Ms: pick.p99,
			jobsPerSec1: one.jobsPerSec,
			jobsPerSec2: two.jobsPerSec,
			eventP50Ms: ev.p50,
			eventP99Ms: ev.p99,
			baselinePickupP50Ms: base.p50,
			enqueueToStartP50Ms: whole.p50,
			baselineEnqueueToStartP50Ms: baseWhole.p50,
			workerCpuMsPerJob1: one.workerCpuMsPerJob,
			pgCpuMsPerJob1: one.pgCpuMsPerJob,
			workerCpuMsPerJob2: two.workerCpuMsPerJob,
			pgCpuMsPerJob2: two.pgCpuMsPerJob
		})
	);
} finally {
	await pg.stop();
}
process.exit(0);
