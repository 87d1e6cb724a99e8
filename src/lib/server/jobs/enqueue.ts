import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/client';
import { documentJobs } from '../db/schema';
import { appendEvent } from './events';

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
): Promise<typeof documentJobs.$inferSelect> {
	const run = async (t: Tx) => {
		const [job] = await t
			.insert(documentJobs)
			.values({
				userId: request.userId,
				jobType: request.type,
				input: request.input ?? {},
				opportunityId: request.opportunityId ?? null
			})
			.returning();
		await appendEvent(t, job!.id, 'status', { status: 'pending' });
		const data: JobData = { jobId: job!.id, userId: request.userId };
		await boss.send(request.type, data, {
			id: job!.id,
			group: { id: request.userId },
			db: fromDrizzle(t, sql)
		});
		return job!;
	};
	return tx ? run(tx) : db.transaction(run);
}
