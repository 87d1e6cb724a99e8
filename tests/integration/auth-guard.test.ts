import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	AuthGuard,
	TooManyAttempts,
	type Attempt,
	type AuthLimits
} from '../../src/lib/server/auth-guard';
import { testDatabase, type TestDatabase } from '../helpers/db';

// The guard's blocks over time, on its PostgreSQL store. The store reckons expiry from the
// process clock (Date.now), so a faked Date moves time on without waiting for it.

const limits: AuthLimits = {
	maxFailures: 3,
	maxAccountFailures: 100,
	addressPoints: 10_000,
	addressWindowSeconds: 600,
	blockSeconds: 60,
	maxBlockSeconds: 900
};

let t: TestDatabase;
let guard: AuthGuard;

beforeAll(async () => {
	t = await testDatabase();
	guard = new AuthGuard(t.sql, limits);
});

afterEach(() => {
	vi.useRealTimers();
});

let now = Date.UTC(2030, 0, 1);
const advance = (seconds: number) => vi.setSystemTime((now += seconds * 1000));

async function fail(attempt: Attempt) {
	const ticket = await guard.begin(attempt);
	if (ticket instanceof TooManyAttempts) throw new Error(`refused: ${ticket.message}`);
	await guard.end(ticket, 'failure');
}

/** The block the next attempt meets, in seconds (0 when it is let through). */
async function blockedFor(attempt: Attempt) {
	const result = await guard.begin(attempt);
	if (result instanceof TooManyAttempts) return result.seconds;
	await guard.end(result, 'other');
	return 0;
}

describe('blocks', () => {
	it('double with each block within a day, up to the longest, and start again a day later', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		advance(0);
		const attempt = { email: 'ada@example.com', address: '192.0.2.1' };
		const seen: number[] = [];
		for (let block = 0; block < 6; block++) {
			for (let i = 0; i < limits.maxFailures; i++) await fail(attempt);
			const wait = await blockedFor(attempt);
			seen.push(wait);
			// Still blocked just before the end of it, free just after.
			advance(wait - 1);
			expect(await blockedFor(attempt)).toBeGreaterThan(0);
			advance(2);
		}
		expect(seen).toEqual([60, 120, 240, 480, 900, 900]);
		advance(24 * 60 * 60);
		for (let i = 0; i < limits.maxFailures; i++) await fail(attempt);
		expect(await blockedFor(attempt)).toBe(60);
	});

	it('an attempt that is neither a success nor a failure costs nothing', async () => {
		const attempt = { email: 'grace@example.com', address: '192.0.2.2' };
		for (let i = 0; i < 10; i++) expect(await blockedFor(attempt)).toBe(0);
		for (let i = 0; i < limits.maxFailures; i++) await fail(attempt);
		expect(await blockedFor(attempt)).toBe(60);
	});

	it('keep one address’s failures from blocking another’s, or another account', async () => {
		const attempt = { email: 'alan@example.com', address: '192.0.2.3' };
		for (let i = 0; i < limits.maxFailures; i++) await fail(attempt);
		expect(await blockedFor(attempt)).toBe(60);
		expect(await blockedFor({ ...attempt, address: '192.0.2.4' })).toBe(0);
		expect(await blockedFor({ ...attempt, email: 'other@example.com' })).toBe(0);
	});
});
