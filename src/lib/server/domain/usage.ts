import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { documentJobs, usageCounters } from '../db/schema';
import type { Usage } from '../../schemas/views';

/** The calendar month (UTC) usage is counted in, `YYYY-MM`. */
export const usageMonth = (at = new Date()) => at.toISOString().slice(0, 7);

/** Counts one tailored profile for the user this month (inside the caller's transaction). */
export async function countProfile(tx: Executor, userId: string): Promise<void> {
	await tx
		.insert(usageCounters)
		.values({ userId, month: usageMonth(), profilesCreated: 1 })
		.onConflictDoUpdate({
			target: [usageCounters.userId, usageCounters.month],
			set: {
				profilesCreated: sql`${usageCounters.profilesCreated} + 1`,
				updatedAt: new Date()
			}
		});
}

/** Profiles created this month, tailor jobs still running (each may add one), and the limit. */
export async function getUsage(db: Executor, userId: string, limit: number): Promise<Usage> {
	const month = usageMonth();
	const [counter] = await db
		.select({ used: usageCounters.profilesCreated })
		.from(usageCounters)
		.where(and(eq(usageCounters.userId, userId), eq(usageCounters.month, month)));
	const [running] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(documentJobs)
		.where(
			and(
				eq(documentJobs.userId, userId),
				eq(documentJobs.jobType, 'tailor'),
				inArray(documentJobs.status, ['pending', 'processing'])
			)
		);
	return { month, used: counter?.used ?? 0, inProgress: running?.n ?? 0, limit };
}
