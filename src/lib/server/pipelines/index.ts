import type { TailorEngine } from '../engines/engine';
import type { Env } from '../env';
import type { Pipeline } from '../jobs/pipeline';
import { withPermanentErrors } from './engine-errors';
import { opportunityPipeline } from './opportunity';
import { resumePipeline } from './resume';
import { tailorPipeline } from './tailor';

/** The product's job types, each a pipeline of checkpointed steps run by the job engine. */
export function productPipelines(config: Env, rawEngine: TailorEngine): Pipeline[] {
	const engine = withPermanentErrors(rawEngine);
	return [
		tailorPipeline(engine, config.TAILOR_USER_CONCURRENCY),
		resumePipeline(),
		opportunityPipeline(engine)
	];
}
