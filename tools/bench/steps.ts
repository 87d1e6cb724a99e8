import { Steps, type Pipeline } from '../../src/lib/server/jobs/pipeline';

/**
 * Pipelines of N steps that do no work, for the orchestration overhead figure of `npm run bench`:
 * what a job of 25 such steps takes beyond one of 5 is 20 times the runner's own cost per step
 * (the step boundary and the checkpoint with its event), since the steps themselves take ~0 ms.
 */
export const FEW_STEPS = 5;
export const MANY_STEPS = 25;

function stepsPipeline(n: number): Pipeline {
	const phase = { name: 'run', label: 'Run', ticker: [] };
	const steps = new Steps();
	for (let i = 1; i <= n; i++) steps.add(phase, `step-${i}`, async () => ({ step: i }));
	return { name: `bench-steps-${n}`, phases: [phase], steps: steps.list };
}

export const fewStepsPipeline = stepsPipeline(FEW_STEPS);
export const manyStepsPipeline = stepsPipeline(MANY_STEPS);
export const stepPipelines = [fewStepsPipeline, manyStepsPipeline];
