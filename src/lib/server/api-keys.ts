import { defaultKeyHasher } from '@better-auth/api-key';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Auth } from './auth';
import type { Database } from './db/client';
import { apiKeys, users } from './db/schema';

export type ApiKeySummary = {
	id: string;
	name: string | null;
	/** The visible start of the key, e.g. `tlr_AbC12…`. */
	start: string | null;
	createdAt: Date;
	lastUsedAt: Date | null;
	revoked: boolean;
};

/** Creates a key for the user. The full key is in the result once and is never stored. */
export async function createApiKey(auth: Auth, userId: string, name?: string) {
	const created = await auth.api.createApiKey({ body: { userId, name: name || undefined } });
	return {
		id: created.id,
		key: created.key,
		name: created.name ?? null,
		start: created.start ?? null
	};
}

export async function listApiKeys(db: Database, userId: string): Promise<ApiKeySummary[]> {
	const rows = await db
		.select()
		.from(apiKeys)
		.where(eq(apiKeys.referenceId, userId))
		.orderBy(desc(apiKeys.createdAt));
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		start: r.start,
		createdAt: r.createdAt,
		lastUsedAt: r.lastRequest,
		revoked: !r.enabled
	}));
}

/** Revokes one of the user's keys; false when the user has no such key. */
export async function revokeApiKey(db: Database, userId: string, id: string): Promise<boolean> {
	const rows = await db
		.update(apiKeys)
		.set({ enabled: false, updatedAt: new Date() })
		.where(and(eq(apiKeys.id, id), eq(apiKeys.referenceId, userId)))
		.returning({ id: apiKeys.id });
	return rows.length > 0;
}

/** How stale `last_used_at` may get: a key in steady use costs one read per request, no write. */
const LAST_USED_RESOLUTION_MS = 60_000;

function prepareKeyLookup(db: Database) {
	return db
		.select({
			keyId: apiKeys.id,
			lastUsedAt: apiKeys.lastRequest,
			id: users.id,
			email: users.email,
			name: users.name
		})
		.from(apiKeys)
		.innerJoin(users, eq(users.id, apiKeys.referenceId))
		.where(
			and(
				eq(apiKeys.key, sql.placeholder('hash')),
				eq(apiKeys.enabled, true),
				or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`))
			)
		)
		.prepare('api_key_user');
}

/** Built once per database: every API request runs it. */
const keyLookups = new WeakMap<Database, ReturnType<typeof prepareKeyLookup>>();

/** When this process last began writing each key's `last_used_at` (key id → ms since epoch). */
const lastUseWrites = new Map<string, number>();
/** When `lastUseWrites` last dropped its stale entries: at most once per resolution. */
let prunedAt = 0;

/**
 * Records that a key was used, off the request's path: the request does not wait for a committed
 * write, and concurrent requests with the same key start one write, not one each. A write that
 * fails is tried again on the key's next use.
 */
function recordUse(db: Database, keyId: string, lastUsedAt: Date | null) {
	const now = Date.now();
	const known = Math.max(lastUsedAt?.getTime() ?? 0, lastUseWrites.get(keyId) ?? 0);
	if (now - known <= LAST_USED_RESOLUTION_MS) return;
	lastUseWrites.set(keyId, now);
	if (lastUseWrites.size > 10_000 && now - prunedAt > LAST_USED_RESOLUTION_MS) {
		prunedAt = now;
		for (const [id, at] of lastUseWrites)
			if (now - at > LAST_USED_RESOLUTION_MS) lastUseWrites.delete(id);
	}
	db.update(apiKeys)
		.set({ lastRequest: new Date(now) })
		.where(eq(apiKeys.id, keyId))
		.catch(() => lastUseWrites.delete(keyId));
}

/**
 * Who an API key belongs to, or null for an unknown, revoked or expired key: one indexed read
 * (key and user together) per request, checked against the database every time, so a revocation
 * applies at once in every process. `last_used_at` is written on first use and then at most once a
 * minute, without the request waiting for it.
 */
export async function apiKeyUser(
	db: Database,
	key: string
): Promise<{ id: string; email: string; name: string } | null> {
	if (!key) return null;
	let lookup = keyLookups.get(db);
	if (!lookup) keyLookups.set(db, (lookup = prepareKeyLookup(db)));
	// The stored form of a key is the api-key plugin's own hash of it.
	const [row] = await lookup.execute({ hash: await defaultKeyHasher(key) });
	if (!row) return null;
	recordUse(db, row.keyId, row.lastUsedAt);
	return { id: row.id, email: row.email, name: row.name };
}

/** The user id an API key belongs to, or null for an unknown, revoked or expired key. */
export async function userIdForApiKey(db: Database, key: string): Promise<string | null> {
	return (await apiKeyUser(db, key))?.id ?? null;
}
