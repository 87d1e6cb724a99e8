import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Sql = postgres.Sql;

export function createDb(
	url: string,
	options: { max?: number; name?: string; asyncCommit?: boolean } = {}
) {
	const sql = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		connection: {
			application_name: options.name ?? 'tailor',
			...(options.asyncCommit ? { synchronous_commit: 'off' } : {})
		}
	});
	const db = drizzle(sql, { schema });
	return { sql, db };
}

export type Database = ReturnType<typeof createDb>['db'];
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A drizzle transaction, or the database itself: domain functions accept either. */
export type Executor = Database | Tx;
