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

/** What one version of a profile says, as both tables store it. */
const versionContent = () => ({
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
	/** What the deterministic grounding check found in the person's own edits. */
	editHallucinations: jsonb('edit_hallucinations').$type<unknown[]>().notNull().default([]),
	/** When this version was generated. */
	generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One tailored profile per (user, opportunity): its id and URL stay for good, its content is the
 * current version. The `*_original` columns keep what was generated; earlier versions (and a
 * regeneration still running) live in `profile_versions`.
 */
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
		...versionContent(),
		/** Set when a re-import retired a claim this version cites: "based on an earlier record". */
		recordOutdated: boolean('record_outdated').notNull().default(false),
		/** 1 for the first generation; each regeneration that completes takes the next number. */
		version: integer('version').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('tailored_profiles_user_opportunity_key').on(t.userId, t.opportunityId)]
);

/**
 * A profile's other versions: `archived` ones it had before (each with its number, edits and
 * evaluation, so it can be compared and restored), and at most one `pending` one, written by a
 * regeneration and switched in when that job completes. A cancelled or failed regeneration leaves
 * only its pending row, which is never shown and is dropped by the next one.
 */
export const profileVersions = pgTable(
	'profile_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => tailoredProfiles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status').$type<'pending' | 'archived'>().notNull(),
		/** Null while pending. */
		version: integer('version'),
		/** The job that generated it. */
		jobId: uuid('job_id'),
		...versionContent(),
		/** When it stopped being the current version. */
		archivedAt: timestamp('archived_at', { withTimezone: true })
	},
	(t) => [
		unique('profile_versions_profile_version_key').on(t.profileId, t.version),
		index('profile_versions_job_idx').on(t.jobId)
	]
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
		/** A version number to show that version for good; null follows the current version. */
		pinnedVersion: integer('pinned_version'),
		viewCount: integer('view_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('share_links_profile_idx').on(t.tailoredProfileId)]
);
