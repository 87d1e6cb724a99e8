// A worker process for `npm run bench` (d): the product's pipelines, as `npm run worker` runs them,
// plus the no-work step pipelines that the overhead figure is measured with.
import { runCli } from '../cli/run';
import { createEngine } from '../lib/server/engines';
import { env } from '../lib/server/env';
import { productPipelines } from '../lib/server/pipelines';
import { runWorkerProcess } from '../lib/server/worker-process';
import { stepPipelines } from './bench-steps';

runCli(async () => {
	const config = env();
	const product = productPipelines(config, await createEngine(config));
	await runWorkerProcess([...product, ...stepPipelines]);
	await new Promise(() => {}); // runs until the bench stops it
});
