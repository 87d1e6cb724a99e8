import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { documentJobs, type JobStatus, type JobType } from '../db/schema';
import { NotFoundError } from './errors';

/** A background job as its owner sees it (the input, which may be a whole resume, is left out). */
export type JobView = {
	id: string;
	type: JobType;
	status: JobStatus;
	phase: string | null;
	highlights: string[];
	error: string | null;
	/** What the finished job made: e.g. `profileId`, `opportunityId`, `title`, `shareToken`. */
	summary: Record<string, unknown> | null;
	opportunityId: string | null;
	profileId: string | null;
	attempt: number;
	cancelRequested: boolean;
	createdAt: Date;
	startedAt: Date | null;
	completedAt: Date | null;
};

export const toJobView = (row: typeof documentJobs.$inferSelect): JobView => ({
	id: row.id,
	type: row.jobType as JobType,
	status: row.status,
	phase: row.phase,
	highlights: row.highlights,
	error: row.error,
	summary: row.summary ?? null,
	opportunityId: row.opportunityId,
	profileId: row.tailoredProfileId,
	attempt: row.attempt,
	cancelRequested: row.cancelRequestedAt !== null,
	createdAt: row.createdAt,
	startedAt: row.startedAt,
	completedAt: row.completedAt
});

export async function getJob(db: Executor, userId: string, jobId: string): Promise<JobView> {
	const [row] = await db
		.select()
		.from(documentJobs)
		.where(and(eq(documentJobs.id, jobId), eq(documentJobs.userId, userId)));
	if (!row) throw new NotFoundError('Job');
	return toJobView(row);
}

export type JobFilter = {
	limit?: number;
	type?: JobType;
	status?: JobStatus[];
	opportunityId?: string;
};

/** The user's jobs, newest first. */
export async function listJobs(
	db: Executor,
	userId: string,
	filter: JobFilter = {}
): Promise<JobView[]> {
	const rows = await db
		.select()
		.from(documentJobs)
		.where(
			and(
				eq(documentJobs.userId, userId),
				filter.type ? eq(documentJobs.jobType, filter.type) : undefined,
				filter.status?.length ? inArray(documentJobs.status, filter.status) : undefined,
				filter.opportunityId ? eq(documentJobs.opportunityId, filter.opportunityId) : undefined
			)
		)
		.orderBy(desc(documentJobs.createdAt), desc(documentJobs.id))
		.limit(filter.limit ?? 20);
	return rows.map(toJobView);
}
