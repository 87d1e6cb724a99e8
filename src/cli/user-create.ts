// npm run user:create -- --email <email> --password <password> [--name <name>]
import { isAPIError } from 'better-auth/api';
import { parseCli } from './args';
import { withApp } from './operator';
import { runCli, UsageError } from './run';

const USAGE = 'Usage: npm run user:create -- --email <email> --password <password> [--name <name>]';

runCli(async () => {
	const args = parseCli(
		{ email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
		USAGE
	);
	if (!args.email || !args.password) throw new UsageError(USAGE);
	if (args.password.length < 8) throw new UsageError('The password needs at least 8 characters.');
	const user = await withApp(async ({ auth }) => {
		try {
			const result = await auth.api.signUpEmail({
				body: {
					email: args.email!,
					password: args.password!,
					name: args.name || args.email!.split('@')[0]!
				}
			});
			return result.user;
		} catch (error) {
			if (isAPIError(error)) throw new UsageError(`Cannot create the user: ${error.message}`);
			throw error;
		}
	});
	console.log(`Created user ${user.email} (${user.id})`);
});
