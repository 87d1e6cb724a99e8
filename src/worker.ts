// npm run worker — a worker process on its own (see runWorkerProcess).
import { runCli } from './cli/run';
import { createEngine } from './lib/server/engines';
import { env } from './lib/server/env';
import { productPipelines } from './lib/server/pipelines';
import { runWorkerProcess } from './lib/server/worker-process';

runCli(async () => {
	const config = env();
	await runWorkerProcess(productPipelines(config, await createEngine(config)));
	await new Promise(() => {}); // runs until a signal stops it
});
