// Builds the app with `vite build` unless build/ is newer than every source file, so that
// `npm start` on a fresh clone builds once and later starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'build', '.built');
const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** @param {string} p @returns {number} */
function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = s.mtimeMs;
	for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
	return max;
}

const lock = path.join(root, '.build.lock');

/**
 * Blocks this thread for `ms` (the build is synchronous, so there is no event loop to yield to).
 * @param {number} ms
 */
function pause(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isStale() {
	const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
	const changed = Math.max(...inputs.map((i) => newest(path.join(root, i))));
	return built <= changed;
}

/**
 * Two processes starting at once (two servers, a test run beside `npm start`) must not build into
 * build/ together: one takes the lock and builds, the others wait for it and then find it fresh.
 */
function takeLock() {
	for (;;) {
		try {
			mkdirSync(lock);
			return;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			// A lock left by a build that was killed is older than any real build takes.
			const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
			if (Date.now() - since > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
			else pause(250);
		}
	}
}

export function buildIfStale({ quiet = false } = {}) {
	if (!isStale()) return false;
	takeLock();
	let status;
	try {
		if (!isStale()) return false;
		status = build(quiet);
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
	if (status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(status ?? 1);
	}
	return true;
}

/** @param {boolean} quiet @returns {number | null} */
function build(quiet) {
	if (!quiet) console.log('Building Tailor (first start or sources changed)…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status === 0) writeFileSync(stamp, new Date().toISOString());
	return result.status;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
