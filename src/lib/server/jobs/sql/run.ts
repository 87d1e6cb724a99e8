import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type { Executor, Sql } from '../../db/client';

export type Param = string | number | boolean | null | string[] | number[];

/**
 * Runs one of the job engine's statements, on the database or inside the caller's transaction, as
 * a prepared statement: postgres.js sends an unprepared statement with parameters in two round
 * trips (describe, then execute), a prepared one it has seen before in one.
 */
export function run<Row extends object>(ex: Executor, text: string, params: Param[]) {
	const session = ex._.session;
	if (!(session instanceof PostgresJsSession))
		throw new Error('the job engine runs on postgres.js');
	// The database's client, or the transaction's (postgres.js's TransactionSql).
	const client: Pick<Sql, 'unsafe'> = session.client;
	return client.unsafe<Row[]>(text, params, { prepare: true });
}

/** What a step boundary needs to know of the job: who owns it, its status, a waiting cancel. */
export type JobState = { attempt: number; status: string; cancelRequested: boolean };
