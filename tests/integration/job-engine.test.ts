import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentJobs, jobEvents, jobSteps } from '../../src/lib/server/db/schema';
import type { JobEngine } from '../../src/lib/server/jobs/engine';
import { lockJob } from '../../src/lib/server/jobs/events';
import { writeCheckpoint } from '../../src/lib/server/jobs/sql/checkpoint';
import { claimJob } from '../../src/lib/server/jobs/sql/claim';
import { completeJob } from '../../src/lib/server/jobs/sql/complete';
import { addHighlight, enterPhase } from '../../src/lib/server/jobs/sql/fenced-event';
import { testDatabase, type TestDatabase } from '../helpers/db';
import {
	collect,
	createUser,
	enqueueAll,
	highlights,
	isHighlight,
	startEngine,
	terminal,
	waitForEvent
} from '../helpers/engine';
import { emptyPipeline, releaseChannel } from '../helpers/pipelines';

let t: TestDatabase;
let engine: JobEngine;
let user: string;

beforeAll(async () => {
	t = await testDatabase();
	engine = await startEngine(t, { retries: 1 });
	user = await createUser(t);
});

const release = (jobId: string) => t.sql`select pg_notify(${releaseChannel(jobId)}, '')`;
const jobRow = async (id: string) =>
	(await t.db.select().from(documentJobs).where(eq(documentJobs.id, id)))[0]!;

/** An engine with no worker, and `count` jobs of a pipeline no worker runs: claimed by hand. */
async function unworkedJobs(count: number) {
	const idle = await startEngine(t, {
		worker: false,
		pipelines: [emptyPipeline('test-unworked')]
	});
	const jobs = await enqueueAll(
		t,
		idle,
		'test-unworked',
		Array.from({ length: count }, () => ({ userId: user }))
	);
	return { idle, ids: jobs.map((j) => j.id) };
}

describe('step checkpoints', () => {
	it('a step that throws once: the job succeeds on retry and earlier steps ran once', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-flaky' });
		const events = await collect(engine, job.id);

		expect(terminal(events).payload).toMatchObject({ status: 'completed' });
		expect(highlights(events)).toEqual([
			'ran s1 (attempt 1)',
			'ran s2 (attempt 1)',
			'ran s3 (attempt 1)',
			'ran s3 (attempt 2)',
			'ran s4 (attempt 2)'
		]);
		// The retried step saw the stored outputs of the steps before it.
		const row = await jobRow(job.id);
		expect(row.summary).toEqual({ s3: { s1: { from: 's1' }, s2: { from: 's2' } } });
		expect(row.attempt).toBe(2);
		const steps = await t.db.select().from(jobSteps).where(eq(jobSteps.jobId, job.id));
		expect(steps.map((s) => [s.name, s.attempt]).sort()).toEqual([
			['s1', 1],
			['s2', 1],
			['s3', 2],
			['s4', 2]
		]);
	});

	it('records phases, steps and status changes as ordered events', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-flaky' });
		const events = await collect(engine, job.id);
		const shape = events.map((e) =>
			e.type === 'status'
				? `status:${e.payload.status}${e.payload.retrying ? ':retrying' : ''}`
				: e.type === 'phase'
					? `phase:${e.payload.phase}`
					: e.type === 'step'
						? `step:${e.payload.name}`
						: 'highlight'
		);
		expect(shape).toEqual([
			'status:pending',
			'status:processing',
			'phase:one',
			'highlight',
			'step:s1',
			'highlight',
			'step:s2',
			'phase:two',
			'highlight',
			'status:processing:retrying',
			'status:processing',
			'highlight',
			'step:s3',
			'highlight',
			'step:s4',
			'status:completed'
		]);
		const ids = events.map((e) => e.id);
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
		const stored = await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
		expect(stored.map((e) => e.id)).toEqual(ids);
	});
});

