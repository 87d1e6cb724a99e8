// Processes and HTTP helpers for `npm run bench`: the built app as `npm start` runs it, worker
// processes as `npm run worker` runs them, and accounts made over HTTP as a person makes them.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTailorClient, type TailorClient } from '../lib/client';
import { freePort } from '../lib/server/db/embedded';

export const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');

/** One young-generation collection, as `--trace-gc-nvp` reports it. */
export type Scavenge = { pauseMs: number; allocatedBytes: number; survivedBytes: number };

export type Proc = {
	child: ChildProcess;
	pid: number;
	output: () => string;
	/** The young-generation collections so far (a process started with `traceGc`). */
	scavenges: Scavenge[];
	/** SIGTERM, then the exit code. */
	stop(): Promise<number | null>;
};

const nvp = (line: string, key: string) =>
	Number(new RegExp(`\\b${key}=([\\d.]+)`).exec(line)?.[1]);

function track(child: ChildProcess, ready: (line: string) => boolean, what: string) {
	let log = '';
	const scavenges: Scavenge[] = [];
	const exited = new Promise<number | null>((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});
	const started = new Promise<void>((resolve, reject) => {
		child.stderr!.on('data', (d) => (log += d));
		createInterface({ input: child.stdout! }).on('line', (line) => {
			if (line.includes(' gc=s ')) {
				scavenges.push({
					pauseMs: nvp(line, 'pause'),
					allocatedBytes: nvp(line, 'allocated'),
					survivedBytes: nvp(line, 'new_space_survived')
				});
				return;
			}
			if (line.includes(' gc=')) return;
			if (log.length < 200_000) log += `${line}\n`;
			if (ready(line)) resolve();
		});
		void exited.then((code) => reject(new Error(`${what} exited with ${code}:\n${log}`)));
	});
	const proc: Proc = {
		child,
		pid: child.pid!,
		output: () => log,
		scavenges,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			return exited;
		}
	};
	return { proc, started };
}

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' });

export type Web = Proc & { url: string; inspectorUrl: () => Promise<string> };

/**
 * `npm start`'s script (the built app) on `env`, resolved once it is listening. With `inspect`, the
 * process also opens the V8 inspector on a local port, through which the bench reads its heap.
 */
