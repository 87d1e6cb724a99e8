// What the benchmarks read of processes and of the machine: CPU time, resident memory, the V8
// heap through the inspector (Linux /proc).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

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
