import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

import type { Requirement } from '../../../schemas/profile';

export type { Requirement };

export const opportunities = pgTable(
	'opportunities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		company: text('company'),
		description: text('description').notNull(),
		url: text('url'),
		requirements: jsonb('requirements').$type<Requirement[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('opportunities_user_idx').on(t.userId, t.createdAt)]
);
