import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/** One row per JSON Resume item (work, project, education, …) with its fields as jsonb. */
export const careerItems = pgTable(
	'career_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** JSON Resume section: basics, work, projects, education, certificates, awards, volunteer, skills, … */
		section: text('section').notNull(),
		position: integer('position').notNull(),
		/** RFC 6901 pointer of the item in the imported document, e.g. `/work/0`. */
		sourcePath: text('source_path'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('career_items_user_idx').on(t.userId, t.section, t.position)]
);

/** Atomic facts: one row per highlight, summary, skill keyword or degree. */
export const claims = pgTable(
	'claims',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id').references(() => careerItems.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		text: text('text').notNull(),
		sourcePath: text('source_path'),
		skills: text('skills').array().notNull().default([]),
		/**
		 * Set when a re-import no longer holds this fact: the claim leaves the record but stays for
		 * the profiles that cite it.
		 */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('claims_user_idx').on(t.userId), index('claims_item_idx').on(t.itemId)]
);

/**
 * An imported resume waiting for the person's review, one per user: the JSON Resume read from
 * their file or text, shown before it replaces the record.
 */
export const careerDrafts = pgTable('career_drafts', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	resume: jsonb('resume').$type<Record<string, unknown>>().notNull(),
	/** The file's name, or "pasted text". */
	source: text('source').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
