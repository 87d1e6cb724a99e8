// Builds the app with `vite build` unless build/ is newer than every source file, so that
// `npm start` on a fresh clone builds once and later starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

export function buildIfStale({ quiet = false } = {}) {
	const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
	const changed = Math.max(...inputs.map((i) => newest(path.join(root, i))));
	if (built > changed) return false;
	if (!quiet) console.log('Building Tailor (first start or sources changed)…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) {
		console.error('The build failed; see the messages above.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(stamp, new Date().toISOString());
	return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
