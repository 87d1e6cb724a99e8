import { careerInput } from '../../../schemas/api';
import { exportCareer, getCareer, replaceCareer } from '../../domain/career';
import { authedProcedure, router } from '../init';

export const careerRouter = router({
	/** Replaces the record with a JSON Resume document; an invalid one names the path at fault. */
	importJsonResume: authedProcedure
		.input(careerInput.importJsonResume)
		.mutation(({ ctx, input }) => replaceCareer(ctx.app.conn.db, ctx.user.id, input.resume)),

	/** A pasted plain-text or Markdown resume, parsed by a `resume` job. */
	importText: authedProcedure.input(careerInput.importText).mutation(async ({ ctx, input }) => {
		const job = await ctx.app.jobs.enqueue({
			userId: ctx.user.id,
			type: 'resume',
			apiKeyId: ctx.apiKeyId,
			input: { text: input.text }
		});
		return { jobId: job.id };
	}),

	get: authedProcedure.query(({ ctx }) => getCareer(ctx.app.conn.db, ctx.user.id)),

	exportJsonResume: authedProcedure.query(({ ctx }) => exportCareer(ctx.app.conn.db, ctx.user.id))
});
