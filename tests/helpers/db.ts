import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDb, type Database, type Sql } from '../../src/lib/server/db/client';
import { TEMPLATE_DB, withDatabase } from './global-setup';

export type TestDatabase = { url: string; name: string; sql: Sql; db: Database };

/**
 * A fresh, migrated database for the calling test file, copied from the template the global setup
 * made, and dropped after the file's tests.
 */
export async function testDatabase(): Promise<TestDatabase> {
	const adminUrl = inject('pgUrl');
	const name = `test_${randomBytes(6).toString('hex')}`;
	const admin = createDb(adminUrl, { max: 1 });
	await admin.sql.unsafe(`create database ${name} template ${TEMPLATE_DB}`);
	const url = withDatabase(adminUrl, name);
	const { sql, db } = createDb(url, { max: 10 });
	afterAll(async () => {
		await sql.end({ timeout: 5 });
		await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
		await admin.sql.end();
	});
	return { url, name, sql, db };
}