export async function startWeb(
	env: Record<string, string>,
	{ inspect = false, traceGc = false } = {}
): Promise<Web> {
	const port = await freePort();
	const flags = [
		...(inspect ? ['--inspect=127.0.0.1:0'] : []),
		// One line per collection on stdout, read into `scavenges` (not into the output).
		...(traceGc ? ['--trace-gc-nvp'] : [])
	];
	const child = spawn(node, [...flags, 'scripts/start.js'], {
		cwd: root,
		env: { ...baseEnv(), LOG_LEVEL: 'warn', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const { proc, started } = track(child, (l) => l.startsWith('Listening on'), 'web process');
	await started;
	return {
		...proc,
		url: `http://localhost:${port}`,
		async inspectorUrl() {
			const m = /Debugger listening on (ws:\/\/\S+)/.exec(proc.output());
			if (!m) throw new Error('the web process has no inspector');
			return m[1]!;
		}
	};
}

/** A worker process: `script` is `src/worker.ts` (what `npm run worker` runs) or a bench worker. */
export async function startWorker(env: Record<string, string>, script = 'src/worker.ts') {
	const child = spawn(node, ['--import', 'tsx', script], {
		cwd: root,
		env: { ...baseEnv(), LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const { proc, started } = track(child, (l) => l.includes('"worker ready"'), 'worker process');
	await started;
	return proc;
}

/** Resident memory of a process in bytes, from /proc/<pid>/status (VmRSS). */
export async function rssBytes(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	if (!kb) throw new Error(`no VmRSS for process ${pid}`);
	return Number(kb[1]) * 1024;
}

/**
 * The web process's V8 heap through its inspector: a full garbage collection first, so what is
 * left is what is still referenced. Returns `process.memoryUsage()` as the process sees it.
 */
export async function heapAfterGc(inspectorUrl: string): Promise<NodeJS.MemoryUsage> {
	const ws = new WebSocket(inspectorUrl);
	await new Promise<void>((resolve, reject) => {
		ws.addEventListener('open', () => resolve(), { once: true });
		ws.addEventListener('error', () => reject(new Error('inspector connection failed')), {
			once: true
		});
	});
	let id = 0;
	const pending = new Map<number, (result: unknown) => void>();
	ws.addEventListener('message', (m) => {
		const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
		if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
	});
	const call = (method: string, params: Record<string, unknown> = {}) =>
		new Promise<unknown>((resolve) => {
			pending.set(++id, resolve);
			ws.send(JSON.stringify({ id, method, params }));
		});
	try {
		await call('HeapProfiler.collectGarbage');
		await call('HeapProfiler.collectGarbage');
		const result = (await call('Runtime.evaluate', {
			expression: 'JSON.stringify(process.memoryUsage())',
			returnByValue: true
		})) as { result: { value: string } };
		return JSON.parse(result.result.value) as NodeJS.MemoryUsage;
	} finally {
		ws.close();
	}
}

export type Account = { userId: string; email: string; apiKey: string; client: TailorClient };

/** Signs up over HTTP as the browser does, then makes an API key from that session. */
export async function signUp(url: string, email: string): Promise<Account> {
	const origin = new URL(url).origin;
	const res = await fetch(`${url}/api/auth/sign-up/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin },
		body: JSON.stringify({ email, password: 'a long bench password', name: 'Bench' })
	});
	if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
	const { user } = (await res.json()) as { user: { id: string } };
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.includes('session_token'));
	if (!cookie) throw new Error('sign-up set no session cookie');
	const browser = createTailorClient({
		url,
		fetch: (input, init) => {
			const headers = new Headers(init?.headers);
			headers.set('cookie', cookie);
			headers.set('origin', origin);
			return fetch(input, { ...init, headers });
		}
	});
	const key = await browser.apiKeys.create.mutate({ name: 'bench' });
	return {
		userId: user.id,
		email,
		apiKey: key.key,
		client: createTailorClient({ url, apiKey: key.key })
	};
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
	const out: R[] = new Array(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
	return out;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat. */
export async function cpuMs(pid: number, withReapedChildren = false): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 after the command name.
	const ticks =
		Number(f[11]) + Number(f[12]) + (withReapedChildren ? Number(f[13]) + Number(f[14]) : 0);
	return ticks * TICK_MS;
}

/** CPU time of a PostgreSQL server: the postmaster, its running backends and those that ended. */
export async function postgresCpuMs(dataDir: string): Promise<number> {
	const postmaster = Number(
		(await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]
	);
	let total = await cpuMs(postmaster, true);
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (ppid === postmaster) total += await cpuMs(Number(entry)).catch(() => 0);
	}
	return total;
}

/** The machine's CPU counters (`/proc/stat`, all cores, in ticks): busy, stolen and the total. */
export async function machineCpu(): Promise<{ busy: number; steal: number; total: number }> {
	const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
	// cpu user nice system idle iowait irq softirq steal guest guest_nice
	const [user, nice, system, idle, iowait, irq, softirq, steal] = line
		.split(/\s+/)
		.slice(1, 9)
		.map(Number) as [number, number, number, number, number, number, number, number];
	const busy = user + nice + system + irq + softirq;
	return { busy, steal, total: busy + idle + iowait + steal };
}

/**
 * How busy the machine's cores were between two readings, and how much of their time the
 * hypervisor gave to other guests (steal): a run on a virtual machine whose host is busy is slower
 * than its code, and this says so next to the figures.
 */
export function machineLoad(
	before: Awaited<ReturnType<typeof machineCpu>>,
	after: Awaited<ReturnType<typeof machineCpu>>
) {
	const total = after.total - before.total || 1;
	return {
		busyPercent: Math.round((100 * (after.busy - before.busy)) / total),
		stealPercent: Math.round((1000 * (after.steal - before.steal)) / total) / 10
	};
}
