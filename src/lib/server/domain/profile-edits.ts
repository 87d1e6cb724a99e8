import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { EditableProfileField } from '../../schemas/api';
import type { Hallucination, JsonResume, NarrativeSentence } from '../../schemas/profile';
import { CareerImportError, validateJsonResume } from '../career/json-resume';
import type { Executor } from '../db/client';
import { tailoredProfiles } from '../db/schema';
import { checkEdits } from '../engines/grounding';
import { sentences } from '../engines/text';
import { getCareer } from './career';
import { assertStorable, InvalidInputError } from './errors';
import { getProfile, lockProfile } from './profiles';
import type { ProfileView } from '../../schemas/views';

/**
 * A person's edits to a generated profile. The generated narrative and resume stay in the
 * `*_original` columns; `edited_fields` names what differs from them, so any field can be put back.
 */

export type ProfileEdit = { narrative?: string; resume?: JsonResume };

type Row = typeof tailoredProfiles.$inferSelect;

function checkResume(resume: JsonResume): JsonResume {
	try {
		return validateJsonResume(resume);
	} catch (error) {
		if (error instanceof CareerImportError)
			throw new InvalidInputError(
				error.message,
				error.issues.map((i) => ({ path: `/resume${i.path}`, message: i.message }))
			);
		throw error;
	}
}

/** The edited fields after setting `field`: listed only while it differs from the original. */
function markEdited(fields: string[], field: EditableProfileField, differs: boolean): string[] {
	const rest = fields.filter((f) => f !== field);
	return differs ? [...rest, field] : rest;
}

export async function updateProfile(
	db: Executor,
	userId: string,
	profileId: string,
	edit: ProfileEdit
): Promise<ProfileView> {
	if (edit.narrative !== undefined) assertStorable(edit.narrative, '/narrative');
	const resume = edit.resume === undefined ? undefined : checkResume(edit.resume);
	await db.transaction(async (tx) => {
		const row = await lockProfile(tx, userId, profileId);
		let editedFields = row.editedFields;
		const set: Partial<Row> = { updatedAt: new Date() };
		if (edit.narrative !== undefined) {
			set.narrative = edit.narrative;
			editedFields = markEdited(
				editedFields,
				'narrative',
				edit.narrative.trim() !== row.narrativeOriginal.trim()
			);
		}
		if (resume !== undefined) {
			set.resumeData = resume;
			editedFields = markEdited(
				editedFields,
				'resume',
				!isDeepStrictEqual(resume, row.resumeDataOriginal)
			);
		}
		const editHallucinations = await checkEditsOf(tx, userId, { ...row, ...set, editedFields });
		await tx
			.update(tailoredProfiles)
			.set({ ...set, editedFields, editHallucinations })
			.where(eq(tailoredProfiles.id, row.id));
	});
	return withCurrentNarrative(await getProfile(db, userId, profileId));
}

/**
 * The deterministic grounding check of what the person changed, against their current record:
 * run on every save, so an unsupported edit shows in the evaluation at once.
 */
async function checkEditsOf(tx: Executor, userId: string, row: Row): Promise<Hallucination[]> {
	if (!row.editedFields.length) return [];
	const { claims, items } = await getCareer(tx, userId);
	return checkEdits(
		{
			narrative: row.narrative,
			generatedSentences: (row.narrativeSentences as NarrativeSentence[]).map((s) => s.text),
			resume: row.resumeData as JsonResume,
			generatedResume: row.resumeDataOriginal as JsonResume
		},
		claims,
		items
	);
}

/** Puts one field back to what was generated. */
export async function revertProfileField(
	db: Executor,
	userId: string,
	profileId: string,
	field: EditableProfileField
): Promise<ProfileView> {
	await db.transaction(async (tx) => {
		const row = await lockProfile(tx, userId, profileId);
		const set = {
			...(field === 'narrative'
				? { narrative: row.narrativeOriginal }
				: { resumeData: row.resumeDataOriginal }),
			editedFields: markEdited(row.editedFields, field, false)
		};
		await tx
			.update(tailoredProfiles)
			.set({
				...set,
				editHallucinations: await checkEditsOf(tx, userId, { ...row, ...set }),
				updatedAt: new Date()
			})
			.where(eq(tailoredProfiles.id, row.id));
	});
	return withCurrentNarrative(await getProfile(db, userId, profileId));
}

/**
 * The stored `narrativeSentences` belong to the generated narrative (kept so a revert restores
 * their provenance). For an edited narrative, each sentence keeps the claims of the generated
 * sentence with the same text; a rewritten sentence cites nothing.
 */
export function withCurrentNarrative(view: ProfileView): ProfileView {
	if (!view.editedFields.includes('narrative')) return view;
	const cited = new Map(view.narrativeSentences.map((s) => [s.text.trim(), s.claimIds]));
	const narrativeSentences: NarrativeSentence[] = sentences(view.narrative).map((text) => ({
		text,
		claimIds: cited.get(text) ?? []
	}));
	return { ...view, narrativeSentences };
}

/** A profile as its owner reads it through the API. */
export async function readProfile(
	db: Executor,
	userId: string,
	profileId: string
): Promise<ProfileView> {
	return withCurrentNarrative(await getProfile(db, userId, profileId));
}
