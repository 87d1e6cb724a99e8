import { profilesInput } from '../../../schemas/api';
import { exportProfile } from '../../domain/export';
import { readProfile, revertProfileField, updateProfile } from '../../domain/profile-edits';
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

	/** `{ filename, contentType, content }` in Markdown, JSON Resume or print-ready HTML. */
	export: authedProcedure.input(profilesInput.export).query(async ({ ctx, input }) => {
		const profile = await readProfile(ctx.app.conn.db, ctx.user.id, input.profileId);
		return exportProfile(profile, input.format);
	})
});
