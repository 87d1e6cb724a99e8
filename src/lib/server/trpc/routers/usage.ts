import { getUsage } from '../../domain/usage';
import { authedProcedure, router } from '../init';

export const usageRouter = router({
	/** This month's tailored profiles, tailor jobs still running, and the monthly limit. */
	get: authedProcedure.query(({ ctx }) =>
		getUsage(ctx.app.conn.db, ctx.user.id, ctx.app.env.TAILOR_MONTHLY_LIMIT)
	)
});
