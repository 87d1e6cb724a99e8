import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import superjson, { type SuperJSONResult } from 'superjson';
import type { Database, Tx } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { ConflictError } from './errors';

/** How long an idempotency key is remembered. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/** JSON with every object's keys sorted, so equal inputs hash alike whatever their key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export type IdempotentRequest = {
	userId: string;
	/** The operation the key is for (`opportunities.create`): keys of different ones never meet. */
	procedure: string;
	key: string;
	/** The request's input, without its key. */
	input: unknown;
};

/**
 * Runs `work` once per key: the first request with a key does the work and its answer is kept for
 * a day; a repeat gets that answer (a concurrent repeat waits for the first to finish, and does
 * the work itself only if the first failed). The same key with another input is a ConflictError.
 * `work` runs in the transaction that holds the key, so the answer is kept exactly when the work's
 * own writes commit.
 */
export async function onceForKey<T>(
	db: Database,
	request: IdempotentRequest,
	work: (tx: Tx) => Promise<T>
): Promise<T> {
	const { userId, procedure, key } = request;
	const requestHash = createHash('sha256').update(canonical(request.input)).digest('base64url');
	const expired = sql`now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`;
	const thisKey = and(
		eq(idempotencyKeys.userId, userId),
		eq(idempotencyKeys.procedure, procedure),
		eq(idempotencyKeys.key, key)
	);
	return db.transaction(async (tx) => {
		await tx
			.delete(idempotencyKeys)
			.where(and(eq(idempotencyKeys.userId, userId), lt(idempotencyKeys.createdAt, expired)));
		// Waits for a concurrent holder of the key to commit or roll back before deciding.
		const [claimed] = await tx
			.insert(idempotencyKeys)
			.values({ userId, procedure, key, requestHash })
			.onConflictDoNothing()
			.returning({ key: idempotencyKeys.key });
		if (!claimed) {
			const [first] = await tx
				.select({ requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
				.from(idempotencyKeys)
				.where(thisKey);
			if (first?.requestHash !== requestHash)
				throw new ConflictError(
					'This idempotency key was already used for a different request. Use a new key for a new request.'
				);
			return superjson.deserialize<T>(first.response as SuperJSONResult);
		}
		const result = await work(tx);
		await tx
			.update(idempotencyKeys)
			.set({ response: superjson.serialize(result) })
			.where(thisKey);
		return result;
	});
}
