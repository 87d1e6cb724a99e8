import { and, desc, eq, inArray, max } from 'drizzle-orm';
import { isTerminalStatus } from '../../schemas/jobs';
import { readEvents } from '../jobs/events';
import type { Executor } from '../db/client';
import { documentJobs, jobEvents, type JobStatus, type JobType } from '../db/schema';
import { InvalidInputError, NotFoundError } from './errors';

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

/** The job with every event it has so far, in order: what the progress page folds. */
export async function getJobWithEvents(db: Executor, userId: string, jobId: string) {
	const job = await getJob(db, userId, jobId);
	return { job, events: await readEvents(db, jobId) };
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

/**
 * Where a progress stream resuming after event `afterId` stands: `'ended'` when the job has
 * finished and every one of its events is at or before `afterId` (nothing is left to send, so the
 * stream must end at once instead of waiting for events that will never come), else `'open'`.
 * An id past the job's last event was never sent to anyone and is refused.
 */
export async function resumePoint(
	db: Executor,
	job: Pick<JobView, 'id' | 'status'>,
	afterId: number
): Promise<'open' | 'ended'> {
	if (afterId === 0) return 'open';
	const [row] = await db
		.select({ last: max(jobEvents.id) })
		.from(jobEvents)
		.where(eq(jobEvents.jobId, job.id));
	const last = row?.last ?? 0;
	if (afterId > last)
		throw new InvalidInputError(
			`Invalid input: /lastEventId: ${afterId} is not an event of this job (its last is ${last})`,
			[{ path: '/lastEventId', message: 'is not an event of this job' }]
		);
	return isTerminalStatus(job.status) && afterId === last ? 'ended' : 'open';
}
