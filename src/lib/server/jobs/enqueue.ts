import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/client';
import { insertJobsWithEvents, insertJobWithEvent, type NewJob } from './events';

export type EnqueueRequest = {
	userId: string;
	type: string;
	input?: Record<string, unknown>;
	opportunityId?: string | null;
};

/** What pg-boss carries for each job: just enough to find the `document_jobs` row. */
export type JobData = { jobId: string; userId: string };

/**
 * Writes the `document_jobs` row, its first event and the pg-boss job in one transaction: the
 * caller's (`tx`) when given, so a rolled-back request leaves neither behind.
 */
export async function enqueueJob(
	db: Database,
	boss: PgBoss,
	request: EnqueueRequest,
	tx?: Tx
): Promise<{ id: string }> {
	const id = randomUUID();
	const data: JobData = { jobId: id, userId: request.userId };
	// Both statements go out together on the transaction's connection (postgres.js pipelines them).
	const run = (t: Tx) =>
		Promise.all([
			insertJobWithEvent(t, {
				id,
				userId: request.userId,
				jobType: request.type,
				input: request.input ?? {},
				opportunityId: request.opportunityId ?? null
			}),
			boss.send(request.type, data, { id, group: { id: request.userId }, db: fromDrizzle(t, sql) })
		]);
	await (tx ? run(tx) : db.transaction(run));
	return { id };
}

/**
 * Enqueues many jobs at once: their `document_jobs` rows and first events in one statement, their
 * pg-boss jobs in another, both in one transaction (the caller's `tx` when given). The jobs of one
 * call share a type. For producers that create work in bulk; the result is the same as calling
 * `enqueueJob` for each request inside one transaction.
 */
export async function enqueueJobs(
	db: Database,
	boss: PgBoss,
	type: string,
	requests: Omit<EnqueueRequest, 'type'>[],
	tx?: Tx
): Promise<{ id: string }[]> {
	const jobs: NewJob[] = requests.map((r) => ({
		id: randomUUID(),
		userId: r.userId,
		jobType: type,
		input: r.input ?? {},
		opportunityId: r.opportunityId ?? null
	}));
	if (!jobs.length) return [];
	const run = async (t: Tx) => {
		const [, ids] = await Promise.all([
			insertJobsWithEvents(t, jobs),
			boss.insert(
				type,
				jobs.map((j) => ({
					id: j.id,
					data: { jobId: j.id, userId: j.userId } satisfies JobData,
					group: { id: j.userId }
				})),
				{ db: fromDrizzle(t, sql), returnId: true }
			)
		]);
		// pg-boss skips a job whose id already exists; with fresh ids that would be a bug.
		if (ids?.length !== jobs.length) throw new Error('pg-boss did not insert every job');
	};
	await (tx ? run(tx) : db.transaction(run));
	return jobs.map((j) => ({ id: j.id }));
}
