// npm run bench — the product measured end to end on an embedded PostgreSQL, one machine (see
// docs/BENCHMARKS.md): (a) cached tailor latency over HTTP at a fixed rate, (b) tailor jobs per
// minute with 1 and 2 worker processes, (c) many live progress subscribers on one web process,
// (d) the job runner's overhead per step. Readable figures, then one JSON line.
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { isTerminalEvent } from '../../src/lib/schemas/jobs';
import { createDb } from '../../src/lib/server/db/client';
import { startTailor } from '../../src/lib/server/domain/tailor';
import { JobEngine } from '../../src/lib/server/jobs/engine';
import {
	EVENTS_CHANNEL,
	isPartial,
	parseEvent,
	readEvents
} from '../../src/lib/server/jobs/events';
import { createLogger } from '../../src/lib/server/log';
import {
	cachedTailorLatencyApart,
	startStandIn,
	type CachedResult,
	type CachedTarget
} from './cached';
import { fixtures, inPool, range, signUp, startPostgres, type Account } from '../harness/cluster';
import { cpuMs, machineCpu, machineLoad, postgresCpuMs } from '../harness/measure';
import { startWeb, startWorker, type Proc } from '../harness/processes';
import { sseBench } from './sse';
import { FEW_STEPS, MANY_STEPS, fewStepsPipeline, manyStepsPipeline, stepPipelines } from './steps';
import { percentile, round, summary } from '../harness/stats';

const USERS = 20;
const JOBS_PER_RUN = 100;
const WARMUP_JOBS = 8;
const CACHED_RATE = 200;
const CACHED_SECONDS = 15;
const CACHED_WARMUP_SECONDS = 3;
// (a) alternates the product and a stand-in server in this many segments of each, each segment
// with its own short warm-up (a new load-generator process opening its connections).
const CACHED_ROUNDS = 5;
const SEGMENT_WARMUP_SECONDS = 0.5;
const SUBSCRIBERS = 1000;
const SSE_CLIENTS = 4;
const SSE_EVENTS = 2000;
// About twice the event rate of the workers at full throughput here (~20 events per tailor job).
const SSE_RATE = 200;
const STEP_JOBS = 20;
const SEQUENTIAL_TAILOR_JOBS = 10;

const say = (line: string) => console.log(line);
const began = performance.now();
const elapsed = () => `${round((performance.now() - began) / 1000, 0)} s`;

// The API's per-caller rate limit (TAILOR_RATE_LIMIT_POINTS per TAILOR_RATE_LIMIT_WINDOW_S, 300
// per 10 s by default) would refuse a bench client's 200 requests per second: it is raised here,
// and so are the monthly allowance of profiles per user, which the job runs would use up, and the
// live streams per caller (TAILOR_SSE_MAX_STREAMS, 20): (c) opens 50 per API key.
const benchSettings = {
	TAILOR_RATE_LIMIT_POINTS: '1000000',
	TAILOR_RATE_LIMIT_WINDOW_S: '1',
	TAILOR_MONTHLY_LIMIT: '100000',
	TAILOR_SSE_MAX_STREAMS: '100000'
};

say('Tailor benchmark: the built app on an embedded PostgreSQL, on this machine');
if (buildIfStale({ quiet: true })) say('(built the app first: its sources had changed)');
// The same server `npm start` runs, with its default settings: durable commits, `fsync` on.
const pg = await startPostgres('bench');
const dataDir = pg.dataDir;
const procs = new Set<Proc>();
const started = <T extends Proc>(p: T) => (procs.add(p), p);
const stop = async (p: Proc) => {
	procs.delete(p);
	const code = await p.stop();
	if (code !== 0) throw new Error(`process ${p.pid} exited with ${code}:\n${p.output()}`);
};

