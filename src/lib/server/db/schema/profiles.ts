import {
	boolean,
	index,
	integer,
	jsonb,
	numeric,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { opportunities } from './opportunities';

/** One tailored profile per (user, opportunity). The `*_original` columns keep what was generated. */
export const tailoredProfiles = pgTable(
	'tailored_profiles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunities.id, { onDelete: 'cascade' }),
		talkingPoints: jsonb('talking_points').$type<unknown[]>().notNull(),
		narrative: text('narrative').notNull(),
		narrativeOriginal: text('narrative_original').notNull(),
		narrativeSentences: jsonb('narrative_sentences').$type<unknown[]>().notNull().default([]),
		resumeData: jsonb('resume_data').$type<Record<string, unknown>>().notNull(),
		resumeDataOriginal: jsonb('resume_data_original').$type<Record<string, unknown>>().notNull(),
		editedFields: text('edited_fields').array().notNull().default([]),
		evaluation: jsonb('evaluation').$type<Record<string, unknown>>(),
		matchScore: integer('match_score').notNull(),
		engine: text('engine').notNull(),
		model: text('model').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('tailored_profiles_user_opportunity_key').on(t.userId, t.opportunityId)]
);

export const tailoringEvalLog = pgTable(
	'tailoring_eval_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tailoredProfileId: uuid('tailored_profile_id')
			.notNull()
			.references(() => tailoredProfiles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		passed: boolean('passed').notNull(),
		groundingPassed: boolean('grounding_passed').notNull(),
		hallucinations: jsonb('hallucinations').$type<unknown[]>().notNull().default([]),
		missedOpportunities: jsonb('missed_opportunities').$type<unknown[]>().notNull().default([]),
		gaps: jsonb('gaps').$type<unknown[]>().notNull().default([]),
		evalModel: text('eval_model').notNull(),
		evalCostCents: numeric('eval_cost_cents', { precision: 12, scale: 4, mode: 'number' })
			.notNull()
			.default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('tailoring_eval_log_profile_idx').on(t.tailoredProfileId)]
);

export const shareLinks = pgTable(
	'share_links',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** ≥128 random bits, base64url. */
		token: text('token').notNull().unique(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tailoredProfileId: uuid('tailored_profile_id')
			.notNull()
			.references(() => tailoredProfiles.id, { onDelete: 'cascade' }),
		viewCount: integer('view_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('share_links_profile_idx').on(t.tailoredProfileId)]
);
