import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database, Tx } from '../db/client';
import { documentJobs } from '../db/schema';
import { isTerminalStatus } from '../../schemas/jobs';
import { lockJob } from './events';
import { finish } from './sql/finish';

export type CancelResult = 'cancelled' | 'cancelling' | 'already-finished' | 'not-found';

/**
 * Cancels one of the user's jobs. A job still waiting is cancelled at once; a running one is
 * flagged, and its worker stops at the next step boundary and marks it cancelled.
 */
export async function cancelJob(
	db: Database,
	boss: PgBoss,
	userId: string,
	jobId: string
): Promise<CancelResult> {
	return db.transaction(async (tx) => {
		const row = await lockJob(tx, jobId);
		if (!row || row.userId !== userId) return 'not-found';
		if (isTerminalStatus(row.status)) return 'already-finished';
		if (row.status === 'pending') {
			await finish(tx, row.id, 'cancelled');
			await boss.cancel(row.jobType, jobId);
			return 'cancelled';
		}
		await tx
			.update(documentJobs)
			.set({ cancelRequestedAt: new Date() })
			.where(and(eq(documentJobs.id, jobId), isNull(documentJobs.cancelRequestedAt)));
		return 'cancelling';
	});
}

/**
 * Cancels every unfinished job of one of the user's opportunities, in the caller's transaction
 * (deleting the opportunity): a waiting job ends at once (its queued run then finds it ended and
 * does nothing), a running one stops at its next step boundary, before any further step runs.
 */
export async function cancelJobsOf(tx: Tx, userId: string, opportunityId: string): Promise<number> {
	const rows = await tx
		.select()
		.from(documentJobs)
		.where(
			and(
				eq(documentJobs.userId, userId),
				eq(documentJobs.opportunityId, opportunityId),
				inArray(documentJobs.status, ['pending', 'processing'])
			)
		)
		.for('update');
	for (const row of rows) {
		if (row.status === 'pending') await finish(tx, row.id, 'cancelled');
		else if (!row.cancelRequestedAt)
			await tx
				.update(documentJobs)
				.set({ cancelRequestedAt: new Date() })
				.where(eq(documentJobs.id, row.id));
	}
	return rows.length;
}
