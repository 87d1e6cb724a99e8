import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
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

// Idempotency keys over real HTTP against the built server: a retried create or add-and-tailor
// with the same key gets the first answer and does no work twice.

let api: ApiServer;
let ines: Account;
let other: Account;

const posting = (n: number) => `${ternPosting}\n\nReference ${n}.`;

beforeAll(async () => {
	api = await startApi();
	[ines, other] = await Promise.all([signUp(api.url, 'ines'), signUp(api.url, 'other')]);
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
});

const opportunityCount = async (userId: string) => {
	const [row] = await api.t.sql<{ n: number }[]>`
		select count(*)::int as n from opportunities where user_id = ${userId}`;
	return row!.n;
};

describe('opportunities.create with an idempotency key', () => {
	it('returns the first opportunity to a repeat, and makes one', async () => {
		const key = randomUUID();
		const before = await opportunityCount(ines.userId);
		const first = await ines.client.opportunities.create.mutate({
			description: posting(1),
			idempotencyKey: key
		});
		const again = await ines.client.opportunities.create.mutate({
			description: posting(1),
			idempotencyKey: key
		});
		expect(again).toEqual(first);
		expect(again.createdAt).toBeInstanceOf(Date);
		expect(await opportunityCount(ines.userId)).toBe(before + 1);
	});

	it('makes one opportunity for concurrent repeats', async () => {
		const key = randomUUID();
		const before = await opportunityCount(ines.userId);
		const all = await Promise.all(
			Array.from({ length: 5 }, () =>
				ines.client.opportunities.create.mutate({ description: posting(2), idempotencyKey: key })
			)
		);
		expect(new Set(all.map((o) => o.id)).size).toBe(1);
		expect(await opportunityCount(ines.userId)).toBe(before + 1);
	});

	it('refuses the same key with another input (CONFLICT), and keeps the first answer', async () => {
		const key = randomUUID();
		const first = await ines.client.opportunities.create.mutate({
			description: posting(3),
			idempotencyKey: key
		});
		const e = await failure(
			ines.client.opportunities.create.mutate({ description: posting(4), idempotencyKey: key })
		);
		expect(e.code).toBe('CONFLICT');
		expect(e.message).toMatch(/different request/);
		const again = await ines.client.opportunities.create.mutate({
			description: posting(3),
			idempotencyKey: key
		});
		expect(again.id).toBe(first.id);
	});

	it('keeps keys apart per user: another user with the same key gets their own opportunity', async () => {
		const key = randomUUID();
		const mine = await ines.client.opportunities.create.mutate({
			description: posting(5),
			idempotencyKey: key
		});
		const theirs = await other.client.opportunities.create.mutate({
			description: posting(5),
			idempotencyKey: key
		});
		expect(theirs.id).not.toBe(mine.id);
		// …and a different input under the same key is no conflict for them either.
		const theirsToo = await other.client.opportunities.create.mutate({
			description: posting(6),
			idempotencyKey: randomUUID()
		});
		expect(theirsToo.id).not.toBe(mine.id);
		const e = await failure(other.client.opportunities.get.query({ id: mine.id }));
		expect(e.code).toBe('NOT_FOUND');
	});

	it('forgets a key after 24 hours', async () => {
		const key = randomUUID();
		const first = await ines.client.opportunities.create.mutate({
			description: posting(7),
			idempotencyKey: key
		});
		await api.t.sql`
			update idempotency_keys set created_at = now() - interval '25 hours'
			where user_id = ${ines.userId} and key = ${key}`;
		const later = await ines.client.opportunities.create.mutate({
			description: posting(7),
			idempotencyKey: key
		});
		expect(later.id).not.toBe(first.id);
	});

	it('without a key, every call creates', async () => {
		const a = await ines.client.opportunities.create.mutate({ description: posting(8) });
		const b = await ines.client.opportunities.create.mutate({ description: posting(8) });
		expect(a.id).not.toBe(b.id);
	});

	it('refuses an empty or overlong key naming the field', async () => {
		for (const idempotencyKey of ['  ', 'k'.repeat(201)]) {
			const e = await failure(
				ines.client.opportunities.create.mutate({ description: posting(9), idempotencyKey })
			);
			expect(e.code).toBe('BAD_REQUEST');
			expect(e.data?.issues?.[0]?.path).toBe('/idempotencyKey');
		}
	});
});

describe('opportunities.addAndTailor with an idempotency key', () => {
	it('starts one job for a repeat and returns its id again', async () => {
		const key = randomUUID();
		const input = { opportunity: { description: posting(10) }, idempotencyKey: key };
		const first = await ines.client.opportunities.addAndTailor.mutate(input);
		const again = await ines.client.opportunities.addAndTailor.mutate(input);
		expect(again).toEqual(first);
		const [jobs] = await api.t.sql<{ n: number }[]>`
			select count(*)::int as n from document_jobs where opportunity_id = ${first.opportunityId}`;
		expect(jobs!.n).toBe(1);
		const job = await finished(ines.client, first.jobId);
		expect(job.status).toBe('completed');
		// Still the same answer after the job has finished.
		expect(await ines.client.opportunities.addAndTailor.mutate(input)).toEqual(first);
	});

	it('keeps keys of create and addAndTailor apart', async () => {
		const key = randomUUID();
		const created = await ines.client.opportunities.create.mutate({
			description: posting(11),
			idempotencyKey: key
		});
		const added = await ines.client.opportunities.addAndTailor.mutate({
			opportunity: { description: posting(11) },
			idempotencyKey: key
		});
		expect(added.opportunityId).not.toBe(created.id);
		await finished(ines.client, added.jobId);
	});
});
