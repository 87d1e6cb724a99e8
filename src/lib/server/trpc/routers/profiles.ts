import { profilesInput } from '../../../schemas/api';
import {
	readProfile,
	revertProfileField,
	updateProfile,
	withCurrentNarrative
} from '../../domain/profile-edits';
import { getProfileVersion, listVersions, restoreVersion } from '../../domain/profile-versions';
import { exportProfile, transportable } from '../../export';
import { authedProcedure, router } from '../init';

export const profilesRouter = router({
	get: authedProcedure
		.input(profilesInput.get)
		.query(({ ctx, input }) => readProfile(ctx.app.conn.db, ctx.user.id, input.profileId)),

	/** Saves edits; the generated originals are kept and `editedFields` names what changed. */
	update: authedProcedure
		.input(profilesInput.update)
		.mutation(({ ctx, input: { profileId, ...edit } }) =>
			updateProfile(ctx.app.conn.db, ctx.user.id, profileId, edit)
		),

	/** Puts one field back to what was generated. */
	revert: authedProcedure
		.input(profilesInput.revert)
		.mutation(({ ctx, input }) =>
			revertProfileField(ctx.app.conn.db, ctx.user.id, input.profileId, input.field)
		),

	/** Every version of the profile, newest first, the current one marked. */
	versions: authedProcedure
		.input(profilesInput.versions)
		.query(({ ctx, input }) => listVersions(ctx.app.conn.db, ctx.user.id, input.profileId)),

	/** One version as a profile, to read or compare with the current one. */
	version: authedProcedure
		.input(profilesInput.version)
		.query(async ({ ctx, input }) =>
			withCurrentNarrative(
				await getProfileVersion(ctx.app.conn.db, ctx.user.id, input.profileId, input.version)
			)
		),

	/** Makes an earlier version current again (the current one is kept as a version). */
	restore: authedProcedure.input(profilesInput.restore).mutation(async ({ ctx, input }) => {
		const db = ctx.app.conn.db;
		await restoreVersion(db, ctx.user.id, input.profileId, input.version);
		return readProfile(db, ctx.user.id, input.profileId);
	}),

	/**
	 * `{ filename, contentType, encoding, content }`: the resume as PDF or Word (`encoding:
	 * 'base64'`), Markdown, JSON Resume or print-ready HTML (`'utf-8'`), or the notes.
	 */
	export: authedProcedure.input(profilesInput.export).query(async ({ ctx, input }) => {
		const { profileId, format, template, paper } = input;
		const profile = await readProfile(ctx.app.conn.db, ctx.user.id, profileId);
		return transportable(await exportProfile(profile, format, { template, paper }));
	})
});
