import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A request an API client marked with an idempotency key, and the answer it got: a repeat of the
 * same key within a day gets that answer again instead of doing the work twice.
 */
export const idempotencyKeys = pgTable(
	'idempotency_keys',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		procedure: text('procedure').notNull(),
		key: text('key').notNull(),
		/** SHA-256 of the request's input: the same key with another input is refused. */
		requestHash: text('request_hash').notNull(),
		/** The first answer, serialized with superjson (null until the first request has run). */
		response: jsonb('response'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.procedure, t.key] }),
		index('idempotency_keys_user_created_idx').on(t.userId, t.createdAt)
	]
);
