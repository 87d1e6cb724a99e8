import type { Pipeline } from '../lib/server/jobs/pipeline';

/**
 * A job with no work at all: what is measured is the engine's own cost per job. Its jobs are
 * fetched 50 at a time; their claims and completions then go out as one statement each.
 */
export const noopPipeline: Pipeline = {
	name: 'bench-noop',
	batchSize: 50,
	phases: [{ name: 'run', ticker: [], steps: [] }]
};
