// npm run chaos — fault trials against the built app on an embedded PostgreSQL (docs/RELIABILITY.md).
//
// Two web processes (WORKER=off) and three worker processes share one database. Every user keeps
// two tailor jobs in flight, created on "their" web process and followed with `jobs.onProgress` on
// both. Meanwhile each trial waits a random moment, then either kills a worker with SIGKILL and
// starts a replacement, or restarts a web process (SIGKILL or SIGTERM, then a new process on the
// same port) under its open streams. Afterwards the database and the clients' records are checked.
//
// Options: --trials N (worker kills, default 50), --web-trials N (default 10), --users N
// (default 8), --sabotage (after each kill, delete the cut jobs' checkpoints: the checks must
// then report re-run steps, which shows that they can).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobProgress } from '../../src/lib/client';
import {
	bundleWorker,
	call,
	client,
	follow,
	cliOption,
	startCluster,
	usersWithRecords,
	workerId,
	type Stream
} from '../harness/cluster';
import { startWorker, type Proc } from '../harness/processes';
import { percentile } from '../harness/stats';
import { findReruns, selfTest, type StepExecution } from './checks';
import { readEvidence } from './evidence';

export type ChaosOptions = {
	/** Worker kills (default 50). */
	trials?: number;
	/** Web process restarts (default 10). */
	webTrials?: number;
	/** Users, each keeping two tailor jobs in flight (default 8). */
	users?: number;
	/** After each kill, delete the cut jobs' checkpoints: the checks must then report re-runs. */
	sabotage?: boolean;
	/** Where the run's report goes, line by line. */
	say?: (line: string) => void;
};

/** The checks' counts: every one is 0 in a clean run. */
export type ChaosResult = {
	trials: number;
	lostJobs: number;
	duplicateProfiles: number;
	doubleCountedUsage: number;
	rerunSteps: number;
	missingEvents: number;
	duplicateEvents: number;
	outOfOrderEvents: number;
	unendedStreams: number;
	unobservedCheckpoints: number;
	problems: string[];
};

/** Tailor jobs each user keeps in flight (TAILOR_USER_CONCURRENCY is 2). */
const CHAINS = 2;
/** The random moment of a fault: this long after the previous trial ended. */
const DELAY_MS = { min: 200, max: 1500 };
/** After the last trial: how long the jobs the last kills cut may take to be picked up again. */
const DRAIN_TIMEOUT_MS = 180_000;

const WORKER_ENV = {
	TAILOR_ENGINE: 'local',
	WORKER_CONCURRENCY: '4',
	// A job may be cut by several kills in a row; with the default 3 retries a run of 50 kills
	// could exhaust one job's retries, which is the retry policy working, not a lost job.
	TAILOR_JOB_RETRIES: '10'
};

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The worker processes. A replacement starts as soon as a worker is killed; the next kill waits
 * until at least two are ready, so that a worker is left running jobs whichever one dies.
 */
class WorkerPool {
	ready: Proc[] = [];
	starting = new Set<Promise<Proc>>();
	startTimes: number[] = [];

	constructor(private readonly newWorker: () => Promise<Proc>) {}

	start(): Promise<Proc> {
		const t0 = performance.now();
		const p: Promise<Proc> = this.newWorker().then((w) => {
			this.startTimes.push(performance.now() - t0);
			this.ready.push(w);
			this.starting.delete(p);
			return w;
		});
		this.starting.add(p);
		return p;
	}

	async atLeast(n: number) {
		while (this.ready.length < n) {
			if (!this.starting.size) void this.start();
			await Promise.race(this.starting);
		}
	}

	/** Removes a random ready worker from the pool, one that `prefer`s if any does, and returns it. */
	pick(prefer: (w: Proc) => boolean): Proc {
		const preferred = this.ready.filter(prefer);
		const from = preferred.length ? preferred : this.ready;
		const victim = from[random(0, from.length - 1)]!;
		this.ready.splice(this.ready.indexOf(victim), 1);
		return victim;
	}
}

/**
 * Runs the trials on a cluster of its own (an embedded PostgreSQL, two web processes, three
 * workers), then checks the database and the clients' records; stops everything it started.
 */
