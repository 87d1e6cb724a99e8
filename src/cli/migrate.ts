// npm run db:migrate — applies the committed SQL migrations to DATABASE_URL or the embedded database.
import { openDatabase } from '../lib/server/db';
import { env } from '../lib/server/env';
import { createLogger } from '../lib/server/log';
import { runCli } from './run';

runCli(async () => {
	const config = env();
	const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
	const conn = await openDatabase({ ...config, DB_POOL_SIZE: 2 }, log);
	const [row] = await conn.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
	console.log(`Migrations applied (${row?.n ?? 0} in all) to ${conn.where}.`);
	await conn.close();
});