try {
	const env = { DATABASE_URL: pg.url, DATA_DIR: dataDir, ...benchSettings };
	const web = started(await startWeb({ ...env, WORKER: 'off' }, { traceGc: true }));
	const { sql, db } = createDb(pg.url, { max: 10, name: 'bench' });
	// Appends events as workers write them (asynchronous commit), with room for 200 appends/s.
	const events = createDb(pg.url, { max: 20, name: 'bench-events', asyncCommit: true });

	// Terminal status events, as every process sees them (LISTEN), to know when jobs end.
	const ended = new Map<string, string>();
	const waiters = new Map<string, () => void>();
	const onEnd = (jobId: string, status: string) => {
		ended.set(jobId, status);
		waiters.get(jobId)?.();
	};
	const listener = await sql.listen(EVENTS_CHANNEL, (message) => {
		const e = parseEvent(message);
		// Too large for NOTIFY: read the event back.
		const event = isPartial(e)
			? readEvents(db, e.jobId, e.id - 1).then((events) => events[0])
			: Promise.resolve(e);
		void event.then((ev) => {
			if (ev && ev.type === 'status' && isTerminalEvent(ev)) onEnd(ev.jobId, ev.payload.status);
		});
	});
	const finished = (jobId: string) =>
		new Promise<string>((resolve) => {
			if (ended.has(jobId)) return resolve(ended.get(jobId)!);
			waiters.set(jobId, () => {
				waiters.delete(jobId);
				resolve(ended.get(jobId)!);
			});
		});
	const expectCompleted = async (jobIds: string[]) => {
		const statuses = await Promise.all(jobIds.map(finished));
		const bad = statuses.filter((s) => s !== 'completed').length;
		if (bad) throw new Error(`${bad} of ${jobIds.length} tailor jobs did not complete`);
	};

	// Accounts, each with the project's fixture career record, and opportunities to tailor.
	const { career, posting } = await fixtures();
	const stamp = Date.now().toString(36);
	const accounts = await inPool(range(USERS), 4, (i) =>
		signUp(web.url, `bench-${stamp}-${i}@example.com`)
	);
	await inPool(accounts, 4, (a) => a.client.career.importJsonResume.mutate({ resume: career }));
	const needed = 2 * (WARMUP_JOBS + JOBS_PER_RUN);
	const opportunities = await inPool(
		Array.from({ length: needed }, (_, i) => accounts[i % USERS]!),
		8,
		async (account) => {
			const o = await account.client.opportunities.create.mutate({ description: posting });
			return { account, id: o.id };
		}
	);
	say(
		`Set-up: ${USERS} accounts (sign-up over HTTP, API keys), each with the fixture record; ${needed} opportunities [${elapsed()}]`
	);
	let taken = 0;
	const take = (n: number) => opportunities.slice(taken, (taken += n));

	/** Starts tailor jobs over HTTP (`opportunities.tailor`) and waits for them to complete. */
	const tailorAll = async (list: { account: Account; id: string }[]) => {
		const jobIds = await inPool(list, 8, async ({ account, id }) => {
			const r = await account.client.opportunities.tailor.mutate({ opportunityId: id });
			if (r.kind !== 'job') throw new Error('expected a tailor job');
			return r.jobId;
		});
		await expectCompleted(jobIds);
	};

	// (b) Jobs per minute: a batch of tailor jobs, from the first request to the last completion.
	const jobsPerMinute = async (workers: number) => {
		const ws = await Promise.all(
			Array.from({ length: workers }, async () => started(await startWorker(env)))
		);
		await tailorAll(take(WARMUP_JOBS)); // warms the worker processes, not timed
		const t0 = performance.now();
		await tailorAll(take(JOBS_PER_RUN));
		const minutes = (performance.now() - t0) / 60_000;
		await Promise.all(ws.map(stop));
		return round(JOBS_PER_RUN / minutes, 0);
	};
	const jobsPerMin1 = await jobsPerMinute(1);
	say(`(b) tailor jobs per minute, local engine, 1 worker process: ${jobsPerMin1} [${elapsed()}]`);
	const jobsPerMin2 = await jobsPerMinute(2);
	say(
		`(b) tailor jobs per minute, local engine, 2 worker processes: ${jobsPerMin2} [${elapsed()}]`
	);
	say(
		`    (${JOBS_PER_RUN} jobs per run over ${USERS} users; web WORKER=off + npm run worker processes)`
	);

	// (a) Cached tailor: every opportunity above now has its profile. The job runs above left
	// PostgreSQL maintenance to do (dirty pages, dead rows); it is done first so that it does not
	// land in this measurement of the read path.
	await sql`vacuum analyze`;
	await sql`checkpoint`;
	const targets: CachedTarget[] = opportunities.map((o) => ({
		apiKey: o.account.apiKey,
		opportunityId: o.id
	}));
	// The product's load alternates with the same load against a stand-in server that only spends
	// the web process's CPU per request and answers with the same bytes: both see the same minutes
	// of the host, and the stand-in's tail is what this host allows at that cost.
	const segment = (url: string, warmupSeconds: number) =>
		cachedTailorLatencyApart({
			url,
			targets,
			rate: CACHED_RATE,
			seconds: CACHED_SECONDS / CACHED_ROUNDS,
			warmupSeconds
		}).then((r) => {
			if (r.failures.length)
				throw new Error(`cached tailor failed ${r.failures.length} times: ${r.failures[0]}`);
			return r;
		});
	await segment(web.url, CACHED_WARMUP_SECONDS); // warms the web process, not counted
	// A real cached answer, for the stand-in to send.
	const sample = targets[0]!;
	const answer = await fetch(`${web.url}/api/trpc/opportunities.tailor`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${sample.apiKey}` },
		body: JSON.stringify({ json: { opportunityId: sample.opportunityId } })
	}).then((r) => r.text());
	const cpu0 = { web: await cpuMs(web.pid), pg: await postgresCpuMs(dataDir) };
	const machine0 = await machineCpu();
	const scavenges0 = web.scavenges.length;
	const product: CachedResult[] = [];
	const standInRuns: CachedResult[] = [];
	let standIn: Awaited<ReturnType<typeof startStandIn>> | undefined;
	const productRequests = () =>
		product.length * CACHED_RATE * (CACHED_SECONDS / CACHED_ROUNDS + SEGMENT_WARMUP_SECONDS);
	const webCpuSoFar = async () => ((await cpuMs(web.pid)) - cpu0.web) / productRequests();
	for (let i = 0; i < CACHED_ROUNDS; i++) {
		product.push(await segment(web.url, SEGMENT_WARMUP_SECONDS));
		standIn ??= await startStandIn({ cpuMs: await webCpuSoFar(), body: answer });
		standInRuns.push(await segment(standIn.url, SEGMENT_WARMUP_SECONDS));
	}
	await standIn?.stop();
	const machine = machineLoad(machine0, await machineCpu());
	const scavenges = web.scavenges.slice(scavenges0);
	const requests = productRequests();
	const webCpuPerRequest = round(await webCpuSoFar());
	const pgCpuPerRequest = round(((await postgresCpuMs(dataDir)) - cpu0.pg) / requests);
	const latencies = product.flatMap((r) => r.latencies);
	const c = summary(latencies);
	say(
		`(a) cached opportunities.tailor over HTTP at ${CACHED_RATE}/s (open loop): p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms, max ${round(Math.max(...latencies))} ms over ${c.n} requests [${elapsed()}]`
	);
	const f = summary(standInRuns.flatMap((r) => r.latencies));
	say(
		`    the same load against a stand-in server that only spends the web process's CPU per request, alternating with it (${CACHED_ROUNDS} × ${CACHED_SECONDS / CACHED_ROUNDS} s each): p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms (what this host allows)`
	);
	const lag = summary(product.flatMap((r) => r.sendLag));
	say(
		`    the machine meanwhile: cores ${machine.busyPercent}% busy, ${machine.stealPercent}% of their time taken by the hypervisor for other guests (steal)`
	);
	say(
		`    requests went out late (load generator's own delay, counted in the latency): p50 ${lag.p50} ms, p99 ${lag.p99} ms`
	);
	say(
		`    server CPU per request: web process ${webCpuPerRequest} ms, PostgreSQL ${pgCpuPerRequest} ms (at ${CACHED_RATE}/s, ${round((CACHED_RATE * (webCpuPerRequest + pgCpuPerRequest)) / 10, 0)}% of one core)`
	);
	const pauses = scavenges.map((g) => g.pauseMs);
	const perRequest = (key: 'allocatedBytes' | 'survivedBytes') =>
		round(scavenges.reduce((a, g) => a + g[key], 0) / requests / 1024, 1);
	say(
		`    young-generation collections in the web process: ${scavenges.length}, pause p50 ${round(percentile(pauses, 50))} ms, max ${round(Math.max(0, ...pauses))} ms; per request ${perRequest('allocatedBytes')} KB allocated, ${perRequest('survivedBytes')} KB still alive at the next collection`
	);
	await stop(web);

	// (c) Live progress subscribers on one fresh web process.
	const sseWeb = started(await startWeb({ ...env, WORKER: 'off' }, { inspect: true }));
	const sse = await sseBench({
		web: sseWeb,
		db: events.db,
		accounts,
		subscribers: SUBSCRIBERS,
		clientCount: SSE_CLIENTS,
		events: SSE_EVENTS,
		rate: SSE_RATE,
		warmup: 100
	});
	if (sse.errors.length) throw new Error(`subscriptions failed: ${sse.errors[0]}`);
	if (sse.missing) throw new Error(`${sse.missing} events were not received`);
	const ev = summary(sse.latencies);
	const kbPerSubscriber = round((sse.rssAfter - sse.rssBefore) / 1024 / SUBSCRIBERS, 1);
	const heapKbPerSubscriber = round((sse.heapAfter - sse.heapBefore) / 1024 / SUBSCRIBERS, 1);
	const mb = (b: number) => round(b / 1024 / 1024, 1);
	say(
		`(c) ${SUBSCRIBERS} jobs.onProgress subscribers on one web process (${SSE_CLIENTS} client processes): [${elapsed()}]`
	);
	say(
		`    event latency, append → received by the client: p50 ${ev.p50} ms, p95 ${ev.p95} ms, p99 ${ev.p99} ms over ${ev.n} events (${SSE_RATE} appends/s)`
	);
	say(
		`    web process memory, idle subscribers: RSS ${mb(sse.rssBefore)} → ${mb(sse.rssAfter)} MB (${kbPerSubscriber} KB each), V8 heap after GC ${mb(sse.heapBefore)} → ${mb(sse.heapAfter)} MB (${heapKbPerSubscriber} KB each)`
	);
	say(
		`    appends began late by p50 ${round(percentile(sse.appendLag, 50))} ms, p99 ${round(percentile(sse.appendLag, 99))} ms; the web process used ${round(sse.webCpuShare * 100, 0)}% of one core meanwhile`
	);
	say(
		`    client clock offsets (measured, corrected): ${sse.clockOffsets.map((o) => round(o, 3)).join(', ')} ms`
	);
	await stop(sseWeb);

	// (d) Orchestration overhead per step, from the database's own timestamps.
	const worker = started(await startWorker(env, 'tools/bench/worker.ts'));
	const engine = await JobEngine.start({
		url: pg.url,
		db,
		sql,
		log: createLogger('warn'),
		pipelines: stepPipelines,
		queue: { retries: 0 },
		worker: false
	});
	const owner = accounts[0]!.userId;
	const stepJobs: Record<string, string[]> = { few: [], many: [] };
	for (let i = 0; i < STEP_JOBS + 3; i++) {
		for (const [kind, pipeline] of [
			['few', fewStepsPipeline],
			['many', manyStepsPipeline]
		] as const) {
			const job = await engine.enqueue({ userId: owner, type: pipeline.name });
			await expectCompleted([job.id]);
			if (i >= 3) stepJobs[kind]!.push(job.id);
		}
	}
	const runtimes = async (ids: string[]) =>
		(
			await sql<{ ms: number }[]>`
				select extract(epoch from completed_at - started_at) * 1000 as ms
				from document_jobs where id = any(${sql.array(ids)}::uuid[])`
		).map((r) => Number(r.ms));
	const few = percentile(await runtimes(stepJobs.few!), 50);
	const many = percentile(await runtimes(stepJobs.many!), 50);
	const stepOverheadMs = round((many - few) / (MANY_STEPS - FEW_STEPS));
	say(
		`(d) runner overhead per step: ${stepOverheadMs} ms (median job ${round(many)} ms with ${MANY_STEPS} no-work steps, ${round(few)} ms with ${FEW_STEPS}; one job at a time) [${elapsed()}]`
	);
	// The same in real tailor jobs, one at a time: job time minus the steps' own time, per step.
	const tailorJobs: string[] = [];
	for (const o of opportunities.slice(0, SEQUENTIAL_TAILOR_JOBS)) {
		const r = await startTailor(db, engine, 1e9, o.account.userId, o.id, { regenerate: true });
		if (r.kind !== 'job') throw new Error('expected a tailor job');
		await expectCompleted([r.jobId]);
		tailorJobs.push(r.jobId);
	}
	const perJob = await sql<{ ms: number; stepms: number; steps: number }[]>`
		select extract(epoch from j.completed_at - j.started_at) * 1000 as ms,
			sum(s.duration_ms) as stepms, count(s.*) as steps
		from document_jobs j join job_steps s on s.job_id = j.id
		where j.id = any(${sql.array(tailorJobs)}::uuid[]) group by j.id`;
	const tailorOverhead = perJob.map((r) => (Number(r.ms) - Number(r.stepms)) / Number(r.steps));
	say(
		`    in tailor jobs (${perJob[0]?.steps} steps): (job time − step time) / steps, median ${round(percentile(tailorOverhead, 50))} ms over ${perJob.length} jobs [${elapsed()}]`
	);
	await engine.stop(5_000);
	await stop(worker);
	await listener.unlisten();
	await events.sql.end();
	await sql.end();

	say(`(${elapsed()} in all)`);
	say(
		JSON.stringify({
			cachedTailorP50Ms: c.p50,
			cachedTailorP99Ms: c.p99,
			jobsPerMin1,
			jobsPerMin2,
			subscribers: SUBSCRIBERS,
			eventP50Ms: ev.p50,
			eventP95Ms: ev.p95,
			eventP99Ms: ev.p99,
			kbPerSubscriber,
			stepOverheadMs
		})
	);
} finally {
	await Promise.all([...procs].map((p) => p.stop()));
	await pg.stop();
}
process.exit(0);
