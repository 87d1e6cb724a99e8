import { tracked, TRPCError } from '@trpc/server';
import { jobsInput } from '../../../schemas/api';
import { isTerminalEvent } from '../../../schemas/jobs';
import { getJob, listJobs, resumePoint } from '../../domain/jobs';
import { authedProcedure, router } from '../init';

export const jobsRouter = router({
	get: authedProcedure
		.input(jobsInput.byId)
		.query(({ ctx, input }) => getJob(ctx.app.conn.db, ctx.user.id, input.jobId)),

	list: authedProcedure
		.input(jobsInput.list)
		.query(({ ctx, input }) => listJobs(ctx.app.conn.db, ctx.user.id, input)),

	/** A waiting job is cancelled at once; a running one stops at its next step boundary. */
	cancel: authedProcedure.input(jobsInput.byId).mutation(async ({ ctx, input }) => {
		const result = await ctx.app.jobs.cancel(ctx.user.id, input.jobId);
		if (result === 'not-found')
			throw new TRPCError({ code: 'NOT_FOUND', message: 'Job not found' });
		return { result, job: await getJob(ctx.app.conn.db, ctx.user.id, input.jobId) };
	}),

	/**
	 * Every event of the job after `lastEventId`, replayed from `job_events` and then live, each
	 * tracked by its id so a reconnecting client resumes exactly where it stopped. Ends after the
	 * terminal status event. Ownership is checked before the stream opens.
	 */
	onProgress: authedProcedure
		.input(jobsInput.onProgress)
		.subscription(async ({ ctx, input, signal }) => {
			const job = await getJob(ctx.app.conn.db, ctx.user.id, input.jobId);
			const afterId = Number(input.lastEventId ?? 0);
			// A client resuming after the job's last event has seen everything: end at once.
			const over = (await resumePoint(ctx.app.conn.db, job, afterId)) === 'ended';
			const events = over ? null : ctx.app.jobs.events(input.jobId, afterId, signal);
			return (async function* () {
				if (!events) return;
				let ended = false;
				for await (const event of events) {
					yield tracked(String(event.id), event);
					ended = isTerminalEvent(event);
				}
				// Closed before the job ended (this server is shutting down): an error the client
				// retries, so it reconnects with its last event id, instead of an end it would trust.
				if (!ended && !signal?.aborted)
					throw new TRPCError({
						code: 'SERVICE_UNAVAILABLE',
						message: 'The server is restarting; reconnecting…'
					});
			})();
		})
});
