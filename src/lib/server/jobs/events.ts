import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { documentJobs, jobEvents, type JobEventType, type JobStatus } from '../db/schema';

/** The NOTIFY channel that carries every appended job event to every process. */
export const EVENTS_CHANNEL = 'tailor_job_events';

export type JobEvent = {
	id: number;
	jobId: string;
	type: JobEventType;
	payload: Record<string, unknown>;
	createdAt: string;
};

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export const isTerminalEvent = (e: Pick<JobEvent, 'type' | 'payload'>) =>
	e.type === 'status' && TERMINAL_STATUSES.includes(e.payload.status as JobStatus);

/**
 * Locks the job's row for the rest of the transaction. Every event append takes this lock first, so
 * one job's events get their ids in commit order and a reader never sees id n+1 before id n.
 */
export async function lockJob(tx: Executor, jobId: string) {
	const [row] = await tx
		.select()
		.from(documentJobs)
		.where(eq(documentJobs.id, jobId))
		.for('update');
	return row ?? null;
}

/**
 * Appends an event inside the caller's transaction (which must hold `lockJob`) and announces it
 * with NOTIFY, delivered when that transaction commits. The notification carries the whole event
 * when it fits in NOTIFY's 8 kB payload, else only its ids for listeners to read it back.
 */
export async function appendEvent(
	tx: Executor,
	jobId: string,
	type: JobEventType,
	payload: Record<string, unknown>
): Promise<JobEvent> {
	const [row] = await tx.insert(jobEvents).values({ jobId, type, payload }).returning();
	const event: JobEvent = {
		id: row!.id,
		jobId,
		type,
		payload: row!.payload,
		createdAt: row!.createdAt.toISOString()
	};
	let message = JSON.stringify(event);
	if (Buffer.byteLength(message) > 7_900)
		message = JSON.stringify({ id: event.id, jobId, partial: true });
	await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${message})`);
	return event;
}

export function toJobEvent(row: typeof jobEvents.$inferSelect): JobEvent {
	return {
		id: row.id,
		jobId: row.jobId,
		type: row.type,
		payload: row.payload,
		createdAt: row.createdAt.toISOString()
	};
}
