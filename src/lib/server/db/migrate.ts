import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database, Sql } from './client';

export const migrationsFolder = path.resolve(process.env.TAILOR_MIGRATIONS_DIR ?? 'drizzle');

/** A fixed key so that processes booting at once apply migrations one after another. */
const MIGRATION_LOCK = 7_245_117;

/** Applies the committed SQL migrations in `drizzle/` that this database has not seen yet. */
export async function runMigrations(sql: Sql, db: Database): Promise<void> {
	await sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
		// The migrator runs on its own connection; the lock held by this transaction keeps a
		// concurrent booting process waiting until it is done.
		await migrate(db, { migrationsFolder });
	});
}
