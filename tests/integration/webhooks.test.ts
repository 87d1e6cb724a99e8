import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/lib/server/webhooks';
import {
	failure,
	finished,
	inesResume,
	signUp,
	startApi,
	ternPosting,
	type Account,
	type ApiServer
} from '../helpers/api';

// Completion webhooks against a local receiver: a job started with an API key that has a webhook
// ends with a signed notice, retried with backoff until the receiver takes it.

type Received = { headers: IncomingHttpHeaders; body: string; answered: number };

/** A receiver that answers each request with the next status of `answers` (then 200). */
function receiver() {
	const received: Received[] = [];
	const answers: number[] = [];
	const waiters: { n: number; resolve: () => void }[] = [];
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			const answered = answers.shift() ?? 200;
			received.push({ headers: req.headers, body, answered });
			res.writeHead(answered).end();
			for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
		});
	});
	return {
		received,
		answers,
		/** Resolves once `n` requests have come in. */
		requests: (n: number) =>
			new Promise<void>((resolve) => {
				if (received.length >= n) resolve();
				else waiters.push({ n, resolve });
			}),
		start: () =>
			new Promise<string>((resolve) =>
				server.listen(0, '127.0.0.1', () =>
					resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)
				)
			),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

let api: ApiServer;
let ines: Account;
let other: Account;
const hook = receiver();
let url: string;

beforeAll(async () => {
	url = await hook.start();
	api = await startApi({ TAILOR_WEBHOOK_ALLOW_PRIVATE: 'true', TAILOR_WEBHOOK_RETRY_DELAY_S: '1' });
	[ines, other] = await Promise.all([signUp(api.url, 'ines'), signUp(api.url, 'other')]);
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
});

afterAll(() => hook.stop());

describe('a completion webhook', () => {
	let secret: string;

	it('is set from a session, its secret shown once and never listed', async () => {
		const set = await ines.browser.apiKeys.setWebhook.mutate({ id: ines.apiKeyId, url });
		expect(set.url).toBe(url);
		expect(set.secret).toMatch(/^whsec_/);
		secret = set.secret;
		const [key] = (await ines.browser.apiKeys.list.query()).filter((k) => k.id === ines.apiKeyId);
		expect(key?.webhook).toEqual({ url, lastAttemptAt: null, lastResult: null });
		expect(JSON.stringify(key)).not.toContain(secret);
	});

	it('hears, signed, when a job the key started ends, retried until the receiver takes it', async () => {
		hook.answers.push(500);
		const started = await ines.client.opportunities.addAndTailor.mutate({
			opportunity: { description: ternPosting }
		});
		const job = await finished(ines.client, started.jobId);
		expect(job.status).toBe('completed');
		await hook.requests(2);
		expect(hook.received.map((r) => r.answered)).toEqual([500, 200]);
		for (const { headers, body } of hook.received) {
			expect(headers['content-type']).toBe('application/json');
			expect(headers['tailor-event']).toBe('job.completed');
			expect(headers['tailor-delivery']).toBe(started.jobId);
			expect(verifySignature(secret, body, String(headers['tailor-signature']))).toBe(true);
			expect(verifySignature('whsec_wrong', body, String(headers['tailor-signature']))).toBe(false);
			const notice = JSON.parse(body);
			expect(notice.type).toBe('job.completed');
			expect(notice.job).toMatchObject({
				id: started.jobId,
				type: 'tailor',
				status: 'completed',
				opportunityId: started.opportunityId,
				profileId: job.profileId
			});
			expect(notice.job.input).toBeUndefined();
		}
		const [key] = (await ines.browser.apiKeys.list.query()).filter((k) => k.id === ines.apiKeyId);
		expect(key?.webhook?.lastResult).toBe('delivered');
	});

	it('owes nothing for a job started from the browser', async () => {
		const before = hook.received.length;
		const started = await ines.browser.opportunities.addAndTailor.mutate({
			opportunity: { description: `${ternPosting}\n\nSecond copy.` }
		});
		await finished(ines.browser, started.jobId);
		const [row] = await api.t.sql<{ api_key_id: string | null; owed: number }[]>`
			select api_key_id, (select count(*)::int from webhook_outbox where job_id = d.id) as owed
			from document_jobs d where id = ${started.jobId}`;
		expect(row).toEqual({ api_key_id: null, owed: 0 });
		const [queued] = await api.t.sql<{ n: number }[]>`
			select count(*)::int as n from pgboss.job
			where name = 'webhook-deliveries' and data ->> 'jobId' = ${started.jobId}`;
		expect(queued!.n).toBe(0);
		expect(hook.received.length).toBe(before);
	});

	it('is another user’s to set or remove: not found, not even its existence', async () => {
		for (const call of [
			other.browser.apiKeys.setWebhook.mutate({ id: ines.apiKeyId, url }),
			other.browser.apiKeys.removeWebhook.mutate({ id: ines.apiKeyId }),
			other.browser.apiKeys.setWebhook.mutate({ id: 'no_such_key', url })
		]) {
			const e = await failure(call);
			expect(e.code).toBe('NOT_FOUND');
			expect(e.message).toBe('API key not found');
		}
	});

	it('is set only from a signed-in session, not with an API key', async () => {
		const e = await failure(ines.client.apiKeys.setWebhook.mutate({ id: ines.apiKeyId, url }));
		expect(e.code).toBe('FORBIDDEN');
	});

	it('refuses an address that is not http(s), naming the field', async () => {
		const e = await failure(
			ines.browser.apiKeys.setWebhook.mutate({ id: ines.apiKeyId, url: 'ftp://example.com/x' })
		);
		expect(e.code).toBe('BAD_REQUEST');
		expect(e.data?.issues?.[0]?.path).toBe('/url');
	});

	it('stops when removed', async () => {
		await ines.browser.apiKeys.removeWebhook.mutate({ id: ines.apiKeyId });
		const [key] = (await ines.browser.apiKeys.list.query()).filter((k) => k.id === ines.apiKeyId);
		expect(key?.webhook).toBeNull();
	});
});

describe('by default', () => {
	it('refuses a loopback or private address', async () => {
		const strict = await startApi();
		const account = await signUp(strict.url, 'strict');
		for (const address of ['http://127.0.0.1:9/hook', 'http://10.0.0.8/hook', 'http://[::1]/x']) {
			const e = await failure(
				account.browser.apiKeys.setWebhook.mutate({ id: account.apiKeyId, url: address })
			);
			expect(e.code).toBe('BAD_REQUEST');
			expect(e.message).toMatch(/private or loopback/);
			expect(e.data?.issues?.[0]?.path).toBe('/url');
		}
	});
});
