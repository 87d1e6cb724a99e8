import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import type { Tx } from '../../src/lib/server/db/client';
import { users } from '../../src/lib/server/db/schema';
import type { EnqueueRequest } from '../../src/lib/server/jobs/enqueue';
import { JobEngine } from '../../src/lib/server/jobs/engine';
import type { JobEvent } from '../../src/lib/schemas/jobs';
import type { Pipeline } from '../../src/lib/server/jobs/pipeline';
import { createLogger } from '../../src/lib/server/log';
import type { TestDatabase } from './db';
import { testPipelines } from './pipelines';

export const testLog = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export async function startEngine(
	t: TestDatabase,
	options: { worker?: boolean; retries?: number; pipelines?: Pipeline[]; concurrency?: number } = {}
): Promise<JobEngine> {
	const engine = await JobEngine.start({
		url: t.url,
		db: t.db,
		sql: t.sql,
		log: testLog,
		pipelines: options.pipelines ?? testPipelines(t.sql),
		queue: { retries: options.retries ?? 2 },
		worker: options.worker ?? true,
		concurrency: options.concurrency ?? 4
	});
	afterAll(() => engine.stop(5_000));
	return engine;
}

/** Jobs of one type enqueued in one transaction: the caller's `tx` when given. */
export function enqueueAll(
	t: TestDatabase,
	engine: JobEngine,
	type: string,
	requests: Omit<EnqueueRequest, 'type'>[],
	tx?: Tx
): Promise<{ id: string }[]> {
	const run = (tx: Tx) => Promise.all(requests.map((r) => engine.enqueue({ ...r, type }, tx)));
	return tx ? run(tx) : t.db.transaction(run);
}

export async function createUser(t: TestDatabase, name = 'user'): Promise<string> {
	const id = randomUUID();
	await t.db.insert(users).values({ id, name, email: `${name}-${id}@example.com` });
	return id;
}

/** Every event of the job from `afterId` on, until its terminal event. */
export async function collect(engine: JobEngine, jobId: string, afterId = 0): Promise<JobEvent[]> {
	const events: JobEvent[] = [];
	for await (const event of engine.events(jobId, afterId)) events.push(event);
	return events;
}

/** Waits (on the event stream, not a timer) for the first event of the job that matches. */
export async function waitForEvent(
	engine: JobEngine,
	jobId: string,
	match: (e: JobEvent) => boolean
): Promise<JobEvent> {
	for await (const event of engine.events(jobId)) if (match(event)) return event;
	throw new Error(`job ${jobId} ended without the awaited event`);
}

export const highlights = (events: JobEvent[]) =>
	events.filter((e) => e.type === 'highlight').map((e) => String(e.payload.text));

export const isHighlight = (text: string) => (e: JobEvent) =>
	e.type === 'highlight' && String(e.payload.text) === text;

export const terminal = (events: JobEvent[]) => events.at(-1)!;
