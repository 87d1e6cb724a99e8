import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './db/client';
import { appSettings } from './db/schema';

/**
 * The session-signing secret: `AUTH_SECRET` when set, else one generated on first boot and kept in
 * the database, so every web process on the same database signs and checks cookies alike.
 */
export async function authSecret(db: Database, configured: string | undefined): Promise<string> {
	if (configured) return configured;
	await db
		.insert(appSettings)
		.values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'auth_secret'));
	if (!row) throw new Error('could not read the generated auth secret');
	return row.value;
}
