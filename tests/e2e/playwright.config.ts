import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * The browser suite runs the built app (`npm start`'s script) on its own embedded PostgreSQL, in
 * `.data-e2e/` (emptied at the start of each run). Two servers: the main one, without ORIGIN as on
 * a fresh clone, whose engine takes a moment per step so progress can be watched; and one with
 * ORIGIN set, whose engine fails its first narrative, for the failure and retry path (both
 * engines are the product's own, wrapped by tests/e2e/engine-wrapper.js).
 */

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

// The config is read again in each worker process; they inherit these from the first reading.
if (!process.env.E2E_DATA_DIR) {
	process.env.E2E_DATA_DIR = path.join(root, '.data-e2e');
	rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
	mkdirSync(process.env.E2E_DATA_DIR, { recursive: true });
	process.env.E2E_PORT = String(await freePort());
	process.env.E2E_FAILING_PORT = String(await freePort());
}
const dataDir = process.env.E2E_DATA_DIR;
const port = Number(process.env.E2E_PORT);
const failingPort = Number(process.env.E2E_FAILING_PORT);

/** Debian's Chromium where it is installed (Playwright cannot download a browser there). */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
	existsSync(p)
);
const executablePath = process.env.E2E_CHROMIUM ?? systemChromium;

function server(serverPort: number, name: string, env: Record<string, string>) {
	return {
		command: 'node scripts/start.js',
		cwd: root,
		url: `http://localhost:${serverPort}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: String(serverPort),
			DATA_DIR: path.join(dataDir, name),
			LOG_LEVEL: 'warn',
			WORKER: 'on',
			TAILOR_ENGINE_WRAPPER: path.join(root, 'tests/e2e/engine-wrapper.js'),
			...env
		}
	};
}

export default defineConfig({
	testDir: '.',
	outputDir: path.join(root, 'test-results'),
	timeout: 90_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		...devices['Desktop Chrome'],
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: executablePath
				? [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				: []
		}
	},
	projects: [
		{
			name: 'app',
			testIgnore: /(failure|configured-origin)\.spec\.ts/,
			use: { baseURL: `http://localhost:${port}` }
		},
		{
			name: 'failure',
			testMatch: /(failure|configured-origin)\.spec\.ts/,
			use: { baseURL: `http://localhost:${failingPort}` }
		}
	],
	webServer: [
		// Each engine call takes this long, so a job runs long enough (about 12 s) for a test to
		// open other pages and cancel it while it runs, even on a busy two-core machine.
		server(port, 'main', { E2E_ENGINE_DELAY_MS: '2500' }),
		server(failingPort, 'failing', {
			ORIGIN: `http://localhost:${failingPort}`,
			E2E_FAIL_NARRATIVES: '1',
			TAILOR_JOB_RETRIES: '0'
		})
	]
});
