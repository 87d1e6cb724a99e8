import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../src/lib/server/db/embedded';

const root = path.resolve(import.meta.dirname, '../..');

export type RunningServer = {
	url: string;
	child: ChildProcess;
	output: () => string;
	/** SIGTERM, then the exit code. */
	stop(): Promise<number | null>;
};

export type ExitedServer = { code: number | null; stdout: string; stderr: string };

/** Servers still running: killed when the test process exits, whatever happened to the test. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});

function spawnStart(env: Record<string, string>) {
	const child = spawn(path.join(root, 'node_modules/.bin/node'), ['scripts/start.js'], {
		cwd: root,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '/tmp',
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

const exited = (child: ChildProcess) =>
	new Promise<number | null>((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});

/** Runs `npm start`'s script and resolves once it prints that it is listening. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
	const port = await freePort();
	const child = spawnStart({ PORT: String(port), ...env });
	let log = '';
	child.stderr!.on('data', (d) => (log += d));
	const lines = createInterface({ input: child.stdout! });
	await new Promise<void>((resolve, reject) => {
		lines.on('line', (line) => {
			log += `${line}\n`;
			if (line.startsWith('Listening on')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
	});
	return {
		url: `http://localhost:${port}`,
		child,
		output: () => log,
		async stop() {
			child.kill('SIGTERM');
			return exited(child);
		}
	};
}

/** Runs `npm start`'s script expecting it to exit by itself (e.g. on a bad configuration). */
export async function runServerToExit(env: Record<string, string>): Promise<ExitedServer> {
	const child = spawnStart(env);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (d) => (stdout += d));
	child.stderr!.on('data', (d) => (stderr += d));
	const code = await exited(child);
	return { code, stdout, stderr };
}
