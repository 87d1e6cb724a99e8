import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/client';
import { insertJobs } from './sql/insert-jobs';

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
			insertJobs(t, [
				{
					id,
					userId: request.userId,
					jobType: request.type,
					input: request.input ?? {},
					opportunityId: request.opportunityId ?? null
				}
			]),
			boss.send(request.type, data, { id, group: { id: request.userId }, db: fromDrizzle(t, sql) })
		]);
	await (tx ? run(tx) : db.transaction(run));
	return { id };
}
