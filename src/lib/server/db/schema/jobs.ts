import {
	bigserial,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { opportunities } from './opportunities';
import { tailoredProfiles } from './profiles';

import type { JobEventType, JobStatus } from '../../../schemas/jobs';

export type { JobEventType, JobStatus, JobType } from '../../../schemas/jobs';

/** A background job as the user sees it; the pg-boss job of the same id does the work. */
export const documentJobs = pgTable(
	'document_jobs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The pipeline that runs it: `resume`, `opportunity` or `tailor`. */
		jobType: text('job_type').notNull(),
		status: text('status').$type<JobStatus>().notNull().default('pending'),
		phase: text('phase'),
		highlights: jsonb('highlights').$type<string[]>().notNull().default([]),
		input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
		error: text('error'),
		summary: jsonb('summary').$type<Record<string, unknown>>(),
		opportunityId: uuid('opportunity_id').references(() => opportunities.id, {
			onDelete: 'set null'
		}),
		tailoredProfileId: uuid('tailored_profile_id').references(() => tailoredProfiles.id, {
			onDelete: 'set null'
		}),
		/** The attempt now running (1 = first); a worker whose attempt is no longer current writes nothing. */
		attempt: integer('attempt').notNull().default(0),
		/** Set by a cancel request while the job runs; the worker stops at the next step boundary. */
		cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp('started_at', { withTimezone: true }),
		completedAt: timestamp('completed_at', { withTimezone: true })
	},
	(t) => [index('document_jobs_user_idx').on(t.userId, t.createdAt)]
);

/** Append-only: the source of the live progress stream and of its replay. */
export const jobEvents = pgTable(
	'job_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		jobId: uuid('job_id')
			.notNull()
			.references(() => documentJobs.id, { onDelete: 'cascade' }),
		type: text('type').$type<JobEventType>().notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('job_events_job_idx').on(t.jobId, t.id)]
);

/** Step checkpoints: a finished step's output, returned instead of running the step again. */
export const jobSteps = pgTable(
	'job_steps',
	{
		jobId: uuid('job_id')
			.notNull()
			.references(() => documentJobs.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		output: jsonb('output'),
		attempt: integer('attempt').notNull(),
		durationMs: integer('duration_ms').notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ name: 'job_steps_pkey', columns: [t.jobId, t.name] })]
);