export async function runChaos(options: ChaosOptions = {}): Promise<ChaosResult> {
	const WORKER_TRIALS = options.trials ?? 50;
	const WEB_TRIALS = options.webTrials ?? 10;
	const USERS = options.users ?? 8;
	const SABOTAGE = options.sabotage ?? false;
	const say = options.say ?? (() => {});
	say('The checks, first on inputs with planted faults:');
	for (const line of selfTest()) say(`  ${line}`);

	const workerBundle = await bundleWorker('tools/chaos/worker.ts');
	const stepDir = await mkdtemp(path.join(tmpdir(), 'tailor-chaos-steps-'));
	const cluster = await startCluster('chaos');
	const { db, slots, track } = cluster;
	const started = performance.now();

	const newWorker = async () =>
		track(
			await startWorker(
				{ ...WORKER_ENV, DATABASE_URL: db.url, CHAOS_STEP_LOG_DIR: stepDir },
				workerBundle.file
			)
		);

	/** Jobs being run now, each with the worker whose claim it is under (`host:pid`). */
	const runningJobs = () =>
		db.sql<{ id: string; worker: string | null }[]>`
			select j.id, (
				select e.payload->>'worker' from job_events e
				where e.job_id = j.id and e.type = 'status' and e.payload ? 'worker'
				order by e.id desc limit 1
			) as worker
			from document_jobs j where j.status = 'processing'`;

	async function readExecutions(): Promise<StepExecution[]> {
		const out: StepExecution[] = [];
		for (const name of await readdir(stepDir)) {
			for (const line of (await readFile(path.join(stepDir, name), 'utf8')).split('\n')) {
				if (!line.trim()) continue;
				try {
					out.push(JSON.parse(line) as StepExecution);
				} catch {
					say(`  (a torn line in ${name}: ${JSON.stringify(line)})`);
				}
			}
		}
		return out;
	}

	try {
		const workers = new WorkerPool(newWorker);
		await Promise.all([workers.start(), workers.start(), workers.start()]);
		say(
			`Cluster: PostgreSQL (embedded), web ${slots.map((s) => s.url).join(' and ')} (WORKER=off), ` +
				`workers pid ${workers.ready.map((w) => w.pid).join(', ')} (concurrency ` +
				`${WORKER_ENV.WORKER_CONCURRENCY}, ${WORKER_ENV.TAILOR_JOB_RETRIES} retries)`
		);

		const { accounts, posting } = await usersWithRecords(slots, USERS, 'chaos');
		say(`${USERS} users signed up and imported their career record, half on each web process`);

		// The load: each user keeps CHAINS tailor jobs in flight until the trials end.
		const streams: Stream[] = [];
		const clientJobIds: string[] = [];
		const clientErrors: string[] = [];
		let cachedAnswers = 0;
		let stopping = false;
		// The trials start once the load runs: a step has finished for as many jobs as there are users.
		let stepsSeen = 0;
		let warm!: () => void;
		const warmedUp = new Promise<void>((resolve) => (warm = resolve));
		// Resolved by the next step a client sees finish: a sign that some worker is running a job.
		let nextStep = Promise.withResolvers<void>();
		const onEvent = (e: JobProgress) => {
			if (e.data.type !== 'step') return;
			nextStep.resolve();
			nextStep = Promise.withResolvers<void>();
			if (++stepsSeen === USERS) warm();
		};
		const userLoop = async (i: number, chain: number) => {
			const account = accounts[i]!;
			const home = slots[i % 2]!;
			const away = slots[(i + 1) % 2]!;
			const homeClient = client(home, account);
			const awayClient = client(away, account);
			for (let n = 1; !stopping; n++) {
				const opportunity = await call(home, () =>
					homeClient.opportunities.create.mutate({
						description: `${posting}\n\nReference: chaos ${i}-${chain}-${n}`
					})
				);
				const tailored = await call(home, () =>
					homeClient.opportunities.tailor.mutate({ opportunityId: opportunity.id })
				);
				// A retried call whose first attempt was served answers with the finished profile.
				if (tailored.kind !== 'job') {
					cachedAnswers++;
					continue;
				}
				clientJobIds.push(tailored.jobId);
				const pair = [
					follow(home, homeClient, tailored.jobId, onEvent),
					follow(away, awayClient, tailored.jobId)
				];
				streams.push(...pair);
				await Promise.all(pair.map((s) => s.done));
			}
		};
		const loops = accounts.flatMap((_, i) =>
			Array.from({ length: CHAINS }, (_, chain) =>
				userLoop(i, chain).catch((error: unknown) => {
					clientErrors.push(`user ${i}: ${error instanceof Error ? error.message : String(error)}`);
				})
			)
		);

		// The trials: web restarts spread evenly among the worker kills.
		const total = WORKER_TRIALS + WEB_TRIALS;
		const webAt = new Set(
			Array.from({ length: WEB_TRIALS }, (_, k) => Math.round(((k + 1) * total) / (WEB_TRIALS + 1)))
		);
		const kills: { at: number; jobs: string[] }[] = [];
		const cutSteps = new Map<string, number>();
		let webRestarts = 0;
		const webDowntimes: number[] = [];
		const problems: string[] = [];
		await warmedUp;
		say(`\n${total} trials: ${WORKER_TRIALS} worker kills, ${WEB_TRIALS} web restarts`);
		for (let t = 1; t <= total; t++) {
			const label = `trial ${String(t).padStart(2)}/${total}`;
			if (!webAt.has(t)) {
				await workers.atLeast(2);
				const delay = random(DELAY_MS.min, DELAY_MS.max);
				await wait(delay);
				// The victim: a random worker among those running jobs at this moment (any, if none is).
				let running = await runningJobs();
				const busyWorker = () =>
					workers.ready.some((w) => running.some((r) => r.worker === workerId(w.pid)));
				// No ready worker is running a job at this moment (the jobs wait for their retry): the
				// kill waits for the next step to finish somewhere, then looks again.
				while (!busyWorker()) {
					await Promise.race([nextStep.promise, wait(10_000)]);
					running = await runningJobs();
				}
				const busy = new Set(running.map((r) => r.worker));
				const victim = workers.pick((w) => busy.has(workerId(w.pid)));
				const at = Date.now();
				await victim.kill('SIGKILL');
				cluster.forget(victim);
				void workers.start();
				// The jobs it had claimed and not finished: its attempt of each was cut short.
				const cut = await runningJobs();
				const jobs = cut.filter((r) => r.worker === workerId(victim.pid)).map((r) => r.id);
				kills.push({ at, jobs });
				const executions = (await readExecutions()).filter((e) => e.pid === victim.pid);
				const lastStep = new Map(executions.map((e) => [e.job, e.step]));
				const steps = jobs.map((j) => lastStep.get(j) ?? 'before its first step');
				for (const s of steps) cutSteps.set(s, (cutSteps.get(s) ?? 0) + 1);
				if (SABOTAGE && jobs.length)
					await db.sql`delete from job_steps where job_id = any(${jobs}::uuid[])`;
				say(
					`${label}  kill -9 worker ${victim.pid} at +${delay} ms: ${jobs.length} of ` +
						`${cut.length} running job(s) cut${steps.length ? ` (in ${steps.join(', ')})` : ''}; ` +
						`a replacement is starting`
				);
			} else {
				const delay = random(DELAY_MS.min, DELAY_MS.max);
				await wait(delay);
				const slot = slots[webRestarts % 2]!;
				const signal: NodeJS.Signals = webRestarts % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
				webRestarts++;
				const open = streams.filter((s) => s.web === slot.url && !s.ended && !s.error).length;
				const t0 = performance.now();
				slot.down();
				const exit = await slot.proc.kill(signal);
				cluster.forget(slot.proc);
				if (signal === 'SIGTERM' && exit.code !== 0)
					problems.push(`web :${slot.port} exited with ${exit.code ?? exit.signal} on SIGTERM`);
				slot.up(await cluster.web(slot.port));
				const down = performance.now() - t0;
				webDowntimes.push(down);
				say(
					`${label}  ${signal} web :${slot.port} at +${delay} ms with ${open} stream(s) open; ` +
						`exit ${exit.code ?? exit.signal}; listening again in ${seconds(down)}`
				);
			}
		}

		stopping = true;
		say(
			`\nTrials done in ${seconds(performance.now() - started)}; letting the jobs in flight finish`
		);
		const drained = await Promise.race([
			Promise.all(loops).then(() => true),
			wait(DRAIN_TIMEOUT_MS).then(() => false)
		]);
		if (!drained) {
			problems.push(`jobs still running ${DRAIN_TIMEOUT_MS / 1000} s after the last trial`);
			for (const s of streams) if (!s.ended) s.stop();
		}

		// The evidence.
		const { jobs, outcomes, delivered } = await readEvidence(db.sql, clientJobIds, streams);
		const checkpoints = await db.sql<{ job_id: string; name: string; attempt: number }[]>`
				select job_id, name, attempt from job_steps`;
		const stepEvents = await db.sql<{ job_id: string; name: string; n: number }[]>`
				select job_id, payload->>'name' as name, count(*)::int as n
				from job_events where type = 'step' group by 1, 2`;
		const executions = await readExecutions();
		const reruns = findReruns(
			executions,
			checkpoints.map((c) => ({ job: c.job_id, step: c.name, attempt: c.attempt })),
			stepEvents.map((s) => ({ job: s.job_id, step: s.name, n: s.n }))
		);

		// Figures.
		const retried = jobs.filter((j) => j.attempt > 1);
		const failover: number[] = [];
		for (const k of kills) {
			if (!k.jobs.length) continue;
			const rows = await db.sql<{ s: number | null }[]>`
					select extract(epoch from min(e.created_at) - to_timestamp(${k.at / 1000}))::float8 as s
					from job_events e
					where e.job_id = any(${k.jobs}::uuid[]) and e.type = 'status' and e.payload ? 'worker'
						and e.created_at > to_timestamp(${k.at / 1000})
					group by e.job_id`;
			for (const r of rows) if (r.s !== null) failover.push(r.s * 1000);
		}
		const cutKills = kills.filter((k) => k.jobs.length > 0).length;
		const cutJobs = kills.reduce((n, k) => n + k.jobs.length, 0);
		const reconnects = streams.reduce((n, s) => n + Math.max(0, s.connections - 1), 0);
		const resubscribed = streams.reduce((n, s) => n + s.resubscribed, 0);

		say(`\nRun: ${seconds(performance.now() - started)}`);
		say(
			`Jobs: ${jobs.length} tailor jobs (${retried.length} ran more than one attempt, ` +
				`at most ${Math.max(0, ...jobs.map((j) => j.attempt))}); ${cachedAnswers} tailor calls answered from a finished profile`
		);
		say(
			`Worker kills: ${kills.length}, ${cutKills} of them cut ${cutJobs} job(s) mid-run; cut in: ` +
				[...cutSteps].map(([s, n]) => `${s} ×${n}`).join(', ')
		);
		if (failover.length)
			say(
				`A cut job was claimed again after: p50 ${seconds(percentile(failover, 50))}, ` +
					`max ${seconds(Math.max(...failover))} (heartbeat expiry, then the retry)`
			);
		say(`Replacement workers: ready after p50 ${seconds(percentile(workers.startTimes, 50))}`);
		if (webRestarts)
			say(
				`Web restarts: ${webRestarts} (SIGKILL and SIGTERM in turn), back listening after p50 ` +
					`${seconds(percentile(webDowntimes, 50))}`
			);
		say(
			`Streams: ${delivered.streams} subscribers, ${delivered.events} events received, ` +
				`${reconnects} reconnects by the client, ${resubscribed} resubscriptions from the last id`
		);
		say(
			`Step executions recorded: ${executions.length} for ${checkpoints.length} checkpoints ` +
				`(${executions.length - checkpoints.length} cut short by a kill and run again)`
		);
		say('\nChecks:');
		say(`  jobs not completed with their profile: ${outcomes.lost}`);
		say(`  duplicate profiles per (user, opportunity): ${outcomes.duplicateProfiles}`);
		say(`  usage not counted exactly once per profile: ${outcomes.usageMismatch}`);
		say(`  finished steps run again: ${reruns.reruns}`);
		say(`  checkpoints without a recorded execution (blind spots): ${reruns.unobserved}`);
		say(
			`  events missing / duplicated / out of order: ${delivered.missing} / ${delivered.duplicates} / ${delivered.outOfOrder}`
		);
		say(`  streams the server did not end: ${delivered.unended}`);
		for (const e of [...outcomes.examples, ...reruns.examples, ...delivered.examples])
			say(`    ${e}`);
		for (const p of [...problems, ...clientErrors]) say(`  problem: ${p}`);
		if (SABOTAGE)
			say('  (--sabotage: checkpoints were deleted on purpose; re-runs must show above)');

		return {
			trials: total,
			lostJobs: outcomes.lost,
			duplicateProfiles: outcomes.duplicateProfiles,
			doubleCountedUsage: outcomes.usageMismatch,
			rerunSteps: reruns.reruns,
			missingEvents: delivered.missing,
			duplicateEvents: delivered.duplicates,
			outOfOrderEvents: delivered.outOfOrder,
			unendedStreams: delivered.unended,
			unobservedCheckpoints: reruns.unobserved,
			problems: [...problems, ...clientErrors]
		};
	} finally {
		await cluster.stop('SIGKILL');
		await rm(stepDir, { recursive: true, force: true });
		await workerBundle.remove();
	}
}

/** Every count is 0 and nothing went wrong. */
export const isClean = (r: ChaosResult) =>
	r.problems.length === 0 &&
	Object.entries(r).every(([k, v]) => k === 'trials' || k === 'problems' || v === 0);

// npm run chaos [-- --trials N --web-trials N --users N --sabotage]
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	const result = await runChaos({
		trials: cliOption('trials', 50),
		webTrials: cliOption('web-trials', 10),
		users: cliOption('users', 8),
		sabotage: process.argv.includes('--sabotage'),
		say: (line) => console.log(line)
	});
	const { problems, ...counts } = result;
	console.log(JSON.stringify(counts));
	process.exit(isClean(result) && problems.length === 0 ? 0 : 1);
}
