import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	failure,
	inesResume,
	isTerminal,
	signUp,
	startApi,
	startProductWorker,
	ternPosting,
	watch,
	type Account,
	type ApiServer
} from '../helpers/api';

// jobs.onProgress over SSE. The web server runs without a worker (WORKER=off) so each test
// decides when jobs run by starting the product's worker process; and it closes every stream
// after a second (TAILOR_SSE_MAX_DURATION_MS), so clients reconnect all the time.

let api: ApiServer;
let ines: Account;
let other: Account;
let worker: Promise<ChildProcess> | undefined;

const runJobs = () => (worker ??= startProductWorker(api.t.url));

afterAll(async () => {
	const child = await worker?.catch(() => undefined);
	if (child && child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(async () => {
	api = await startApi({ WORKER: 'off', TAILOR_SSE_MAX_DURATION_MS: '1000' });
	[ines, other] = await Promise.all([signUp(api.url, 'ines'), signUp(api.url, 'other')]);
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
});

async function newTailorJob() {
	const { jobId } = await ines.client.opportunities.addAndTailor.mutate({
		opportunity: { description: ternPosting }
	});
	return jobId;
}

async function storedEventIds(jobId: string): Promise<string[]> {
	const rows = await api.t.sql`select id from job_events where job_id = ${jobId} order by id`;
	return rows.map((r) => String(r.id));
}

describe('jobs.onProgress', () => {
	it('a cancelled waiting job streams its cancellation and ends', async () => {
		const jobId = await newTailorJob();
		expect((await ines.client.jobs.cancel.mutate({ jobId })).result).toBe('cancelled');
		const events = await watch(ines.client, { jobId }).done;
		expect(events.map((e) => e.data.payload.status)).toEqual(['pending', 'cancelled']);
		expect((await ines.client.jobs.get.query({ jobId })).status).toBe('cancelled');
	});

	it('when the server closes the stream, the client reconnects and resumes without gaps or duplicates', async () => {
		const jobId = await newTailorJob();
		let reconnected!: () => void;
		const twice = new Promise<void>((r) => (reconnected = r));
		const progress = watch(ines.client, { jobId }, { onConnect: (n) => n === 2 && reconnected() });
		await twice; // the first stream was closed after its maximum duration
		await runJobs();
		const events = await progress.done;
		expect(progress.connections()).toBeGreaterThanOrEqual(2);
		expect(events.map((e) => e.id)).toEqual(await storedEventIds(jobId));
		expect(isTerminal(events.at(-1)!)).toBe(true);
		expect(events.at(-1)!.data.payload.status).toBe('completed');
	});

	it('a subscription dropped mid-job and resumed with its last event id gets every remaining event once', async () => {
		await runJobs();
		const jobId = await newTailorJob();
		// Dropped at the first phase change, as a closed laptop lid would.
		const first = await watch(ines.client, { jobId }, { onEvent: (e) => e.data.type === 'phase' })
			.done;
		expect(first.at(-1)!.data.type).toBe('phase');
		const rest = await watch(ines.client, { jobId, lastEventId: first.at(-1)!.id }).done;
		const ids = [...first, ...rest].map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(await storedEventIds(jobId));
		expect(rest.at(-1)!.data.payload.status).toBe('completed');
		expect(rest.some((e) => e.data.type === 'highlight')).toBe(true);
	});

	it('a subscription opened after the job ended replays every event and ends', async () => {
		await runJobs();
		const jobId = await newTailorJob();
		await watch(ines.client, { jobId }).done;
		const replay = await watch(ines.client, { jobId }).done;
		expect(replay.map((e) => e.id)).toEqual(await storedEventIds(jobId));
		expect(replay[0]!.data.payload.status).toBe('pending');
		const phases = replay.filter((e) => e.data.type === 'phase').map((e) => e.data.payload.phase);
		expect(phases).toEqual(['analyzing', 'generating', 'evaluating']);
		expect(replay.at(-1)!.data.payload.status).toBe('completed');
		// Events arrive with their types intact (superjson) and their ids as tracked ids.
		expect(replay.every((e) => e.id === String(e.data.id))).toBe(true);
	});

	it('another user’s job is NOT_FOUND; a malformed id or event id is BAD_REQUEST', async () => {
		const jobId = (await ines.client.jobs.list.query({ limit: 1 }))[0]!.id;
		const notFound = await failure(watch(other.client, { jobId }).done);
		expect(notFound.code).toBe('NOT_FOUND');
		expect((await failure(watch(ines.client, { jobId: randomUUID() }).done)).code).toBe(
			'NOT_FOUND'
		);
		expect((await failure(watch(ines.client, { jobId: 'job-1' }).done)).code).toBe('BAD_REQUEST');
		expect((await failure(watch(ines.client, { jobId, lastEventId: '1; drop' }).done)).code).toBe(
			'BAD_REQUEST'
		);
	});
});

describe('a server restart', () => {
	it('does not end a live stream: the client reconnects to the new process and misses nothing', async () => {
		// No worker for now, so the job waits while the server restarts.
		const child = await worker;
		worker = undefined;
		if (child && child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
		const jobId = await newTailorJob();
		let connected!: () => void;
		const live = new Promise<void>((r) => (connected = r));
		const progress = watch(ines.client, { jobId }, { onEvent: () => connected() });
		await live; // the pending event has arrived
		await api.restart();
		await runJobs();
		const events = await progress.done;
		expect(events.map((e) => e.id)).toEqual(await storedEventIds(jobId));
		expect(events.at(-1)!.data.payload.status).toBe('completed');
	});
});
