import { TRPCError } from '@trpc/server';
import { apiKeysInput } from '../../../schemas/api';
import { createApiKey, listApiKeys, revokeApiKey } from '../../api-keys';
import { removeWebhook, setWebhook } from '../../webhooks';
import { authedProcedure, router, sessionProcedure } from '../init';

export const apiKeysRouter = router({
	/** The full key is in this answer once; only its hash and visible start are stored. */
	create: sessionProcedure
		.input(apiKeysInput.create)
		.mutation(({ ctx, input }) => createApiKey(ctx.app.auth, ctx.user.id, input?.name)),

	list: authedProcedure.query(({ ctx }) => listApiKeys(ctx.app.conn.db, ctx.user.id)),

	/**
	 * When a job this key started ends, a signed notice is POSTed to `url` (retried with backoff
	 * until it answers 2xx). The signing secret is in this answer once; setting again makes a new one.
	 */
	setWebhook: sessionProcedure.input(apiKeysInput.setWebhook).mutation(async ({ ctx, input }) => {
		const hook = await setWebhook(
			ctx.app.conn.db,
			{ allowPrivate: ctx.app.env.TAILOR_WEBHOOK_ALLOW_PRIVATE },
			ctx.user.id,
			input.id,
			input.url
		);
		if (!hook) throw new TRPCError({ code: 'NOT_FOUND', message: 'API key not found' });
		return hook;
	}),

	removeWebhook: sessionProcedure
		.input(apiKeysInput.removeWebhook)
		.mutation(async ({ ctx, input }) => {
			if (!(await removeWebhook(ctx.app.conn.db, ctx.user.id, input.id)))
				throw new TRPCError({ code: 'NOT_FOUND', message: 'API key not found' });
			return { id: input.id };
		}),

	/** The key stops working on its next request. */
	revoke: authedProcedure.input(apiKeysInput.revoke).mutation(async ({ ctx, input }) => {
		if (!(await revokeApiKey(ctx.app.conn.db, ctx.user.id, input.id)))
			throw new TRPCError({ code: 'NOT_FOUND', message: 'API key not found' });
		return { id: input.id };
	})
});
