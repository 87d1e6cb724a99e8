import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys, users } from './auth';
import { documentJobs } from './jobs';

/**
 * An API key's completion webhook: when a job started with that key ends, Tailor POSTs a signed
 * notice to `url`, retrying with backoff until it is taken (2xx).
 */
export const apiKeyWebhooks = pgTable('api_key_webhooks', {
	apiKeyId: text('api_key_id')
		.primaryKey()
		.references(() => apiKeys.id, { onDelete: 'cascade' }),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	url: text('url').notNull(),
	/** The HMAC-SHA256 key notices are signed with; shown to the owner once, when set. */
	secret: text('secret').notNull(),
	/** The last delivery attempt: when, and `delivered` or what went wrong. */
	lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
	lastResult: text('last_result'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Jobs that ended and whose API key has a webhook, written by the statement that ends the job
 * (see `jobs/sql/event.ts`) and moved from here into the delivery queue.
 */
export const webhookOutbox = pgTable('webhook_outbox', {
	jobId: uuid('job_id')
		.primaryKey()
		.references(() => documentJobs.id, { onDelete: 'cascade' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
