import { createAuth, type Auth } from '../lib/server/auth';
import { openDatabase, type Connection } from '../lib/server/db';
import { env } from '../lib/server/env';
import { createLogger } from '../lib/server/log';
import { authSecret } from '../lib/server/secrets';

/**
 * For operator commands: the app's database (DATABASE_URL, or the embedded one in DATA_DIR — the
 * running server's when `npm start` is up) and its auth, closed when `use` is done.
 */
export async function withApp<T>(
	use: (app: { conn: Connection; auth: Auth }) => Promise<T>
): Promise<T> {
	const config = env();
	const log = createLogger(config.LOG_LEVEL === 'info' ? 'silent' : config.LOG_LEVEL);
	const conn = await openDatabase({ ...config, DB_POOL_SIZE: 3 }, log);
	try {
		const auth = createAuth({
			db: conn.db,
			secret: await authSecret(conn.db, config.AUTH_SECRET),
			baseURL: config.ORIGIN,
			log
		});
		return await use({ conn, auth });
	} finally {
		await conn.close();
	}
}
