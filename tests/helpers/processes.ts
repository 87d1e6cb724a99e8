import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export type WorkerHandle = {
	child: ChildProcess;
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `tests/helpers/worker-process.ts` (the real worker process with test pipelines). */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerHandle> {
	const child = spawn(
		path.join(root, 'node_modules/.bin/node'),
		['--import', 'tsx', 'tests/helpers/worker-process.ts'],
		{
			cwd: root,
			env: {
				PATH: process.env.PATH ?? '',
				HOME: process.env.HOME ?? '/tmp',
				LOG_LEVEL: 'info',
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let log = '';
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	await new Promise<void>((resolve, reject) => {
		createInterface({ input: child.stdout! }).on('line', (line) => {
			log += `${line}\n`;
			if (line.includes('"worker ready"')) resolve();
		});
		void exited.then(({ code }) => reject(new Error(`worker exited with ${code}:\n${log}`)));
	});
	return { child, output: () => log, exited };
}
