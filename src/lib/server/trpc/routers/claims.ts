import { claimsInput } from '../../../schemas/api';
import { createClaim, deleteClaim, updateClaim } from '../../domain/career';
import { authedProcedure, router } from '../init';

export const claimsRouter = router({
	create: authedProcedure
		.input(claimsInput.create)
		.mutation(({ ctx, input }) => createClaim(ctx.app.conn.db, ctx.user.id, input)),

	update: authedProcedure
		.input(claimsInput.update)
		.mutation(({ ctx, input: { id, ...patch } }) =>
			updateClaim(ctx.app.conn.db, ctx.user.id, id, patch)
		),

	delete: authedProcedure.input(claimsInput.delete).mutation(async ({ ctx, input }) => {
		await deleteClaim(ctx.app.conn.db, ctx.user.id, input.id);
		return { id: input.id };
	})
});
