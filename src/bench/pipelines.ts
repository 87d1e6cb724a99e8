import type { Pipeline } from '../lib/server/jobs/pipeline';

/** A job with no work at all: what is measured is the engine's own cost per job. */
export const noopPipeline: Pipeline = {
	name: 'bench-noop',
	batchSize: 20,
	phases: [{ name: 'run', ticker: [], steps: [] }]
};
