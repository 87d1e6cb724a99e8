import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type {
	Evaluation,
	Hallucination,
	JsonResume,
	NarrativeSentence,
	TailoredProfile,
	TalkingPoint
} from '../../schemas/profile';
import type { Database, Executor } from '../db/client';
import { opportunities, tailoredProfiles } from '../db/schema';
import { evaluationAfterEdits, strings } from '../engines/grounding';
import { NotFoundError } from './errors';

export type ProfileRow = typeof tailoredProfiles.$inferSelect;

/** A stored profile as the API returns it: SPEC §6's TailoredProfile plus its identity and edits. */
export type ProfileView = TailoredProfile & {
	id: string;
	opportunityId: string;
	editedFields: string[];
	model: string;
	/** The version shown (the current one unless an earlier version was asked for). */
	version: number;
	generatedAt: Date;
	/** Some claim it cites has left the career record since: "based on an earlier record". */
	recordOutdated: boolean;
	createdAt: Date;
	updatedAt: Date;
};

const pendingEvaluation: Evaluation = {
	passed: false,
	grounding: { passed: false, hallucinations: [] },
	utilization: { missed: [] },
	gaps: [],
	model: 'none',
	costCents: 0
};

/** The generated originals stay in the database: a view shows the current fields. */
const {
	narrativeOriginal: _n,
	resumeDataOriginal: _r,
	...viewColumns
} = getTableColumns(tailoredProfiles);

type EvaluatedContent = Pick<
	ProfileRow,
	| 'evaluation'
	| 'editHallucinations'
	| 'editedFields'
	| 'talkingPoints'
	| 'narrative'
	| 'resumeData'
>;

/** The stored evaluation with the person's edits taken into account (see `evaluationAfterEdits`). */
export function effectiveEvaluation(row: EvaluatedContent): Evaluation {
	const evaluation = (row.evaluation as Evaluation | null) ?? pendingEvaluation;
	if (!row.editedFields.length && !row.editHallucinations.length) return evaluation;
	const currentText = [
		...strings(row.talkingPoints),
		row.narrative,
		...strings(row.resumeData)
	].join('\n');
	return evaluationAfterEdits(evaluation, {
		hallucinations: row.editHallucinations as Hallucination[],
		currentText
	});
}

export function toProfileView(
	row: Omit<ProfileRow, 'narrativeOriginal' | 'resumeDataOriginal'>,
	opportunity: { title: string; company: string | null }
): ProfileView {
	return {
		id: row.id,
		opportunityId: row.opportunityId,
		opportunity: { title: opportunity.title, company: opportunity.company },
		talkingPoints: row.talkingPoints as TalkingPoint[],
		narrative: row.narrative,
		narrativeSentences: row.narrativeSentences as NarrativeSentence[],
		resume: row.resumeData as JsonResume,
		evaluation: effectiveEvaluation(row),
		matchScore: row.matchScore,
		engine: row.engine as TailoredProfile['engine'],
		model: row.model,
		editedFields: row.editedFields,
		version: row.version,
		generatedAt: row.generatedAt,
		recordOutdated: row.recordOutdated,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/** A profile with the title and company of its opportunity. */
const selectView = (db: Executor) =>
	db
		.select({
			profile: viewColumns,
			title: opportunities.title,
			company: opportunities.company
		})
		.from(tailoredProfiles)
		.innerJoin(opportunities, eq(opportunities.id, tailoredProfiles.opportunityId));

async function load(db: Executor, where: ReturnType<typeof and>): Promise<ProfileView | null> {
	const [row] = await selectView(db).where(where);
	return row ? toProfileView(row.profile, row) : null;
}

export async function getProfile(db: Executor, userId: string, id: string): Promise<ProfileView> {
	const view = await load(
		db,
		and(eq(tailoredProfiles.id, id), eq(tailoredProfiles.userId, userId))
	);
	if (!view) throw new NotFoundError('Profile');
	return view;
}

/** The profile for an opportunity, or null when none has been made yet. */
export async function findProfileFor(
	db: Executor,
	userId: string,
	opportunityId: string
): Promise<ProfileView | null> {
	return load(
		db,
		and(eq(tailoredProfiles.opportunityId, opportunityId), eq(tailoredProfiles.userId, userId))
	);
}

function prepareFindProfileFor(db: Database) {
	return selectView(db)
		.where(
			and(
				eq(tailoredProfiles.opportunityId, sql.placeholder('opportunityId')),
				eq(tailoredProfiles.userId, sql.placeholder('userId'))
			)
		)
		.prepare('find_profile_for');
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareFindProfileFor>>();

/**
 * As `findProfileFor`, outside a transaction, with the query built once per database: the
 * cached-tailor answer is the API's hottest path, and building the query cost more than running it.
 */
export async function findProfileForFast(
	db: Database,
	userId: string,
	opportunityId: string
): Promise<ProfileView | null> {
	let query = prepared.get(db);
	if (!query) prepared.set(db, (query = prepareFindProfileFor(db)));
	const [row] = await query.execute({ userId, opportunityId });
	return row ? toProfileView(row.profile, row) : null;
}

/** The user's profiles in brief, for the dashboard: which opportunity each is for, its score. */
export function listProfileScores(db: Executor, userId: string) {
	return db
		.select({
			id: tailoredProfiles.id,
			opportunityId: tailoredProfiles.opportunityId,
			matchScore: tailoredProfiles.matchScore
		})
		.from(tailoredProfiles)
		.where(eq(tailoredProfiles.userId, userId));
}

/** For the public share page: the profile by id alone (the caller has checked the token). */
export async function getSharedProfile(db: Executor, id: string): Promise<ProfileView> {
	const view = await load(db, and(eq(tailoredProfiles.id, id)));
	if (!view) throw new NotFoundError('Shared profile');
	return view;
}

/** The user's profile row, locked for the rest of the transaction; another user's is not found. */
export async function lockProfile(tx: Executor, userId: string, id: string): Promise<ProfileRow> {
	const [row] = await tx
		.select()
		.from(tailoredProfiles)
		.where(and(eq(tailoredProfiles.id, id), eq(tailoredProfiles.userId, userId)))
		.for('update');
	if (!row) throw new NotFoundError('Profile');
	return row;
}
