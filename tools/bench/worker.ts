// A worker process for `npm run bench` (d): the product's pipelines, as `npm run worker` runs them,
// plus the no-work step pipelines that the overhead figure is measured with.
import { runCli } from '../../src/cli/run';
import { createEngine } from '../../src/lib/server/engines';
import { env } from '../../src/lib/server/env';
import { productPipelines } from '../../src/lib/server/pipelines';
import { runWorkerProcess } from '../../src/lib/server/worker-process';
import { stepPipelines } from './steps';

runCli(async () => {
	const config = env();
	const product = productPipelines(config, await createEngine(config));
	await runWorkerProcess([...product, ...stepPipelines]);
	await new Promise(() => {}); // runs until the bench stops it
});
