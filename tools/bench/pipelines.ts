import { Steps, type Pipeline } from '../../src/lib/server/jobs/pipeline';

const run = { name: 'run', label: 'Run', ticker: [] };

/**
 * A job with no work at all: what is measured is the engine's own cost per job. Its jobs are
 * fetched 50 at a time; their claims and completions then go out as one statement each.
 */
export const noopPipeline: Pipeline = {
	name: 'bench-noop',
	batchSize: 50,
	phases: [run],
	steps: []
};

/** A job of one step that calls `onStart` with the job's id as the step begins: its pickup. */
export function pickupPipeline(onStart: (jobId: string) => void): Pipeline {
	const steps = new Steps();
	steps.add(run, 'start', async (ctx) => onStart(ctx.job.id));
	return { name: 'bench-pickup', phases: [run], steps: steps.list };
}
