// The one process harness of the tests, the benchmarks and the fault trials: the built app as
// `npm start` runs it (or a copy of the build), worker processes as `npm run worker` runs them,
// each a real child process whose output is kept, and which is killed if this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../src/lib/server/db/embedded';

export { freePort };

export const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** One young-generation collection, as `--trace-gc-nvp` reports it. */
export type Scavenge = { pauseMs: number; allocatedBytes: number; survivedBytes: number };

export type Proc = {
	name: string;
	child: ChildProcess;
	pid: number;
	/** What it wrote on stdout and stderr (the last 1 MB), collection traces left out. */
	output(): string;
	/** What it wrote on stderr alone. */
	stderr(): string;
	exited: Promise<Exit>;
	/** The young-generation collections so far, for a process started with `traceGc`. */
	scavenges: Scavenge[];
	/** Sends `signal` unless the process has exited, and resolves with how it exited. */
	kill(signal?: NodeJS.Signals): Promise<Exit>;
	/** SIGTERM, then the exit code. */
	stop(): Promise<number | null>;
};

/** Children still running: killed when this process exits, whatever happened to its work. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

const OUTPUT_LIMIT = 1_000_000;
const nvp = (line: string, key: string) =>
	Number(new RegExp(`\\b${key}=([\\d.]+)`).exec(line)?.[1]);

/**
 * Runs `node args…` in the project's root with only `env` (and PATH, HOME) set. With `ready`, it
 * resolves once a line of its stdout matches, and rejects with its output if it exits first.
 */
export async function spawnNode(
	name: string,
	args: string[],
	env: Record<string, string>,
	ready?: (line: string) => boolean
): Promise<Proc> {
	const child = spawn(node, args, {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let log = '';
	let errors = '';
	const keep = (text: string) => {
		log += text;
		if (log.length > OUTPUT_LIMIT) log = log.slice(-OUTPUT_LIMIT / 2);
	};
	const scavenges: Scavenge[] = [];
	const exited = new Promise<Exit>((resolve) =>
		child.once('exit', (code, signal) => {
			running.delete(child);
			resolve({ code, signal });
		})
	);
	child.stderr!.on('data', (d: Buffer) => {
		keep(String(d));
		if (errors.length < OUTPUT_LIMIT) errors += String(d);
	});
	let started = () => {};
	const isReady =
		ready &&
		new Promise<void>((resolve, reject) => {
			started = resolve;
			void exited.then(({ code, signal }) =>
				reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${log}`))
			);
		});
	createInterface({ input: child.stdout! }).on('line', (line) => {
		if (line.includes(' gc=')) {
			if (line.includes(' gc=s '))
				scavenges.push({
					pauseMs: nvp(line, 'pause'),
					allocatedBytes: nvp(line, 'allocated'),
					survivedBytes: nvp(line, 'new_space_survived')
				});
			return;
		}
		keep(`${line}\n`);
		if (ready?.(line)) started();
	});
	const proc: Proc = {
		name,
		child,
		pid: child.pid!,
		output: () => log,
		stderr: () => errors,
		exited,
		scavenges,
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		},
		async stop() {
			return (await proc.kill('SIGTERM')).code;
		}
	};
	await isReady;
	return proc;
}

export type Web = Proc & {
	url: string;
	port: number;
	/** The V8 inspector's address, for a process started with `inspect`. */
	inspectorUrl(): string;
};

/**
 * A web process of the built app, resolved once it listens: `npm start`'s script, or with
 * `buildDir` a copy of the build run directly (as adapter-node's own server, in production mode).
 * It listens on `env.PORT`, else on a free port.
 */
export async function startWeb(
	env: Record<string, string>,
	options: { buildDir?: string; inspect?: boolean; traceGc?: boolean } = {}
): Promise<Web> {
	const port = Number(env.PORT ?? (await freePort()));
	const flags = [
		...(options.inspect ? ['--inspect=127.0.0.1:0'] : []),
		// One line per collection on stdout, read into `scavenges` (not into the output).
		...(options.traceGc ? ['--trace-gc-nvp'] : [])
	];
	const entry = options.buildDir ? path.join(options.buildDir, 'index.js') : 'scripts/start.js';
	const proc = await spawnNode(
		`web :${port}`,
		[...flags, entry],
		{
			LOG_LEVEL: 'warn',
			...(options.buildDir ? { NODE_ENV: 'production' } : {}),
			...env,
			PORT: String(port)
		},
		(line) => line.startsWith('Listening on')
	);
	return {
		...proc,
		url: `http://localhost:${port}`,
		port,
		inspectorUrl() {
			const m = /Debugger listening on (ws:\/\/\S+)/.exec(proc.output());
			if (!m) throw new Error('the web process has no inspector');
			return m[1]!;
		}
	};
}

/** `npm start`'s script, expected to exit by itself (on a bad configuration, say). */
export async function runWebToExit(
	env: Record<string, string>
): Promise<{ code: number | null; output: string; stderr: string }> {
	const proc = await spawnNode('web', ['scripts/start.js'], { LOG_LEVEL: 'warn', ...env });
	const { code } = await proc.exited;
	return { code, output: proc.output(), stderr: proc.stderr() };
}

/**
 * A worker process, resolved once it is ready to take jobs: `entry` is `src/worker.ts` (what
 * `npm run worker` runs) or another entry that wraps it, run with tsx, or a bundle of one.
 */
export function startWorker(env: Record<string, string>, entry = 'src/worker.ts'): Promise<Proc> {
	return spawnNode(
		'worker',
		entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry],
		{ LOG_LEVEL: 'info', ...env },
		(line) => line.includes('"worker ready"')
	);
}
