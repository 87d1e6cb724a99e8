import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startWorker, type Proc } from '../../tools/harness/processes';
import { signUp, startApi, type ApiServer } from '../helpers/api';

let api: ApiServer;
let worker: Proc;

beforeAll(async () => {
	// A web process that runs no jobs, and `npm run worker` beside it on the same database.
	api = await startApi({ WORKER: 'off' });
	worker = await startWorker({ DATABASE_URL: api.t.url });
});

afterAll(async () => {
	await worker.stop();
});

describe('a web process with WORKER=off and a separate npm run worker', () => {
	it('serves health without a worker of its own', async () => {
		expect(await (await fetch(`${api.url}/healthz`)).json()).toMatchObject({
			ok: true,
			worker: 'off'
		});
	});

	it('lets the example client watch a job run by the other process, live, to completion', async () => {
		const account = await signUp(api.url, 'scaleout');
		const { stdout } = await promisify(execFile)(
			path.join(root, 'node_modules/.bin/node'),
			['--import', 'tsx', 'examples/client.ts'],
			{
				cwd: root,
				env: { PATH: process.env.PATH, TAILOR_URL: api.url, TAILOR_API_KEY: account.apiKey }
			}
		);
		expect(stdout).toMatch(
			/phase +analyzing[\s\S]*phase +generating[\s\S]*phase +evaluating[\s\S]*status +completed/
		);
		expect(stdout).toContain('Talking points:');
	});
});
