import { EmbeddedPostgresError } from '../lib/server/db/embedded';
import { ConfigError } from '../lib/server/env';

/**
 * Runs a command-line entry point: a configuration or usage problem, or an embedded PostgreSQL
 * that cannot run here, prints one line to stderr and exits 1; anything else prints its stack and exits 1.
 */
export function runCli(main: () => Promise<void>): void {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			if (
				error instanceof ConfigError ||
				error instanceof UsageError ||
				error instanceof EmbeddedPostgresError
			) {
				console.error(error.message);
			} else {
				console.error(error);
			}
			process.exit(1);
		}
	);
}

/** A mistake in the command's arguments, reported in one line. */
export class UsageError extends Error {}
