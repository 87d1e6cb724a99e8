import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { userIdForApiKey } from '../../src/lib/server/api-keys';
import { testDatabase, type TestDatabase } from '../helpers/db';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase();
});

/** Runs a command the way `npm run <script>` does, against the test database. */
function command(script: string, args: string[]) {
	return run(
		path.join(root, 'node_modules/.bin/node'),
		['--import', 'tsx', `src/cli/${script}.ts`, ...args],
		{
			cwd: root,
			env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: t.url }
		}
	);
}

describe('operator commands', () => {
	it('user:create then apikey:create prints one key, and nothing else, that authenticates the user', async () => {
		const created = await command('user-create', [
			'--email',
			'ops@example.com',
			'--password',
			'a long password'
		]);
		expect(created.stdout).toMatch(/^Created user ops@example\.com \(\S+\)\n$/);
		const { stdout } = await command('apikey-create', [
			'--email',
			'ops@example.com',
			'--name',
			'deploy'
		]);
		expect(stdout).toMatch(/^tlr_\w+\n$/);
		const [user] = await t.sql`select id from users where email = 'ops@example.com'`;
		expect(await userIdForApiKey(t.db, stdout.trim())).toBe(user!.id);
	});

	it('says in one line when the user does not exist', async () => {
		const failed = await command('apikey-create', ['--email', 'ghost@example.com']).catch((e) => e);
		expect(failed.code).toBe(1);
		expect(failed.stdout).toBe('');
		expect(failed.stderr.trim()).toBe('No user with the email ghost@example.com.');
	});
});
