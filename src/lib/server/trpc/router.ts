import { router } from './init';
import { apiKeysRouter } from './routers/api-keys';
import { careerRouter } from './routers/career';
import { claimsRouter } from './routers/claims';
import { jobsRouter } from './routers/jobs';
import { opportunitiesRouter } from './routers/opportunities';
import { profilesRouter } from './routers/profiles';
import { shareRouter } from './routers/share';
import { usageRouter } from './routers/usage';

/** The API of SPEC §7, one router per domain. */
export const appRouter = router({
	career: careerRouter,
	claims: claimsRouter,
	opportunities: opportunitiesRouter,
	jobs: jobsRouter,
	profiles: profilesRouter,
	share: shareRouter,
	apiKeys: apiKeysRouter,
	usage: usageRouter
});

export type AppRouter = typeof appRouter;
