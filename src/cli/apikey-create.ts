// npm run apikey:create -- --email <email> [--name <name>] — prints the new key, and nothing else.
import { createApiKey } from '../lib/server/api-keys';
import { parseCli } from './args';
import { withApp } from './operator';
import { runCli, UsageError } from './run';

const USAGE = 'Usage: npm run apikey:create -- --email <email> [--name <name>]';

runCli(async () => {
	const args = parseCli({ email: { type: 'string' }, name: { type: 'string' } }, USAGE);
	if (!args.email) throw new UsageError(USAGE);
	const key = await withApp(async ({ conn, auth }) => {
		const user = await conn.db.query.users.findFirst({
			where: (u, { eq }) => eq(u.email, args.email!)
		});
		if (!user) throw new UsageError(`No user with the email ${args.email}.`);
		return createApiKey(auth, user.id, args.name ?? 'command line');
	});
	process.stdout.write(`${key.key}\n`);
});
