import { opportunitiesInput, type OpportunityDraftInput } from '../../../schemas/api';
import type { Database, Executor } from '../../db/client';
import {
	createOpportunity,
	deleteOpportunity,
	getOpportunity,
	listOpportunities
} from '../../domain/opportunities';
import { withCurrentNarrative } from '../../domain/profile-edits';
import { onceForKey } from '../../domain/idempotency';
import { findProfileFor } from '../../domain/profiles';
import { startTailor } from '../../domain/tailor';
import type { WebApp } from '../../web';
import { authedProcedure, router } from '../init';

/**
 * Adds the opportunity and starts its tailor job in one transaction: when the monthly limit
 * refuses the job, no orphaned opportunity is left behind.
 */
type Caller = { userId: string; apiKeyId: string | null };

function addAndTailor(
	db: Executor,
	app: WebApp,
	{ userId, apiKeyId }: Caller,
	draft: OpportunityDraftInput,
	share: boolean
) {
	return db.transaction(async (tx) => {
		const opportunity = await createOpportunity(tx, userId, draft);
		// startTailor opens its own transaction; inside ours that is a savepoint.
		const started = await startTailor(
			tx as unknown as Database,
			app.jobs,
			app.env.TAILOR_MONTHLY_LIMIT,
			userId,
			opportunity.id,
			{ share, apiKeyId }
		);
		if (started.kind !== 'job') throw new Error('a new opportunity cannot have a profile yet');
		return { opportunityId: opportunity.id, jobId: started.jobId, status: started.status };
	});
}

/** addAndTailor, once per idempotency key when the request has one. */
function addOnce(
	app: WebApp,
	caller: Caller,
	input: { opportunity: OpportunityDraftInput; idempotencyKey?: string | undefined },
	procedure: 'addAndTailor' | 'addTailorShare'
) {
	const share = procedure === 'addTailorShare';
	const { opportunity: draft, idempotencyKey: key } = input;
	if (!key) return addAndTailor(app.conn.db, app, caller, draft, share);
	return onceForKey(
		app.conn.db,
		{ userId: caller.userId, procedure: `opportunities.${procedure}`, key, input: draft },
		(tx) => addAndTailor(tx, app, caller, draft, share)
	);
}

const OUTDATED_NOTICE =
	'This profile is based on an earlier career record: some facts it cites are no longer in your record. Regenerate it to use your current record.';

export const opportunitiesRouter = router({
	/** Title and company are parsed from the posting when not given. */
	create: authedProcedure.input(opportunitiesInput.create).mutation(({ ctx, input }) => {
		const { idempotencyKey: key, ...draft } = input;
		const db = ctx.app.conn.db;
		const userId = ctx.user.id;
		if (!key) return createOpportunity(db, userId, draft);
		return onceForKey(db, { userId, procedure: 'opportunities.create', key, input: draft }, (tx) =>
			createOpportunity(tx, userId, draft)
		);
	}),

	list: authedProcedure.query(({ ctx }) => listOpportunities(ctx.app.conn.db, ctx.user.id)),

	/** The opportunity with the id of its tailored profile, if one has been made. */
	get: authedProcedure.input(opportunitiesInput.byId).query(async ({ ctx, input }) => {
		const db = ctx.app.conn.db;
		const opportunity = await getOpportunity(db, ctx.user.id, input.id);
		const profile = await findProfileFor(db, ctx.user.id, opportunity.id);
		return { ...opportunity, profileId: profile?.id ?? null };
	}),

	delete: authedProcedure.input(opportunitiesInput.byId).mutation(async ({ ctx, input }) => {
		await deleteOpportunity(ctx.app.conn.db, ctx.user.id, input.id);
		return { id: input.id };
	}),

	/**
	 * The stored profile when there is one (unless regenerating), else a tailor job. A stored
	 * profile whose evidence has left the career record comes with `outdated: true` and a notice.
	 */
	tailor: authedProcedure.input(opportunitiesInput.tailor).mutation(async ({ ctx, input }) => {
		const started = await startTailor(
			ctx.app.conn.db,
			ctx.app.jobs,
			ctx.app.env.TAILOR_MONTHLY_LIMIT,
			ctx.user.id,
			input.opportunityId,
			{ regenerate: input.regenerate, apiKeyId: ctx.apiKeyId }
		);
		if (started.kind !== 'cached') return started;
		const outdated = started.profile.recordOutdated;
		return {
			...started,
			profile: withCurrentNarrative(started.profile),
			outdated,
			...(outdated ? { notice: OUTDATED_NOTICE } : {})
		};
	}),

	addAndTailor: authedProcedure
		.input(opportunitiesInput.addAndTailor)
		.mutation(({ ctx, input }) =>
			addOnce(ctx.app, { userId: ctx.user.id, apiKeyId: ctx.apiKeyId }, input, 'addAndTailor')
		),

	/** As addAndTailor; the finished job also makes a share link (`summary.shareToken` in jobs.get). */
	addTailorShare: authedProcedure
		.input(opportunitiesInput.addAndTailor)
		.mutation(({ ctx, input }) =>
			addOnce(ctx.app, { userId: ctx.user.id, apiKeyId: ctx.apiKeyId }, input, 'addTailorShare')
		)
});
