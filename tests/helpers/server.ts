import { runWebToExit, startWeb, type Web } from '../../tools/harness/processes';

export type RunningServer = Web;

/** Runs `npm start`'s script and resolves once it prints that it is listening. */
export const startServer = (env: Record<string, string>): Promise<RunningServer> => startWeb(env);

/** Runs `npm start`'s script expecting it to exit by itself (e.g. on a bad configuration). */
export const runServerToExit = runWebToExit;
