// npm run scale-out — the scale-out topology on one machine: one PostgreSQL (embedded), two web
// processes of the built app with WORKER=off, two `npm run worker` processes. Users are spread over
// both web processes; each tailors several opportunities and follows every job's progress on the
// web process that created it and on the other one. All jobs must complete and every stream must
// hold all of its job's events, in order, exactly once.
//
// Options: --users N (default 20), --jobs N per user (default 3).
import { hostname } from 'node:os';
import path from 'node:path';
import type { JobProgress } from '../../src/lib/client';
import {
	call,
	client,
	follow,
	cliOption,
	startCluster,
	usersWithRecords,
	type Stream
} from '../harness/cluster';
import { startWorker } from '../harness/processes';
import { percentile, round } from '../harness/stats';
import { readEvidence } from './evidence';

const TIMEOUT_MS = 300_000;

export type ScaleOutOptions = {
	/** Users, spread over both web processes (default 20). */
	users?: number;
	/** Tailor jobs per user (default 3). */
	jobs?: number;
	/** Where the run's report goes, line by line. */
	say?: (line: string) => void;
};

/**
 * Runs the scale-out topology on a cluster of its own and checks what the database holds and what
 * every stream received; `clean` is true when every job completed and every check is 0.
 */
export async function runScaleOut(options: ScaleOutOptions = {}) {
	const USERS = options.users ?? 20;
	const JOBS_PER_USER = options.jobs ?? 3;
	const say = options.say ?? (() => {});
	const cluster = await startCluster('scaleout');
	const { db, slots } = cluster;
	try {
		const workers = await Promise.all(
			[0, 1].map(async () =>
				cluster.track(await startWorker({ DATABASE_URL: db.url, TAILOR_ENGINE: 'local' }))
			)
		);
		say(
			`PostgreSQL (embedded); web processes ${slots.map((s) => s.url).join(', ')} (WORKER=off); ` +
				`worker processes pid ${workers.map((w) => w.pid).join(', ')} (npm run worker)`
		);
		for (const slot of slots) {
			const health = (await (await fetch(`${slot.url}/healthz`)).json()) as Record<string, unknown>;
			say(`  ${slot.url}/healthz → ${JSON.stringify(health)}`);
		}

		const t0 = performance.now();
		const { accounts, posting } = await usersWithRecords(slots, USERS, 'scale');
		say(
			`${USERS} users signed up and imported their career record, half on each web process ` +
				`(${round((performance.now() - t0) / 1000, 1)} s)`
		);

		const streams: Stream[] = [];
		const jobIds: string[] = [];
		const jobMs: number[] = [];
		const eventMs: number[] = [];
		const perWeb = new Map<string, number>();
		const started = performance.now();
		// Each user, on their own web process: create-then-tailor, add-and-tailor, or add-tailor-share,
		// in turn; every job is followed on both web processes from the moment it exists.
		await Promise.all(
			accounts.map(async (account, i) => {
				const home = slots[i % 2]!;
				const away = slots[(i + 1) % 2]!;
				const homeClient = client(home, account);
				const awayClient = client(away, account);
				await Promise.all(
					Array.from({ length: JOBS_PER_USER }, async (_, n) => {
						const description = `${posting}\n\nReference: scale-out ${i}-${n}`;
						const t = performance.now();
						let jobId: string;
						if (n % 3 === 0) {
							const opportunity = await call(home, () =>
								homeClient.opportunities.create.mutate({ description })
							);
							const res = await call(home, () =>
								homeClient.opportunities.tailor.mutate({ opportunityId: opportunity.id })
							);
							if (res.kind !== 'job') throw new Error('a new opportunity answered from a cache');
							jobId = res.jobId;
						} else if (n % 3 === 1) {
							jobId = (
								await call(home, () =>
									homeClient.opportunities.addAndTailor.mutate({ opportunity: { description } })
								)
							).jobId;
						} else {
							jobId = (
								await call(home, () =>
									homeClient.opportunities.addTailorShare.mutate({ opportunity: { description } })
								)
							).jobId;
						}
						jobIds.push(jobId);
						// Live events only: one written before the stream connected is a replay.
						const onEvent = (e: JobProgress, stream: Stream) => {
							const written = new Date(e.data.createdAt).getTime();
							if (stream.connectedAt !== null && written >= stream.connectedAt)
								eventMs.push(Date.now() - written);
						};
						const pair = [
							follow(home, homeClient, jobId, onEvent),
							follow(away, awayClient, jobId, onEvent)
						];
						streams.push(...pair);
						for (const s of pair) perWeb.set(s.web, (perWeb.get(s.web) ?? 0) + 1);
						await Promise.race([
							Promise.all(pair.map((s) => s.done)),
							new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS))
						]);
						jobMs.push(performance.now() - t);
					})
				);
			})
		);
		const elapsed = performance.now() - started;
		for (const s of streams) if (!s.ended) s.stop();

		// What the database holds.
		const { jobs, outcomes, delivered } = await readEvidence(db.sql, jobIds, streams);
		const byWorker = await db.sql<{ worker: string; jobs: number }[]>`
				select payload->>'worker' as worker, count(distinct job_id)::int as jobs
				from job_events where type = 'status' and payload ? 'worker' group by 1 order by 1`;
		const shares = await db.sql<{ n: number }[]>`select count(*)::int as n from share_links`;
		const completed = jobs.filter((j) => j.status === 'completed').length;
		const sharesWanted =
			USERS * Array.from({ length: JOBS_PER_USER }, (_, n) => n).filter((n) => n % 3 === 2).length;
		const sharesInSummaries = jobs.filter((j) => j.share !== null).length;
		const workerPids = new Set(workers.map((w) => `${hostname()}:${w.pid}`));
		const jobsByWorker = byWorker.filter((w) => workerPids.has(w.worker)).map((w) => w.jobs);

		say(
			`\nJobs: ${jobs.length} tailor jobs, ${completed} completed, in ${round(elapsed / 1000, 1)} s`
		);
		say(
			`  ${round((completed / elapsed) * 60_000, 1)} jobs/min; request → completed event ` +
				`p50 ${round(percentile(jobMs, 50))} ms, p95 ${round(percentile(jobMs, 95))} ms`
		);
		say(`  run by worker process: ${byWorker.map((w) => `${w.worker} ${w.jobs}`).join(', ')}`);
		say(
			`  share links: ${shares[0]!.n} created, ${sharesInSummaries} in job summaries, ` +
				`${sharesWanted} add-tailor-share jobs`
		);
		say(
			`Streams: ${delivered.streams} subscribers (${[...perWeb].map(([w, n]) => `${n} on ${w}`).join(', ')}), ` +
				`${delivered.events} events received`
		);
		say(
			`  live event latency, written by a worker → received through a web process: p50 ` +
				`${round(percentile(eventMs, 50))} ms, p95 ${round(percentile(eventMs, 95))} ms`
		);
		say('Checks:');
		say(`  jobs not completed with their profile: ${outcomes.lost}`);
		say(
			`  duplicate profiles: ${outcomes.duplicateProfiles}; usage mismatches: ${outcomes.usageMismatch}`
		);
		say(
			`  events missing / duplicated / out of order: ${delivered.missing} / ` +
				`${delivered.duplicates} / ${delivered.outOfOrder}; streams not ended: ${delivered.unended}`
		);
		for (const e of [...outcomes.examples, ...delivered.examples]) say(`    ${e}`);

		const result = {
			webProcesses: slots.length,
			workerProcesses: workers.length,
			users: USERS,
			jobs: jobs.length,
			completed,
			jobsPerMin: round((completed / elapsed) * 60_000, 1),
			jobP50Ms: round(percentile(jobMs, 50)),
			jobP95Ms: round(percentile(jobMs, 95)),
			jobsByWorker,
			streams: delivered.streams,
			events: delivered.events,
			eventP50Ms: round(percentile(eventMs, 50)),
			eventP95Ms: round(percentile(eventMs, 95)),
			lostJobs: outcomes.lost,
			duplicateProfiles: outcomes.duplicateProfiles,
			usageMismatches: outcomes.usageMismatch,
			missingEvents: delivered.missing,
			duplicateEvents: delivered.duplicates,
			outOfOrderEvents: delivered.outOfOrder,
			unendedStreams: delivered.unended
		};
		const clean =
			completed === USERS * JOBS_PER_USER &&
			jobs.length === USERS * JOBS_PER_USER &&
			outcomes.lost + outcomes.duplicateProfiles + outcomes.usageMismatch === 0 &&
			delivered.missing + delivered.duplicates + delivered.outOfOrder + delivered.unended === 0 &&
			jobsByWorker.length === workers.length &&
			shares[0]!.n === sharesWanted &&
			sharesInSummaries === sharesWanted;
		return { ...result, sharesWanted, sharesCreated: shares[0]!.n, sharesInSummaries, clean };
	} finally {
		await cluster.stop('SIGTERM');
	}
}

// npm run scale-out [-- --users N --jobs N]
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
	const { clean, ...result } = await runScaleOut({
		users: cliOption('users', 20, 1),
		jobs: cliOption('jobs', 3, 1),
		say: (line) => console.log(line)
	});
	console.log(JSON.stringify(result));
	process.exit(clean ? 0 : 1);
}