describe('claims', () => {
	it('a retry claimed while the attempt before stores a checkpoint gets that checkpoint', async () => {
		const id = (await unworkedJobs(1)).ids[0]!;
		expect(await claimJob(t.db, id, 1, { status: 'processing', attempt: 1 })).not.toBeNull();

		// Attempt 1, still running, stores the checkpoint of s1 under the job's row lock; attempt 2
		// claims the job meanwhile and waits for that lock.
		let locked!: () => void;
		const isLocked = new Promise<void>((r) => (locked = r));
		let commit!: () => void;
		const committing = new Promise<void>((r) => (commit = r));
		const attempt1 = t.db.transaction(async (tx) => {
			await lockJob(tx, id);
			await tx
				.insert(jobSteps)
				.values({ jobId: id, name: 's1', output: { from: 's1' }, attempt: 1, durationMs: 1 });
			locked();
			await committing;
		});
		await isLocked;
		const claim = claimJob(t.db, id, 2, { status: 'processing', attempt: 2 });
		for (;;) {
			const [waiting] = await t.sql<{ n: number }[]>`
				select count(*)::int as n from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'
					and query like '%update document_jobs%'`;
			if (waiting!.n > 0) break;
		}
		commit();
		await attempt1;
		const claimed = await claim;
		expect(claimed?.job.attempt).toBe(2);
		expect([...claimed!.steps]).toEqual([['s1', { from: 's1' }]]);
	});
});

describe('failure and cancellation', () => {
	it('retries exhausted → failed with a readable error and a terminal event', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-doomed' });
		const events = await collect(engine, job.id);
		expect(terminal(events)).toMatchObject({
			type: 'status',
			payload: { status: 'failed', error: 'The posting could not be read: it is empty.' }
		});
		// One retry: two attempts in all, each running s1 (it threw nothing) only once.
		expect(highlights(events)).toEqual(['ran s1 (attempt 1)']);
		const row = await jobRow(job.id);
		expect(row).toMatchObject({ status: 'failed', attempt: 2 });
		expect(row.error).toBe('The posting could not be read: it is empty.');
		expect(row.completedAt).toBeInstanceOf(Date);
	});

	it('cancels a running job at the next step boundary', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-gated' });
		await waitForEvent(engine, job.id, isHighlight('waiting (attempt 1)'));
		expect(await engine.cancel(user, job.id)).toBe('cancelling');
		await release(job.id);
		const events = await collect(engine, job.id);
		expect(terminal(events).payload).toEqual({ status: 'cancelled' });
		expect(highlights(events)).not.toContain('ran s3 (attempt 1)');
		expect((await jobRow(job.id)).status).toBe('cancelled');
		expect(await engine.cancel(user, job.id)).toBe('already-finished');
	});

	it('cancels a running job at a step boundary inside a phase', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-gated-one-phase' });
		await waitForEvent(engine, job.id, isHighlight('waiting (attempt 1)'));
		expect(await engine.cancel(user, job.id)).toBe('cancelling');
		await release(job.id);
		const events = await collect(engine, job.id);
		expect(terminal(events).payload).toEqual({ status: 'cancelled' });
		expect(events.filter((e) => e.type === 'step').map((e) => e.payload.name)).toEqual(['s1']);
		expect(highlights(events)).toEqual(['waiting (attempt 1)']);
		expect((await jobRow(job.id)).status).toBe('cancelled');
	});

	it('cancels a waiting job at once', async () => {
		// A queue no worker serves, so the job stays pending.
		const unworked = emptyPipeline('test-unworked');
		const idle = await startEngine(t, { worker: false, pipelines: [unworked] });
		const job = await idle.enqueue({ userId: user, type: 'test-unworked' });
		expect(await idle.cancel(user, job.id)).toBe('cancelled');
		const events = await collect(idle, job.id);
		expect(events.map((e) => e.payload.status)).toEqual(['pending', 'cancelled']);
	});

	it('does not let another user cancel a job, nor tell that it exists', async () => {
		const other = await createUser(t, 'other');
		const job = await engine.enqueue({ userId: user, type: 'test-gated' });
		expect(await engine.cancel(other, job.id)).toBe('not-found');
		expect(await engine.cancel(other, '00000000-0000-4000-8000-000000000000')).toBe('not-found');
		await waitForEvent(engine, job.id, isHighlight('waiting (attempt 1)'));
		await release(job.id);
		expect(terminal(await collect(engine, job.id)).payload.status).toBe('completed');
	});
});

