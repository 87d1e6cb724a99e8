import { z } from 'zod';
import { jobStatuses } from './views';

/**
 * A background job's events, as stored in `job_events`, streamed by `jobs.onProgress` and folded
 * by the progress page: one shape per event type, its payload typed. Browser-safe.
 */

export const jobEventTypes = ['status', 'phase', 'highlight', 'step'] as const;
export type JobEventType = (typeof jobEventTypes)[number];

const record = z.record(z.string(), z.unknown());

/** The payload of each event type. */
export const jobEventPayloads = {
	/** The job's status changed; a retry stays `processing` with `retrying` and the error met. */
	status: z.object({
		status: z.enum(jobStatuses),
		attempt: z.number().int().optional(),
		retrying: z.boolean().optional(),
		error: z.string().optional(),
		/** What a completed job made: e.g. `profileId`, `opportunityId`, `title`. */
		summary: record.optional()
	}),
	/** A phase began; `ticker` is what the page may say while it runs. */
	phase: z.object({ phase: z.string(), ticker: z.array(z.string()) }),
	/** Something found along the way ("Found 3 roles"). */
	highlight: z.object({ text: z.string() }),
	/** A step finished. */
	step: z.object({ name: z.string(), phase: z.string(), durationMs: z.number() })
} satisfies Record<JobEventType, z.ZodType>;

export type JobEventPayload<T extends JobEventType = JobEventType> = z.infer<
	(typeof jobEventPayloads)[T]
>;

const event = <T extends JobEventType>(type: T) =>
	z.object({
		id: z.number().int(),
		jobId: z.string(),
		type: z.literal(type),
		payload: jobEventPayloads[type],
		createdAt: z.string()
	});

export const jobEventSchema = z.discriminatedUnion('type', [
	event('status'),
	event('phase'),
	event('highlight'),
	event('step')
]);

/** One event of a job, its payload typed by its `type`. */
export type JobEvent = z.infer<typeof jobEventSchema>;
