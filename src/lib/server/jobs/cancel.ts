import { and, eq, isNull } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/client';
import { documentJobs } from '../db/schema';
import { lockJob, TERMINAL_STATUSES } from './events';
import { finish } from './runner';

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
		if (TERMINAL_STATUSES.includes(row.status)) return 'already-finished';
		if (row.status === 'pending') {
			await finish(tx, row, 'cancelled', {});
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
