import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { createDb } from '../../src/lib/server/db/client';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';

export const TEMPLATE_DB = 'tailor_template';

/**
 * One embedded PostgreSQL for the whole run, on a free port in a temporary directory, with a
 * migrated template database that each test file copies (see `testDatabase()`).
 */
export default async function setup(project: TestProject) {
	// Tests that start the server run the built app; build it once here, before any test file runs.
	buildIfStale({ quiet: true });
	const dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-test-pg-'));
	const pg = await startEmbeddedPostgres({
		dataDir,
		// Durability is not under test; these make a throwaway server several times faster.
		settings: {
			fsync: 'off',
			synchronous_commit: 'off',
			full_page_writes: 'off',
			max_connections: '300'
		}
	});
	const admin = createDb(pg.url, { max: 2 });
	await admin.sql.unsafe(`drop database if exists ${TEMPLATE_DB}`);
	await admin.sql.unsafe(`create database ${TEMPLATE_DB}`);
	const template = createDb(withDatabase(pg.url, TEMPLATE_DB), { max: 2 });
	await runMigrations(template.sql, template.db);
	await template.sql.end();
	await admin.sql.end();

	project.provide('pgUrl', pg.url);
	return async () => {
		await pg.stop();
		await rm(dataDir, { recursive: true, force: true });
	};
}

export function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgUrl: string;
	}
}
