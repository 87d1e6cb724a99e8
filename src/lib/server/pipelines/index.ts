import type { JobType, Phase } from '../../schemas/jobs';
import type { TailorEngine } from '../engines/engine';
import type { Env } from '../env';
import type { Pipeline } from '../jobs/pipeline';
import { withPermanentErrors } from './engine-errors';
import { opportunityPhases, opportunityPipeline } from './opportunity';
import { resumePhases, resumePipeline } from './resume';
import { tailorPhases, tailorPipeline } from './tailor';

/** The phases of each job type, as the progress page shows them. */
export const jobPhases: Record<JobType, Phase[]> = {
	tailor: tailorPhases,
	resume: resumePhases,
	opportunity: opportunityPhases
};

/** The product's job types, each a pipeline of checkpointed steps run by the job engine. */
export function productPipelines(config: Env, rawEngine: TailorEngine): Pipeline[] {
	const engine = withPermanentErrors(rawEngine);
	return [
		tailorPipeline(engine, config.TAILOR_USER_CONCURRENCY),
		resumePipeline(),
		opportunityPipeline(engine)
	];
}
