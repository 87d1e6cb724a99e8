import { and, desc, eq } from 'drizzle-orm';
import type { Auth } from './auth';
import type { Database } from './db/client';
import { apiKeys } from './db/schema';

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

/** The user id an API key belongs to, or null for an unknown, revoked or expired key. */
export async function userIdForApiKey(auth: Auth, key: string): Promise<string | null> {
	if (!key) return null;
	const result = await auth.api.verifyApiKey({ body: { key } });
	return result.valid && result.key ? result.key.referenceId : null;
}
