import { eq } from 'drizzle-orm';
import { jobEventSchema, partialEventSchema, type JobEvent } from '../../schemas/jobs';
import type { Executor } from '../db/client';
import { documentJobs } from '../db/schema';
import { EVENT_JSON } from './sql/event';
import { run } from './sql/run';

export { EVENTS_CHANNEL } from './sql/event';

/** A NOTIFY message that only names its event (too large to carry it). */
export type PartialEvent = { id: number; jobId: string; partial: true };

/**
 * An event as the statements of `sql/` write it (`EVENT_JSON`), in a NOTIFY message or read back,
 * checked against its type's schema; the stream carries `createdAt` as an ISO timestamp. Throws
 * on anything else.
 */
export function parseEvent(json: string): JobEvent | PartialEvent {
	const raw: unknown = JSON.parse(json);
	const partial = partialEventSchema.safeParse(raw);
	if (partial.success) return partial.data;
	const event = jobEventSchema.parse(raw);
	return { ...event, createdAt: new Date(event.createdAt).toISOString() };
}

export const isPartial = (e: JobEvent | PartialEvent): e is PartialEvent => 'partial' in e;

const READ = `select ${EVENT_JSON} as message from job_events where job_id = $1 and id > $2 order by id`;

/** The job's events after `afterId` (0: all of them), in order. */
export async function readEvents(ex: Executor, jobId: string, afterId = 0): Promise<JobEvent[]> {
	const rows = await run<{ message: string }>(ex, READ, [jobId, afterId]);
	return rows.map((r) => parseEvent(r.message)).filter((e): e is JobEvent => !isPartial(e));
}

/**
 * Locks the job's row for the rest of the transaction. Every event written in a transaction comes
 * after this lock, so one job's events get their ids in commit order and a reader never sees id
 * n+1 before id n.
 */
export async function lockJob(tx: Executor, jobId: string) {
	const [row] = await tx
		.select()
		.from(documentJobs)
		.where(eq(documentJobs.id, jobId))
		.for('update');
	return row ?? null;
}
