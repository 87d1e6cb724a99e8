import { startWorker, type Proc } from '../../tools/harness/processes';

export type WorkerHandle = Proc;

/** Starts `tests/helpers/worker-process.ts` (the real worker process with test pipelines). */
export const startWorkerProcess = (env: Record<string, string>): Promise<WorkerHandle> =>
	startWorker(env, 'tests/helpers/worker-process.ts');