describe('enqueueing', () => {
	it('writes the job row and the queued job in one transaction', async () => {
		const before = await t.sql`select count(*)::int as n from pgboss.job where name = 'test-flaky'`;
		await expect(
			t.db.transaction(async (tx) => {
				await engine.enqueue(
					{ userId: user, type: 'test-flaky', input: { marker: 'rolled-back' } },
					tx
				);
				throw new Error('the request failed after enqueueing');
			})
		).rejects.toThrow('the request failed');
		const rows = await t.db
			.select()
			.from(documentJobs)
			.where(sql`${documentJobs.input}->>'marker' = 'rolled-back'`);
		expect(rows).toEqual([]);
		const after = await t.sql`select count(*)::int as n from pgboss.job where name = 'test-flaky'`;
		expect(after[0]!.n).toBe(before[0]!.n);
	});
});

describe('batches', () => {
	const statuses = async (jobId: string) =>
		(await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, jobId)))
			.sort((a, b) => a.id - b.id)
			.map((e) => e.payload.status);

	it('enqueues many jobs in one transaction; a rolled-back one leaves none', async () => {
		const before = await t.sql`select count(*)::int as n from pgboss.job where name = 'test-batch'`;
		await expect(
			t.db.transaction(async (tx) => {
				await enqueueAll(
					t,
					engine,
					'test-batch',
					[1, 2, 3].map((n) => ({ userId: user, input: { marker: 'batch-rolled-back', n } })),
					tx
				);
				throw new Error('the request failed after enqueueing');
			})
		).rejects.toThrow('the request failed');
		const rows = await t.db
			.select()
			.from(documentJobs)
			.where(sql`${documentJobs.input}->>'marker' = 'batch-rolled-back'`);
		expect(rows).toEqual([]);
		const after = await t.sql`select count(*)::int as n from pgboss.job where name = 'test-batch'`;
		expect(after[0]!.n).toBe(before[0]!.n);
	});

	it('runs a batch of short jobs, each with its own complete events', async () => {
		const jobs = await enqueueAll(
			t,
			engine,
			'test-batch',
			Array.from({ length: 25 }, (_, n) => ({ userId: user, input: { n } }))
		);
		for (const job of jobs) {
			const events = await collect(engine, job.id);
			expect(events.map((e) => e.payload.status)).toEqual(['pending', 'processing', 'completed']);
			expect(terminal(events).payload.summary).toEqual({ batch: true });
		}
		const rows = await t.db
			.select()
			.from(documentJobs)
			.where(sql`${documentJobs.id} in ${jobs.map((j) => j.id)}`);
		expect(rows.map((r) => [r.status, r.attempt])).toEqual(rows.map(() => ['completed', 1]));
		// Jobs fetched together were claimed by one statement, so in one transaction: the same now().
		const starts = new Set(rows.map((r) => r.startedAt!.getTime()));
		expect(starts.size).toBeLessThan(rows.length);
	});

	it('claims and completes the jobs of one turn in one statement, fenced by attempt', async () => {
		const { ids } = await unworkedJobs(3);
		const claims = await Promise.all(
			ids.map((id) => claimJob(t.db, id, 1, { status: 'processing', attempt: 1 }))
		);
		expect(claims.map((c) => c?.job.id)).toEqual(ids);
		expect(new Set(claims.map((c) => c!.job.startedAt!.getTime())).size).toBe(1);

		// The second job's completion names an attempt it is not on: it alone writes nothing.
		const done = await Promise.all([
			completeJob(t.db, ids[0]!, 1, { n: 0 }),
			completeJob(t.db, ids[1]!, 2, { n: 1 }),
			completeJob(t.db, ids[2]!, 1, null)
		]);
		expect(done).toEqual([true, false, true]);
		const rows = await Promise.all(ids.map(jobRow));
		expect(rows.map((r) => [r.status, r.summary])).toEqual([
			['completed', { n: 0 }],
			['processing', null],
			['completed', null]
		]);
		expect(rows[0]!.completedAt!.getTime()).toBe(rows[2]!.completedAt!.getTime());
		expect(await statuses(ids[0]!)).toEqual(['pending', 'processing', 'completed']);
		expect(await statuses(ids[1]!)).toEqual(['pending', 'processing']);
		expect(await statuses(ids[2]!)).toEqual(['pending', 'processing', 'completed']);
	});

	it('stores a step checkpoint in one statement, fenced by attempt, reporting a cancel request', async () => {
		const { idle, ids } = await unworkedJobs(1);
		const id = ids[0]!;
		expect(await claimJob(t.db, id, 1, { status: 'processing', attempt: 1 })).not.toBeNull();
		expect(await claimJob(t.db, id, 2, { status: 'processing', attempt: 2 })).not.toBeNull();
		const checkpoint = (attempt: number, name: string, output: unknown) =>
			writeCheckpoint(t.db, {
				jobId: id,
				attempt,
				name,
				output,
				durationMs: 3,
				event: { name, phase: 'run', durationMs: 3 }
			});
		const stepEvents = async () =>
			(await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, id)))
				.sort((a, b) => a.id - b.id)
				.filter((e) => e.type === 'step')
				.map((e) => e.payload);
		const stored = async () =>
			(await t.db.select().from(jobSteps).where(eq(jobSteps.jobId, id)))
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((s) => [s.name, s.output, s.attempt]);

		// Attempt 1 was superseded by attempt 2: its checkpoint is refused and it learns who owns the job.
		expect(await checkpoint(1, 's1', { from: 1 })).toEqual({
			attempt: 2,
			status: 'processing',
			cancelRequested: false
		});
		expect(await stored()).toEqual([]);
		expect(await stepEvents()).toEqual([]);

		expect(await checkpoint(2, 's1', { from: 2 })).toEqual({
			attempt: 2,
			status: 'processing',
			cancelRequested: false
		});
		expect(await enterPhase(t.db, id, 2, 'run', { phase: 'run' })).toBe(true);
		expect((await jobRow(id)).phase).toBe('run');
		// A cancel request is reported by the next checkpoint, which is still stored.
		expect(await idle.cancel(user, id)).toBe('cancelling');
		expect(await checkpoint(2, 's2', null)).toEqual({
			attempt: 2,
			status: 'processing',
			cancelRequested: true
		});
		expect(await stored()).toEqual([
			['s1', { from: 2 }, 2],
			['s2', null, 2]
		]);
		expect(await stepEvents()).toEqual([
			{ name: 's1', phase: 'run', durationMs: 3 },
			{ name: 's2', phase: 'run', durationMs: 3 }
		]);

		// Phase changes and highlights outside a transaction are fenced the same way; a phase is not
		// entered while a cancel request waits (the runner then cancels under the row lock).
		expect(await addHighlight(t.db, id, 1, 'stale')).toBe(false);
		expect(await enterPhase(t.db, id, 1, 'stale', { phase: 'stale' })).toBe(false);
		expect(await enterPhase(t.db, id, 2, 'next', { phase: 'next' })).toBe(false);
		expect(await addHighlight(t.db, id, 2, 'still shown')).toBe(true);
		const row = await jobRow(id);
		expect([row.phase, row.highlights]).toEqual(['run', ['still shown']]);
		const types = (await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, id)))
			.sort((a, b) => a.id - b.id)
			.map((e) => e.type);
		expect(types).toEqual(['status', 'status', 'status', 'step', 'phase', 'step', 'highlight']);

		// An ended job takes no more checkpoints; a job that does not exist reports nothing.
		expect(await completeJob(t.db, id, 2, null)).toBe(true);
		expect((await checkpoint(2, 's3', 1))?.status).toBe('completed');
		expect(await stored()).toHaveLength(2);
		expect(
			await writeCheckpoint(t.db, {
				jobId: '00000000-0000-4000-8000-000000000000',
				attempt: 1,
				name: 's1',
				output: null,
				durationMs: 0,
				event: { name: 's1', phase: 'p', durationMs: 0 }
			})
		).toBeNull();
	});

	it('a value the database refuses fails only its own job of the batch', async () => {
		const { ids } = await unworkedJobs(3);
		// PostgreSQL's jsonb has no NUL character.
		const claims = await Promise.allSettled([
			claimJob(t.db, ids[0]!, 1, { status: 'processing', attempt: 1 }),
			claimJob(t.db, ids[1]!, 1, { status: 'processing', attempt: 1, worker: 'nul \u0000' }),
			claimJob(t.db, ids[2]!, 1, { status: 'processing', attempt: 1 })
		]);
		expect(claims.map((c) => c.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		const done = await Promise.allSettled([
			completeJob(t.db, ids[0]!, 1, { text: 'nul \u0000' }),
			completeJob(t.db, ids[2]!, 1, { text: 'fine' })
		]);
		expect(done.map((d) => d.status)).toEqual(['rejected', 'fulfilled']);
		const rows = await Promise.all(ids.map(jobRow));
		expect(rows.map((r) => r.status)).toEqual(['processing', 'pending', 'completed']);
		// Nothing was written twice by the retry of each call on its own.
		expect(await statuses(ids[0]!)).toEqual(['pending', 'processing']);
		expect(await statuses(ids[1]!)).toEqual(['pending']);
		expect(await statuses(ids[2]!)).toEqual(['pending', 'processing', 'completed']);
	});
});

