import { TRPCError } from '@trpc/server';
import { apiKeysInput } from '../../../schemas/api';
import { createApiKey, listApiKeys, revokeApiKey } from '../../api-keys';
import { authedProcedure, router, sessionProcedure } from '../init';

export const apiKeysRouter = router({
	/** The full key is in this answer once; only its hash and visible start are stored. */
	create: sessionProcedure
		.input(apiKeysInput.create)
		.mutation(({ ctx, input }) => createApiKey(ctx.app.auth, ctx.user.id, input?.name)),

	list: authedProcedure.query(({ ctx }) => listApiKeys(ctx.app.conn.db, ctx.user.id)),

	/** The key stops working on its next request. */
	revoke: authedProcedure.input(apiKeysInput.revoke).mutation(async ({ ctx, input }) => {
		if (!(await revokeApiKey(ctx.app.conn.db, ctx.user.id, input.id)))
			throw new TRPCError({ code: 'NOT_FOUND', message: 'API key not found' });
		return { id: input.id };
	})
});
