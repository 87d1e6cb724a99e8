// A worker process for `npm run bench:queue`: runs no-op jobs until SIGTERM.
import { runWorkerProcess } from '../../src/lib/server/worker-process';
import { noopPipeline } from './pipelines';

await runWorkerProcess([noopPipeline]);
