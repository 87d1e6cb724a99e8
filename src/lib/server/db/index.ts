import path from 'node:path';
import type { Env } from '../env';
import type { Logger } from '../log';
import { DatabaseAvailability } from './availability';
import { createDb, type Database, type Sql } from './client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';

export type Connection = {
	url: string;
	sql: Sql;
	db: Database;
	/** Where the database lives, for logs: the embedded data directory or the server's host. */
	where: string;
	embedded: EmbeddedPostgres | null;
	/** Whether the database answers, as this process knows it (see DatabaseAvailability). */
	availability: DatabaseAvailability;
	close(): Promise<void>;
};

/**
 * Connects to `DATABASE_URL`, or to the embedded server in `DATA_DIR` (starting it when no other
 * process has), and applies pending migrations. An embedded server this process started is
 * restarted, on the same port, if it exits by itself; queries open new connections once the
 * database answers again.
 */
export async function openDatabase(
	env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE'> &
		Partial<Pick<Env, 'TAILOR_ROOT_PG_DIR'>>,
	log: Logger,
	options: { migrate?: boolean } = {}
): Promise<Connection> {
	let embedded: EmbeddedPostgres | null = null;
	let url = env.DATABASE_URL;
	let where: string;
	if (url) {
		where = new URL(url).host;
	} else {
		const pgLog = log.child({ component: 'postgres' });
		embedded = await startEmbeddedPostgres({
			dataDir: env.DATA_DIR,
			rootDir: env.TAILOR_ROOT_PG_DIR,
			restart: true,
			onLog: (line) => pgLog.debug(line)
		});
		url = embedded.url;
		where = `embedded, ${path.resolve(env.DATA_DIR)}`;
	}
	const { sql, db } = createDb(url, { max: env.DB_POOL_SIZE });
	try {
		await sql`select 1`;
		if (options.migrate !== false) await runMigrations(sql, db);
	} catch (error) {
		await sql.end({ timeout: 1 });
		await embedded?.stop();
		throw error;
	}
	const availability = new DatabaseAvailability(
		sql,
		log.child({ component: 'database' }),
		embedded
	);
	return {
		url,
		sql,
		db,
		where,
		embedded,
		availability,
		async close() {
			availability.close();
			await sql.end({ timeout: 5 });
			await embedded?.stop();
		}
	};
}

export { createDb, type Database, type Executor, type Sql, type Tx } from './client';
