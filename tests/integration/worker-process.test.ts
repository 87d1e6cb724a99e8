import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentJobs, jobEvents, jobSteps, users } from '../../src/lib/server/db/schema';
import { enqueueJob } from '../../src/lib/server/jobs/enqueue';
import type { JobEvent } from '../../src/lib/schemas/jobs';
import { EventHub } from '../../src/lib/server/jobs/hub';
import { createBoss } from '../../src/lib/server/jobs/queue';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { testLog } from '../helpers/engine';
import { releaseChannel } from '../helpers/pipelines';
import { startWorkerProcess, type WorkerHandle } from '../helpers/processes';

let t: TestDatabase;
let hub: EventHub;
let boss: ReturnType<typeof createBoss>;
const workers: WorkerHandle[] = [];
const userId = 'worker-test-user';

beforeAll(async () => {
	t = await testDatabase();
	await t.db.insert(users).values({ id: userId, name: 'W', email: 'w@example.com' });
	// The first worker process creates the queues; this process only enqueues and listens.
	workers.push(await startWorkerProcess({ DATABASE_URL: t.url }));
	boss = createBoss(t.url, { retries: 3 }, testLog);
	await boss.start();
	hub = new EventHub(t.sql, t.db, testLog);
	await hub.start();
});

afterAll(async () => {
	for (const w of workers)
		if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
	await hub.close();
	await boss.stop({ graceful: false, close: true });
});

const enqueue = (type: string) => enqueueJob(t.db, boss, { userId, type });

async function until(jobId: string, text: string, seen: JobEvent[] = []) {
	for await (const event of hub.subscribe(jobId, seen.at(-1)?.id ?? 0)) {
		seen.push(event);
		if (event.type === 'highlight' && event.payload.text === text) return seen;
	}
	throw new Error(`job ended before "${text}"`);
}

async function rest(jobId: string, seen: JobEvent[]) {
	for await (const event of hub.subscribe(jobId, seen.at(-1)!.id)) seen.push(event);
	return seen;
}

describe('worker processes', () => {
	it('kill -9 mid-step: another worker finishes the job without re-running finished steps', async () => {
		const job = await enqueue('test-gated');
		// Events written by the worker process reach this process live.
		const seen = await until(job.id, 'waiting (attempt 1)');
		const first = workers[0]!;
		first.child.kill('SIGKILL');
		expect((await first.exited).signal).toBe('SIGKILL');

		workers.push(await startWorkerProcess({ DATABASE_URL: t.url }));
		await until(job.id, 'waiting (attempt 2)', seen);
		await t.sql`select pg_notify(${releaseChannel(job.id)}, '')`;
		await rest(job.id, seen);

		expect(seen.at(-1)!.payload).toMatchObject({ status: 'completed' });
		expect(seen.filter((e) => e.type === 'highlight').map((e) => e.payload.text)).toEqual([
			'ran s1 (attempt 1)',
			'ran s2 (attempt 1)',
			'waiting (attempt 1)',
			'ran s2 (attempt 2)', // s2 never finished on the killed worker, so it runs again
			'waiting (attempt 2)',
			'ran s3 (attempt 2)',
			'ran s4 (attempt 2)'
		]);
		const stored = await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
		expect(seen.map((e) => e.id)).toEqual(stored.map((e) => e.id).sort((a, b) => a - b));
		const steps = await t.db.select().from(jobSteps).where(eq(jobSteps.jobId, job.id));
		expect(Object.fromEntries(steps.map((s) => [s.name, s.attempt]))).toEqual({
			s1: 1,
			s2: 2,
			s3: 2,
			s4: 2
		});
	}, 90_000);

	it('SIGTERM drains: the running step finishes, the job completes, the process exits 0', async () => {
		const worker = workers.at(-1)!;
		const job = await enqueue('test-gated');
		const seen = await until(job.id, 'waiting (attempt 1)');
		worker.child.kill('SIGTERM');
		// The worker is draining, not dead: releasing the step lets the job run to its end.
		await t.sql`select pg_notify(${releaseChannel(job.id)}, '')`;
		await rest(job.id, seen);
		expect(seen.at(-1)!.payload).toMatchObject({ status: 'completed' });
		expect(await worker.exited).toEqual({ code: 0, signal: null });
		const [row] = await t.db.select().from(documentJobs).where(eq(documentJobs.id, job.id));
		expect(row!.status).toBe('completed');
	}, 60_000);

	it('several worker processes share the work', async () => {
		const a = await startWorkerProcess({ DATABASE_URL: t.url });
		const b = await startWorkerProcess({ DATABASE_URL: t.url });
		workers.push(a, b);
		const jobs = await Promise.all(Array.from({ length: 60 }, () => enqueue('test-noop')));
		const ranBy = new Set<string>();
		for (const job of jobs) {
			const events: JobEvent[] = [];
			for await (const e of hub.subscribe(job.id)) events.push(e);
			expect(events.at(-1)!.payload).toMatchObject({ status: 'completed' });
			ranBy.add(String(events.find((e) => e.payload.status === 'processing')!.payload.worker));
		}
		const pids = [...ranBy].map((id) => Number(id.split(':').at(-1))).sort();
		expect(pids).toEqual([a.child.pid!, b.child.pid!].sort());
		a.child.kill('SIGTERM');
		b.child.kill('SIGTERM');
		expect((await a.exited).code).toBe(0);
		expect((await b.exited).code).toBe(0);
	}, 90_000);
});
