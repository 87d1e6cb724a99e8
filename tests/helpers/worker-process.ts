// A worker process with the test pipelines, started by tests that kill or stop it.
import { createDb } from '../../src/lib/server/db/client';
import { runWorkerProcess } from '../../src/lib/server/worker-process';
import { testPipelines } from './pipelines';

const { sql } = createDb(process.env.DATABASE_URL!, { max: 4 });
await runWorkerProcess(testPipelines(sql));
