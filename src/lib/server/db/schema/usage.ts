import {
	index,
	integer,
	numeric,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { documentJobs } from './jobs';

/** One row per model call, with its token usage and cost. */
export const llmCalls = pgTable(
	'llm_calls',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		jobId: uuid('job_id').references(() => documentJobs.id, { onDelete: 'set null' }),
		step: text('step'),
		model: text('model').notNull(),
		inputTokens: integer('input_tokens').notNull().default(0),
		outputTokens: integer('output_tokens').notNull().default(0),
		costCents: numeric('cost_cents', { precision: 12, scale: 4, mode: 'number' })
			.notNull()
			.default(0),
		latencyMs: integer('latency_ms').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('llm_calls_job_idx').on(t.jobId)]
);

/** Tailored profiles created per user and calendar month (UTC), checked against the monthly limit. */
export const usageCounters = pgTable(
	'usage_counters',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Calendar month, `YYYY-MM`. */
		month: text('month').notNull(),
		profilesCreated: integer('profiles_created').notNull().default(0),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ name: 'usage_counters_pkey', columns: [t.userId, t.month] })]
);

/** Server-wide values that every process must share, such as the generated session secret. */
export const appSettings = pgTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