describe('per-user concurrency', () => {
	it('runs a user’s second job only after the first ends, while another user’s job runs', async () => {
		const alice = await createUser(t, 'alice');
		const bob = await createUser(t, 'bob');
		const first = await engine.enqueue({ userId: alice, type: 'test-gated' });
		const second = await engine.enqueue({ userId: alice, type: 'test-gated' });
		const other = await engine.enqueue({ userId: bob, type: 'test-gated' });

		// Bob's job starts and blocks while Alice's first is still blocked: both run at once.
		await waitForEvent(engine, first.id, isHighlight('waiting (attempt 1)'));
		await waitForEvent(engine, other.id, isHighlight('waiting (attempt 1)'));
		expect((await jobRow(second.id)).status).toBe('pending');

		await release(first.id);
		const firstEvents = await collect(engine, first.id);
		const started = await waitForEvent(engine, second.id, (e) => e.payload.status === 'processing');
		expect(started.id).toBeGreaterThan(terminal(firstEvents).id);

		await waitForEvent(engine, second.id, isHighlight('waiting (attempt 1)'));
		await release(second.id);
		await release(other.id);
		expect(terminal(await collect(engine, second.id)).payload.status).toBe('completed');
		expect(terminal(await collect(engine, other.id)).payload.status).toBe('completed');
	});
});

