import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmCalls } from '../../src/lib/server/db/schema';
import { replaceCareer } from '../../src/lib/server/domain/career';
import { createOpportunity } from '../../src/lib/server/domain/opportunities';
import { startTailor } from '../../src/lib/server/domain/tailor';
import { createOpenAIEngine } from '../../src/lib/server/engines/openai';
import { parseEnv } from '../../src/lib/server/env';
import type { JobEngine } from '../../src/lib/server/jobs/engine';
import { productPipelines } from '../../src/lib/server/pipelines';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { collect, createUser, startEngine, terminal } from '../helpers/engine';
import { FakeOpenAI } from '../helpers/fake-openai';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

let t: TestDatabase;
let fake: FakeOpenAI;
let jobs: JobEngine;
let user: string;

beforeAll(async () => {
	t = await testDatabase();
	fake = await FakeOpenAI.start();
	const engine = createOpenAIEngine({
		baseURL: fake.url,
		apiKey: 'test-key',
		model: 'gpt-4o-mini',
		timeoutMs: 5_000,
		maxRetries: 0
	});
	const config = parseEnv({ TAILOR_ENGINE: 'openai', OPENAI_API_KEY: 'test-key' });
	jobs = await startEngine(t, { pipelines: productPipelines(config, engine), retries: 2 });
	user = await createUser(t, 'openai');
	await replaceCareer(t.db, user, JSON.parse(fixture('careers/ines-varga.json')));
});
afterAll(() => fake.stop());

describe('the tailor job with the openai engine', () => {
	it('fails at once, with the model’s refusal as its error, when the model refuses', async () => {
		fake.enqueue({ refusal: 'I can’t help with that.' });
		const opp = await createOpportunity(t.db, user, {
			description: fixture('postings/tern-senior-data-scientist.txt')
		});
		const start = await startTailor(t.db, jobs, 50, user, opp.id);
		if (start.kind !== 'job') throw new Error('expected a job');
		const events = await collect(jobs, start.jobId);
		const final = terminal(events);
		expect(final.payload.status).toBe('failed');
		expect(String(final.payload.error)).toMatch(/refus/i);
		// Not retried: one attempt, one request.
		expect(events.filter((e) => e.payload.retrying)).toEqual([]);
		expect(fake.requests).toHaveLength(1);
	});

	it('records each model call with its job and step', async () => {
		const calls = await t.db.select().from(llmCalls).where(eq(llmCalls.userId, user));
		// A refusal is an answered request: it is recorded even though the step failed.
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ step: 'generate-talking-points', model: 'gpt-4o-mini' });
		expect(calls[0]!.jobId).toBeTruthy();
		expect(calls[0]!.inputTokens).toBeGreaterThan(0);
	});
});
