import { z } from 'zod';

/**
 * Background jobs as the server stores them and every client reads them: statuses, phases and the
 * events of `job_events` (SPEC §4, §5). Browser-safe.
 */

export const jobTypes = ['resume', 'opportunity', 'tailor'] as const;
export const jobStatuses = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export const terminalStatuses = ['completed', 'failed', 'cancelled'] as const;
export const jobEventTypes = ['status', 'phase', 'highlight', 'step'] as const;

export type JobType = (typeof jobTypes)[number];
export type JobStatus = (typeof jobStatuses)[number];
export type TerminalStatus = (typeof terminalStatuses)[number];
export type JobEventType = (typeof jobEventTypes)[number];

const terminal: ReadonlySet<string> = new Set(terminalStatuses);

/** A job in this status has ended: it takes no more steps and writes no more events. */
export const isTerminalStatus = (status: string): status is TerminalStatus => terminal.has(status);

/** A phase of a pipeline, as the progress page shows it. */
export type Phase = {
	name: string;
	/** The phase stepper's label. */
	label: string;
	/** Rotating messages shown while the phase runs. */
	ticker: string[];
};

export type StatusPayload = {
	status: JobStatus;
	/** The attempt that claimed the job, and the process running it (`host:pid`). */
	attempt?: number;
	worker?: string;
	/** An attempt failed with `error` and the job will be retried. */
	retrying?: boolean;
	error?: string;
	/** What a completed job made (the pipeline's summary). */
	summary?: Record<string, unknown>;
};

export type PhasePayload = { phase: string; ticker?: string[] };
export type HighlightPayload = { text: string };
export type StepPayload = { name: string; phase: string; durationMs: number };

type PayloadKey = keyof (StatusPayload & PhasePayload & HighlightPayload & StepPayload);
/** A payload that has none of the other kinds' fields, so any event's `payload.status` reads. */
type Only<P> = P & { [K in Exclude<PayloadKey, keyof P>]?: never };

/** The `type` and `payload` of each kind of event. */
export type JobEventData =
	| { type: 'status'; payload: Only<StatusPayload> }
	| { type: 'phase'; payload: Only<PhasePayload> }
	| { type: 'highlight'; payload: Only<HighlightPayload> }
	| { type: 'step'; payload: Only<StepPayload> };

/** One `job_events` row: what the progress stream carries and replays. */
export type JobEvent = JobEventData & { id: number; jobId: string; createdAt: string };

export const isTerminalEvent = (e: JobEventData): boolean =>
	e.type === 'status' && isTerminalStatus(e.payload.status);

const summarySchema = z.record(z.string(), z.unknown());

/**
 * The same events as zod schemas: what a stored or announced event is checked against when it is
 * read (`jobs/events.ts`), so a reader never trusts a payload's shape blindly.
 */
export const jobEventPayloadSchemas = {
	status: z.object({
		status: z.enum(jobStatuses),
		attempt: z.number().int().optional(),
		worker: z.string().optional(),
		retrying: z.boolean().optional(),
		error: z.string().optional(),
		summary: summarySchema.optional()
	}),
	phase: z.object({ phase: z.string(), ticker: z.array(z.string()).optional() }),
	highlight: z.object({ text: z.string() }),
	step: z.object({ name: z.string(), phase: z.string(), durationMs: z.number() })
} satisfies { [K in JobEventType]: z.ZodType<Extract<JobEventData, { type: K }>['payload']> };

const eventOf = <K extends JobEventType>(type: K) =>
	z.object({
		id: z.number().int(),
		jobId: z.string(),
		createdAt: z.string(),
		type: z.literal(type),
		payload: jobEventPayloadSchemas[type]
	});

/** One job event, its payload checked for its type. */
export const jobEventSchema = z.discriminatedUnion('type', [
	eventOf('status'),
	eventOf('phase'),
	eventOf('highlight'),
	eventOf('step')
]) satisfies z.ZodType<JobEvent>;

/** A NOTIFY message too large to carry its event: only the ids, to read it back. */
export const partialEventSchema = z.object({
	id: z.number().int(),
	jobId: z.string(),
	partial: z.literal(true)
});