describe('live events', () => {
	it('a subscriber that reconnects after event k gets k+1… exactly once', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-gated' });
		const seen = [];
		for await (const event of engine.events(job.id)) {
			seen.push(event);
			if (event.type === 'highlight' && event.payload.text === 'ran s1 (attempt 1)') break;
		}
		const k = seen.at(-1)!.id;
		// Events keep coming while nobody listens.
		await waitForEvent(engine, job.id, isHighlight('waiting (attempt 1)'));
		await release(job.id);
		const rest = await collect(engine, job.id, k);
		const all = await t.db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
		expect([...seen, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id).sort((a, b) => a - b));
		expect(rest[0]!.id).toBeGreaterThan(k);
	});

	it('a subscriber opened after the job ended replays every event and ends', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-flaky' });
		const live = await collect(engine, job.id);
		const replay = await collect(engine, job.id);
		expect(replay).toEqual(live);
	});

	it('fans one job out to many subscribers', async () => {
		const job = await engine.enqueue({ userId: user, type: 'test-gated' });
		const streams = Array.from({ length: 50 }, () => collect(engine, job.id));
		await waitForEvent(engine, job.id, isHighlight('waiting (attempt 1)'));
		await release(job.id);
		const results = await Promise.all(streams);
		const ids = results[0]!.map((e) => e.id);
		expect(ids.length).toBeGreaterThan(8);
		for (const r of results) expect(r.map((e) => e.id)).toEqual(ids);
	});
});
