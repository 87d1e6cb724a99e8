import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	browserFetch,
	signUp,
	startApi,
	watch,
	type Account,
	type ApiServer
} from '../helpers/api';

// How many live jobs.onProgress streams one caller may hold open (TAILOR_SSE_MAX_STREAMS, per API
// key or signed-in user). The server runs no worker, so its jobs wait and their streams stay open
// until a test cancels the job or closes the stream.

const MAX_STREAMS = 3;
let api: ApiServer;

beforeAll(async () => {
	api = await startApi({ WORKER: 'off', TAILOR_SSE_MAX_STREAMS: String(MAX_STREAMS) });
});

/** Streams the tests opened, closed after each test. */
const opened = new Set<AbortController>();
afterEach(() => {
	for (const controller of opened) controller.abort();
	opened.clear();
});

async function waitingJob(account: Account) {
	return (await account.client.career.importText.mutate({ text: 'Ada Lovelace, analyst.' })).jobId;
}

/** Opens the job's stream as an SSE client does; resolves once the answer's headers are in. */
async function openStream(jobId: string, headers: Record<string, string>) {
	const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
	const controller = new AbortController();
	opened.add(controller);
	const res = await fetch(`${api.url}/api/trpc/jobs.onProgress?input=${input}`, {
		headers: { accept: 'text/event-stream', ...headers },
		signal: controller.signal
	});
	return { status: res.status, res, close: () => controller.abort() };
}

const withKey = (account: Account) => ({ authorization: `Bearer ${account.apiKey}` });

describe('live progress streams per caller', () => {
	it('one more than allowed is refused with 429; other callers keep their own allowance', async () => {
		const [ada, bob] = await Promise.all([signUp(api.url, 'ada'), signUp(api.url, 'bob')]);
		const jobId = await waitingJob(ada);
		for (let i = 0; i < MAX_STREAMS; i++)
			expect((await openStream(jobId, withKey(ada))).status).toBe(200);

		const refused = await openStream(jobId, withKey(ada));
		expect(refused.status).toBe(429);
		const body = (await refused.res.json()) as { error: { json: { message: string } } };
		expect(body.error.json.message).toBe(
			`Too many live progress streams: at most ${MAX_STREAMS} may be open at once. Close one before opening another.`
		);
		// The typed client is told so too, and does not keep retrying.
		await expect(watch(ada.client, { jobId }).done).rejects.toThrow(/429/);

		// The same user's browser session, and another user, have their own allowance.
		const session = browserFetch(api.url, ada.cookie);
		const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
		const controller = new AbortController();
		opened.add(controller);
		const fromSession = await session(`${api.url}/api/trpc/jobs.onProgress?input=${input}`, {
			signal: controller.signal
		});
		expect(fromSession.status).toBe(200);
		expect((await openStream(await waitingJob(bob), withKey(bob))).status).toBe(200);
	});

	it('a stream that ends with its job gives its place back', async () => {
		const cara = await signUp(api.url, 'cara');
		const jobId = await waitingJob(cara);
		const streams = await Promise.all(
			Array.from({ length: MAX_STREAMS }, () => openStream(jobId, withKey(cara)))
		);
		expect(streams.map((s) => s.status)).toEqual(Array(MAX_STREAMS).fill(200));
		expect((await openStream(jobId, withKey(cara))).status).toBe(429);

		expect((await cara.client.jobs.cancel.mutate({ jobId })).result).toBe('cancelled');
		// Each stream delivers the cancellation and ends.
		for (const s of streams) expect(await s.res.text()).toContain('"cancelled"');

		const next = await waitingJob(cara);
		for (let i = 0; i < MAX_STREAMS; i++)
			expect((await openStream(next, withKey(cara))).status).toBe(200);
	});

	it('a stream the client closes gives its place back', async () => {
		const dan = await signUp(api.url, 'dan');
		const jobId = await waitingJob(dan);
		const streams = await Promise.all(
			Array.from({ length: MAX_STREAMS }, () => openStream(jobId, withKey(dan)))
		);
		expect(streams.map((s) => s.status)).toEqual(Array(MAX_STREAMS).fill(200));
		expect((await openStream(jobId, withKey(dan))).status).toBe(429);

		streams[0]!.close();
		// The server learns of the closed connection a moment later.
		await expect.poll(async () => (await openStream(jobId, withKey(dan))).status).toBe(200);
		expect((await openStream(jobId, withKey(dan))).status).toBe(429);
	});
});
