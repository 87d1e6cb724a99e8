import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp, startApi } from '../helpers/api';

/**
 * `@tailor/client` as another app gets it: built, packed with `npm pack`, installed from the
 * tarball into `tests/consumer` (a `tsc --init` project that checks library declarations too),
 * type-checked with its probes, compiled and run under plain Node against the built server.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const pkg = path.join(root, 'packages/client');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

type Packed = { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

let work: string;
let tarball: string;
let packed: Packed;
let consumer: string;

/** Runs a command, failing with its output (not just its exit code) when it fails. */
async function sh(file: string, args: string[], cwd: string, env: Record<string, string> = {}) {
	try {
		return await run(file, args, {
			cwd,
			env: { ...process.env, ...env },
			maxBuffer: 16 * 1024 * 1024
		});
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string; message: string };
		throw new Error(
			`${file} ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`,
			{ cause: error }
		);
	}
}

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'tailor-client-'));
	await sh(bin('tsdown'), [], pkg);
	await sh(bin('node'), ['scripts/standalone-types.mjs'], pkg);
	const { stdout } = await sh(npm, ['pack', '--json', '--pack-destination', work], pkg);
	packed = (JSON.parse(stdout) as Packed[])[0]!;
	tarball = path.join(work, packed.filename);
	consumer = path.join(work, 'consumer');
	await cp(path.join(root, 'tests/consumer'), consumer, {
		recursive: true,
		filter: (src) => !/node_modules|dist/.test(path.relative(root, src))
	});
	await sh(
		npm,
		['install', tarball, '@types/node@24', '--no-audit', '--no-fund', '--prefer-offline'],
		consumer
	);
}, 240_000);

afterAll(async () => {
	if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed client', () => {
	test('holds only its bundle and is under 20 kB', () => {
		const files = packed.files.map((f) => f.path).sort();
		expect(files).toEqual(['README.md', 'dist/index.d.ts', 'dist/index.js', 'package.json']);
		expect(packed.size).toBeLessThan(20_000);
	});

	test('declares no dependency beyond the tRPC client, superjson and eventsource', async () => {
		const installed = await readdir(path.join(consumer, 'node_modules'));
		expect(installed).not.toContain('drizzle-orm');
		expect(installed).not.toContain('pg-boss');
		expect(installed).not.toContain('better-auth');
		expect(installed).not.toContain('@sveltejs');
		expect(installed).not.toContain('zod');
	});

	test('passes publint and are-the-types-wrong', async () => {
		await sh(bin('publint'), ['--strict', tarball], pkg);
		await sh(bin('attw'), [tarball, '--profile', 'esm-only'], pkg);
	});

	test('type-checks in a tsc --init app, every probe meeting its error', async () => {
		await sh(bin('tsc'), ['-p', consumer, '--noEmit'], consumer);
	});
});

describe('the consumer app, compiled to JavaScript', () => {
	let api: Awaited<ReturnType<typeof startApi>>;
	beforeAll(async () => {
		api = await startApi();
		await sh(bin('tsc'), ['-p', consumer], consumer);
	});

	test('runs the whole flow under plain node', async () => {
		const account = await signUp(api.url, 'consumer');
		const { stdout } = await sh(
			bin('node'),
			[
				'dist/flow.js',
				path.join(root, 'tests/fixtures/careers/ines-varga.json'),
				path.join(root, 'tests/fixtures/postings/tern-senior-data-scientist.txt')
			],
			consumer,
			{ TAILOR_URL: api.url, TAILOR_API_KEY: account.apiKey }
		);
		expect(stdout).toMatch(/^imported \d+ items, \d+ facts$/m);
		expect(stdout).toMatch(/^refused BAD_REQUEST: \/description/m);
		expect(stdout).toMatch(/^event completed$/m);
		expect(stdout).toMatch(/^profile \d+ [1-9]\d* talking points$/m);
	});
});
