// `npm run bench` (a): cached `opportunities.tailor` over HTTP at a fixed request rate.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export type CachedTarget = { apiKey: string; opportunityId: string };

export type CachedResult = {
	latencies: number[];
	/** How late each request went out after it was due: the load generator's own delay. */
	sendLag: number[];
	failures: string[];
	rate: number;
};

const now = () => performance.now();

/**
 * Open loop: request i is due at start + i / rate, whatever happened to the ones before, and its
 * latency runs from when it was due, not from when it went out. A server stall therefore shows as
 * the latency of every request that should have been sent during it (no coordinated omission).
 */
export type CachedOptions = {
	url: string;
	targets: CachedTarget[];
	rate: number;
	seconds: number;
	warmupSeconds: number;
};

export async function cachedTailorLatency(options: CachedOptions): Promise<CachedResult> {
	const { hostname, port } = new URL(options.url);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const call = (target: CachedTarget) =>
		new Promise<string | null>((resolve) => {
			const body = JSON.stringify({ json: { opportunityId: target.opportunityId } });
			const req = http.request(
				{
					agent,
					hostname,
					port,
					method: 'POST',
					path: '/api/trpc/opportunities.tailor',
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(body),
						authorization: `Bearer ${target.apiKey}`
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						// Every answer must be the stored profile, not a job and not an error.
						resolve(
							res.statusCode === 200 && text.includes('"kind":"cached"')
								? null
								: `HTTP ${res.statusCode}: ${text.slice(0, 200)}`
						);
					});
				}
			);
			req.on('error', (e) => resolve(String(e)));
			req.end(body);
		});

	const warmup = Math.round(options.rate * options.warmupSeconds);
	const total = warmup + Math.round(options.rate * options.seconds);
	const interval = 1000 / options.rate;
	const latencies: number[] = [];
	const sendLag: number[] = [];
	const failures: string[] = [];
	const calls: Promise<void>[] = [];
	const start = now() + 10;
	let next = 0;
	await new Promise<void>((resolve) => {
		const tick = () => {
			const t = now();
			while (next < total && start + next * interval <= t) {
				const i = next++;
				const due = start + i * interval;
				const target = options.targets[i % options.targets.length]!;
				if (i >= warmup) sendLag.push(t - due);
				calls.push(
					call(target).then((failure) => {
						if (i < warmup) return;
						if (failure) failures.push(failure);
						else latencies.push(now() - due);
					})
				);
			}
			if (next === total) resolve();
			else setTimeout(tick, Math.max(0, start + next * interval - now()));
		};
		tick();
	});
	await Promise.all(calls);
	agent.destroy();
	return { latencies, sendLag, failures, rate: options.rate };
}

/**
 * Forks `script` (next to this file, run through tsx), sends it `options` and resolves with its
 * first message; rejects if it exits before answering.
 */
function askChild<T>(script: string, options: unknown, what: string) {
	const child = fork(path.join(import.meta.dirname, script), [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const answer = new Promise<T>((resolve, reject) => {
		child.once('message', (m: T) => resolve(m));
		child.once('exit', (code) => reject(new Error(`${what} exited with ${code} before answering`)));
		child.send(options as object);
	});
	return { child, answer };
}

/** `cachedTailorLatency` in a load-generator process of its own (`cached-client.ts`). */
export function cachedTailorLatencyApart(options: CachedOptions): Promise<CachedResult> {
	return askChild<CachedResult>('cached-client.ts', options, 'the load generator').answer;
}

/**
 * A stand-in for the web process (`stand-in.ts`): every request costs `cpuMs` of CPU and
 * gets `body`. The same load against it is the latency this host allows at that CPU cost.
 */
export async function startStandIn(options: { cpuMs: number; body: string }) {
	const { child, answer } = askChild<{ port: number }>(
		'stand-in.ts',
		options,
		'the stand-in server'
	);
	const { port } = await answer;
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
