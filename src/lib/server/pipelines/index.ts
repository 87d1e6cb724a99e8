import type { Env } from '../env';
import type { Pipeline } from '../jobs/pipeline';

/** The product's job types, each a pipeline of checkpointed steps run by the job engine. */
export function productPipelines(_config: Env): Pipeline[] {
	return [];
}
