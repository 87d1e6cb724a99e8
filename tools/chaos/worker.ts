// The worker process `npm run chaos` kills: `npm run worker` (src/worker.ts) with the product's
// pipelines, each step wrapped to record that its code starts. The record is the evidence for
// "no finished step is run again": one line per execution, appended with a synchronous write
// before the step's code runs, so it is on disk even when the process is killed a moment later.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { createEngine } from '../../src/lib/server/engines';
import { env } from '../../src/lib/server/env';
import type { Pipeline, StepContext } from '../../src/lib/server/jobs/pipeline';
import { productPipelines } from '../../src/lib/server/pipelines';
import { runWorkerProcess } from '../../src/lib/server/worker-process';

const dir = process.env.CHAOS_STEP_LOG_DIR;
if (!dir) throw new Error('CHAOS_STEP_LOG_DIR is not set');
const file = path.join(dir, `steps-${process.pid}.jsonl`);

const record = (ctx: StepContext, step: string) =>
	appendFileSync(
		file,
		`${JSON.stringify({ job: ctx.job.id, step, attempt: ctx.attempt, pid: process.pid })}\n`
	);

const observe = (p: Pipeline): Pipeline => ({
	...p,
	steps: p.steps.map((step) =>
		step.wrap((ctx, run) => {
			record(ctx, step.name);
			return run();
		})
	)
});

runCli(async () => {
	const config = env();
	await runWorkerProcess(productPipelines(config, await createEngine(config)).map(observe));
	await new Promise(() => {}); // runs until a signal stops it
});
