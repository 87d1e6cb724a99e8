import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tailoredProfileSchema, type TailoredProfile } from '../../src/lib/schemas/profile';
import { validateJsonResume } from '../../src/lib/server/career/json-resume';
import type { EngineContext, LlmCall, TailorEngine } from '../../src/lib/server/engines/engine';
import { parsePosting, rankClaims } from '../../src/lib/server/engines/local';
import {
	LlmError,
	createOpenAIEngine,
	type OpenAIEngineOptions
} from '../../src/lib/server/engines/openai';
import { careerRecord } from '../unit/engines/load';
import { FakeOpenAI, type FakeReply, type FakeRequest } from '../helpers/fake-openai';

/**
 * The openai engine against a fake OpenAI-compatible server on 127.0.0.1: the real SDK code path
 * (HTTP, timeouts, retries, Retry-After), no network.
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const NOW = '2025-09-01';
const postingText = readFileSync(`${FIXTURES}postings/tern-senior-data-scientist.txt`, 'utf8');

const record = careerRecord(JSON.parse(readFileSync(`${FIXTURES}careers/ines-varga.json`, 'utf8')));
const claimIds = new Set(record.claims.map((c) => c.id));
const localPosting = parsePosting(postingText);
const input = { posting: localPosting, ...record };
const claimByPath = (path: string) => record.claims.find((c) => c.sourcePath === path)!;
const ranking = rankClaims(localPosting.requirements, record.claims, record.items, { now: NOW });

let fake: FakeOpenAI;
beforeAll(async () => {
	fake = await FakeOpenAI.start();
});
afterEach(() => {
	expect(fake.pending, 'every scripted reply was used').toBe(0);
	fake.reset();
});
afterAll(() => fake.stop());

function engineFor(options: Partial<OpenAIEngineOptions> = {}): TailorEngine {
	return createOpenAIEngine({
		baseURL: fake.url,
		apiKey: 'test-key',
		model: 'gpt-4o-mini',
		evalModel: 'gpt-4.1-mini',
		timeoutMs: 5_000,
		maxRetries: 0,
		now: NOW,
		...options
	});
}

function context(signal?: AbortSignal): EngineContext & { calls: LlmCall[] } {
	const calls: LlmCall[] = [];
	return {
		userId: 'user-1',
		jobId: null,
		step: 'test',
		signal,
		calls,
		recordCall: async (call) => {
			calls.push(call);
		}
	};
}

/** The prompt of a request (its first user message; a corrective retry appends more). */
const userText = (request: FakeRequest) =>
	request.body.messages.find((m) => m.role === 'user')?.content ?? '';
const stepOf = (request: FakeRequest) => request.body.response_format?.json_schema?.name;

/**
 * A well-behaved model, derived from each request's prompt: it extracts the posting's
 * requirements, answers every requirement with its first candidate claim's own words and id,
 * pitches with the first four listed claims, keeps two highlights per resume entry (entries
 * reversed) and lets the judge pass everything.
 */
function groundedModel(request: FakeRequest): FakeReply {
	const text = userText(request);
	const lines = text.split('\n');
	switch (stepOf(request)) {
		case 'posting':
			return {
				json: {
					title: 'Senior Data Scientist, Growth',
					company: 'Tern Mobility',
					requirements: localPosting.requirements.map(({ text, kind }) => ({ text, kind }))
				}
			};
		case 'talking_points': {
			const points: { requirement: number; point: string; claimIds: string[] }[] = [];
			let current = 0;
			for (const line of lines) {
				const r = /^R(\d+) /.exec(line);
				if (r) current = Number(r[1]);
				const c = /^ {2}\[([^\]]+)\] \([^)]*\) (.*)$/.exec(line);
				if (c && current && !points.some((p) => p.requirement === current)) {
					points.push({ requirement: current, point: c[2]!, claimIds: [c[1]!] });
				}
			}
			return { json: { points } };
		}
		case 'narrative': {
			const listed = lines.map((l) => /^\[([^\]]+)\] \([^)]*\) (.*)$/.exec(l)).filter((m) => !!m);
			return {
				json: { sentences: listed.slice(0, 4).map((m) => ({ text: m[2], claimIds: [m[1]] })) }
			};
		}
		case 'resume': {
			const entries: { itemId: string; claimIds: string[] }[] = [];
			for (const line of lines) {
				const entry = /^(\S+) \((work|volunteer|projects)\)/.exec(line);
				if (entry) entries.unshift({ itemId: entry[1]!, claimIds: [] });
				const highlight = /^ {2}\[([^\]]+)\] /.exec(line);
				if (highlight && entries[0] && entries[0].claimIds.length < 2) {
					entries[0].claimIds.push(highlight[1]!);
				}
			}
			return { json: { entries } };
		}
		case 'judge':
			return { json: { passed: true, issues: [] } };
		default:
			return { status: 400, message: `unexpected step ${String(stepOf(request))}` };
	}
}

async function tailor(engine: TailorEngine, ctx: EngineContext): Promise<TailoredProfile> {
	const posting = await engine.parsePosting(postingText, ctx);
	const base = { posting, ...record };
	const tp = await engine.talkingPoints(base, ctx);
	const narrative = await engine.narrative({ ...base, ...tp }, ctx);
	const resume = await engine.resume({ ...base, ...tp }, ctx);
	const { evaluation, matchScore } = await engine.evaluate(
		{ ...base, ...tp, ...narrative, resume },
		ctx
	);
	return {
		opportunity: { title: posting.title, company: posting.company },
		talkingPoints: tp.talkingPoints,
		...narrative,
		resume,
		evaluation,
		matchScore,
		engine: engine.name
	};
}

describe('openai engine, end to end against the fake server', () => {
	it('produces a schema-valid profile citing only real claims, and records every call with tokens and cost', async () => {
		fake.enqueue(groundedModel, groundedModel, groundedModel, groundedModel, groundedModel);
		const ctx = context();
		const profile = await tailor(engineFor(), ctx);

		expect(() => tailoredProfileSchema.parse(profile)).not.toThrow();
		expect(() => validateJsonResume(profile.resume, { strictFormats: true })).not.toThrow();
		expect(profile.engine).toBe('openai');
		expect(profile.opportunity).toEqual({
			title: 'Senior Data Scientist, Growth',
			company: 'Tern Mobility'
		});
		expect(profile.talkingPoints.length).toBeGreaterThan(3);
		for (const tp of profile.talkingPoints) {
			expect(tp.evidence.length).toBeGreaterThan(0);
			for (const e of tp.evidence) expect(claimIds.has(e.claimId)).toBe(true);
		}
		expect(profile.narrativeSentences).toHaveLength(4);
		for (const s of profile.narrativeSentences) {
			expect(s.claimIds.length).toBeGreaterThan(0);
			for (const id of s.claimIds) expect(claimIds.has(id)).toBe(true);
		}
		const texts = new Map(record.claims.map((c) => [c.id, c.text]));
		for (const entry of [...(profile.resume.work ?? []), ...(profile.resume.projects ?? [])]) {
			expect(entry.highlightClaimIds).toHaveLength(entry.highlights?.length ?? 0);
			entry.highlights?.forEach((h, i) =>
				expect(texts.get(entry.highlightClaimIds![i]![0]!)).toBe(h)
			);
		}
		// Jobs stay chronological even though the model listed them in reverse.
		expect(profile.resume.work?.map((w) => w.name)).toEqual([
			'Copperleaf Travel',
			'Marrow & Finch',
			'Halvard Insurance'
		]);
		expect(profile.evaluation).toMatchObject({ passed: true, model: 'gpt-4.1-mini' });
		expect(profile.evaluation.gaps.length).toBeGreaterThan(0);

		// One request per step, each asking for a strict JSON schema, with the configured models.
		expect(fake.requests.map(stepOf)).toEqual([
			'posting',
			'talking_points',
			'narrative',
			'resume',
			'judge'
		]);
		for (const r of fake.requests) {
			expect(r.headers.authorization).toBe('Bearer test-key');
			expect(r.body.response_format).toMatchObject({
				type: 'json_schema',
				json_schema: { strict: true }
			});
		}
		expect(fake.requests.map((r) => r.body.model)).toEqual([
			...Array(4).fill('gpt-4o-mini'),
			'gpt-4.1-mini'
		]);

		// Every call recorded, priced from the built-in table (US cents per million tokens).
		expect(ctx.calls.map((c) => c.model)).toEqual(fake.requests.map((r) => r.body.model));
		for (const call of ctx.calls) {
			expect(call.inputTokens).toBeGreaterThan(0);
			expect(call.outputTokens).toBeGreaterThan(0);
			expect(call.latencyMs).toBeGreaterThanOrEqual(0);
			const [input, output] = call.model === 'gpt-4o-mini' ? [15, 60] : [40, 160];
			const cents = (call.inputTokens * input + call.outputTokens * output) / 1e6;
			expect(call.costCents).toBeCloseTo(cents, 4);
			expect(call.costCents).toBeGreaterThan(0);
		}
		expect(profile.evaluation.costCents).toBe(ctx.calls[4]?.costCents);
	});

	it('prices models from TAILOR_MODEL_PRICES and costs an unknown model nothing', async () => {
		fake.enqueue(groundedModel, groundedModel);
		const ctx = context();
		const engine = engineFor({
			model: 'llama3.1:8b',
			prices: { 'llama3.1:8b': { input: 0, output: 0 } }
		});
		await engine.parsePosting(postingText, ctx);
		const other = engineFor({
			model: 'my-finetune',
			prices: { 'my-finetune': { input: 100, output: 200 } }
		});
		await other.parsePosting(postingText, ctx);
		expect(ctx.calls[0]?.costCents).toBe(0);
		const call = ctx.calls[1]!;
		expect(call.costCents).toBeCloseTo((call.inputTokens * 100 + call.outputTokens * 200) / 1e6, 4);
	});
});

describe('openai engine, posting', () => {
	it('takes requirements from the model and their skills from the lexicon', async () => {
		fake.enqueue({
			json: {
				title: ' Senior Data Scientist ',
				company: null,
				requirements: [
					{ text: 'Fluent  SQL on BigQuery', kind: 'required' },
					{ text: 'fluent sql on bigquery', kind: 'required' },
					{ text: 'Spark', kind: 'preferred' }
				]
			}
		});
		const posting = await engineFor().parsePosting(postingText, context());
		expect(posting).toEqual({
			title: 'Senior Data Scientist',
			// The model found no company; the local parser's stands.
			company: localPosting.company,
			requirements: [
				{
					text: 'Fluent SQL on BigQuery',
					kind: 'required',
					skills: expect.arrayContaining(['SQL', 'BigQuery'])
				},
				{ text: 'Spark', kind: 'preferred', skills: expect.arrayContaining(['Apache Spark']) }
			]
		});
	});

	it('falls back to the local parser when the model finds no requirement', async () => {
		fake.enqueue({ json: { title: '', company: null, requirements: [] } });
		expect(await engineFor().parsePosting(postingText, context())).toEqual(localPosting);
	});
});

describe('openai engine, structured output', () => {
	it('retries malformed JSON once with a corrective message, then succeeds', async () => {
		fake.enqueue({ content: '{"points": [ {"requirement": 1,' }, groundedModel);
		const ctx = context();
		const { talkingPoints } = await engineFor().talkingPoints(input, ctx);
		expect(talkingPoints.length).toBeGreaterThan(0);
		expect(fake.requests).toHaveLength(2);
		const retry = fake.requests[1]!.body.messages;
		expect(retry.at(-2)).toMatchObject({
			role: 'assistant',
			content: '{"points": [ {"requirement": 1,'
		});
		expect(retry.at(-1)?.content).toMatch(/was not valid JSON/);
		expect(ctx.calls).toHaveLength(2);
	});

	it('retries schema-invalid JSON once, naming what did not match', async () => {
		fake.enqueue({ json: { points: 'none' } }, groundedModel);
		const { talkingPoints } = await engineFor().talkingPoints(input, context());
		expect(talkingPoints.length).toBeGreaterThan(0);
		expect(fake.requests[1]!.body.messages.at(-1)?.content).toMatch(
			/did not match the required JSON schema \(points:/
		);
	});

	it('fails with a readable error when the output is malformed twice', async () => {
		fake.enqueue(
			{ content: 'Sure! Here are the points:' },
			{ content: '```json\n{"points": [}\n```' }
		);
		const error = await engineFor()
			.talkingPoints(input, context())
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(LlmError);
		expect((error as LlmError).kind).toBe('invalid_output');
		expect((error as LlmError).retryable).toBe(false);
		expect((error as Error).message).toMatch(
			/^The model returned output that is not valid JSON for the talking_points request, also after a corrective retry/
		);
		expect(fake.requests).toHaveLength(2);
	});

	it('treats a refusal as an error, never as content, and does not retry it', async () => {
		fake.enqueue({ refusal: "I can't help with that." });
		const error = await engineFor()
			.narrative({ ...input, ranking, talkingPoints: [] }, context())
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(LlmError);
		expect((error as LlmError).kind).toBe('refusal');
		expect((error as Error).message).toBe(
			"The model refused the narrative request: I can't help with that."
		);
		expect(fake.requests).toHaveLength(1);
	});
});

describe('openai engine, HTTP behaviour', () => {
	it('retries a 429 with Retry-After: 0 and succeeds', async () => {
		fake.enqueue({ status: 429, headers: { 'retry-after': '0' } }, groundedModel);
		const ctx = context();
		const posting = await engineFor({ maxRetries: 1 }).parsePosting(postingText, ctx);
		expect(posting.requirements.length).toBe(localPosting.requirements.length);
		expect(fake.requests).toHaveLength(2);
		// Only the answered request used tokens.
		expect(ctx.calls).toHaveLength(1);
	});

	it('waits as long as Retry-After says before retrying a 429', async () => {
		fake.enqueue({ status: 429, headers: { 'retry-after': '1' } }, groundedModel);
		await engineFor({ maxRetries: 1 }).parsePosting(postingText, context());
		const [first, second] = fake.requests;
		// The SDK's own first backoff is at most 0.5 s; one second means the header was honoured.
		expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
	});

	it('fails with a readable rate-limit error once the retries are used up', async () => {
		fake.enqueue(
			{ status: 429, headers: { 'retry-after': '0' }, message: 'Rate limit reached' },
			{ status: 429, headers: { 'retry-after': '0' }, message: 'Rate limit reached' }
		);
		const error = await engineFor({ maxRetries: 1 })
			.parsePosting(postingText, context())
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(LlmError);
		expect((error as LlmError).kind).toBe('rate_limit');
		expect((error as LlmError).retryable).toBe(true);
		expect((error as Error).message).toMatch(
			/is rate limiting requests \(HTTP 429\) after 2 attempts: .*Rate limit reached/
		);
	});

	it('gives up on a request that outlives the timeout, with a readable error, in bounded time', async () => {
		fake.enqueue({ hang: true });
		const started = performance.now();
		const error = await engineFor({ timeoutMs: 150 })
			.parsePosting(postingText, context())
			.catch((e: unknown) => e);
		expect(performance.now() - started).toBeLessThan(3_000);
		expect(error).toBeInstanceOf(LlmError);
		expect((error as LlmError).kind).toBe('timeout');
		expect((error as Error).message).toMatch(/^The model did not answer within 150 ms:/);
		await fake.whenAbandoned(1);
	});

	it('retries a timed-out request up to maxRetries times', async () => {
		fake.enqueue({ hang: true }, { hang: true });
		const error = await engineFor({ timeoutMs: 150, maxRetries: 1 })
			.parsePosting(postingText, context())
			.catch((e: unknown) => e);
		expect((error as LlmError).kind).toBe('timeout');
		expect((error as Error).message).toMatch(/within 150 ms after 2 attempts/);
		expect(fake.requests).toHaveLength(2);
		await fake.whenAbandoned(2);
	});

	it('cancels the request when the step’s signal is aborted', async () => {
		fake.enqueue({ hang: true });
		const controller = new AbortController();
		const pending = engineFor()
			.parsePosting(postingText, context(controller.signal))
			.catch((e: unknown) => e);
		await fake.whenRequests(1);
		controller.abort();
		const error = await pending;
		expect((error as LlmError).kind).toBe('aborted');
		await fake.whenAbandoned(1);
	});
});

describe('openai engine, grounding', () => {
	const sql = claimByPath('/work/1/highlights/0'); // "Wrote the SQL behind weekly sales … BigQuery"
	const abTests = claimByPath('/work/0/highlights/0'); // "Designed and analysed more than 60 A/B tests …"
	const sqlIndex = localPosting.requirements.findIndex((r) => /SQL/.test(r.text));
	const pythonIndex = localPosting.requirements.findIndex((r) => /^Python/.test(r.text));

	it('drops a cited claim id that is not the person’s, and a point left without evidence becomes a gap', async () => {
		fake.enqueue({
			json: {
				points: [
					{ requirement: sqlIndex + 1, point: sql.text, claimIds: [sql.id, 'claim-999'] },
					{
						requirement: pythonIndex + 1,
						point: 'I have used Python for ten years.',
						claimIds: ['claim-999']
					}
				]
			}
		});
		const engine = engineFor();
		const tp = await engine.talkingPoints(input, context());
		expect(tp.talkingPoints).toHaveLength(1);
		expect(tp.talkingPoints[0]).toMatchObject({
			requirement: localPosting.requirements[sqlIndex]!.text,
			evidence: [{ claimId: sql.id, sourcePath: sql.sourcePath, text: sql.text }]
		});

		fake.enqueue({ json: { passed: true, issues: [] } });
		const narrative = { narrative: '', narrativeSentences: [] };
		const { evaluation } = await engine.evaluate(
			{ ...input, ...tp, ...narrative, resume: {} },
			context()
		);
		expect(evaluation.gaps).toContainEqual({
			requirement: localPosting.requirements[pythonIndex]!.text,
			kind: 'required'
		});
	});

	it('drops a narrative sentence that cites no real claim', async () => {
		fake.enqueue({
			json: {
				sentences: [
					{ text: 'I led a team of 40 engineers.', claimIds: ['claim-999'] },
					{ text: abTests.text, claimIds: [abTests.id] }
				]
			}
		});
		const result = await engineFor().narrative({ ...input, ranking, talkingPoints: [] }, context());
		expect(result.narrativeSentences).toEqual([{ text: abTests.text, claimIds: [abTests.id] }]);
		expect(result.narrative).toBe(abTests.text);
	});

	it('catches an invented number in a narrative sentence, even when the judge misses it', async () => {
		const invented = 'At Copperleaf Travel I designed and analysed more than 600 A/B tests.';
		fake.enqueue(
			{ json: { sentences: [{ text: invented, claimIds: [abTests.id] }] } },
			{ json: { passed: true, issues: [] } }
		);
		const engine = engineFor();
		const narrative = await engine.narrative({ ...input, ranking, talkingPoints: [] }, context());
		expect(narrative.narrativeSentences[0]?.text).toBe(invented);
		const { evaluation } = await engine.evaluate(
			{ ...input, ranking, talkingPoints: [], ...narrative, resume: {} },
			context()
		);
		expect(evaluation.passed).toBe(false);
		expect(evaluation.grounding.passed).toBe(false);
		expect(evaluation.grounding.hallucinations).toContainEqual({
			text: '600',
			reason: 'the number 600 is not in the cited claims (narrative sentence 1)'
		});
	});

	it('folds the judge’s verdict into the evaluation: its own model, its cost, its notes', async () => {
		const sentence = { text: abTests.text, claimIds: [abTests.id] };
		fake.enqueue({
			json: {
				passed: false,
				issues: [{ statement: 'sequential stopping rules', problem: 'overstated' }]
			}
		});
		const ctx = context();
		const { evaluation } = await engineFor().evaluate(
			{
				...input,
				ranking,
				talkingPoints: [],
				narrative: sentence.text,
				narrativeSentences: [sentence],
				resume: {}
			},
			ctx
		);
		expect(fake.requests[0]?.body.model).toBe('gpt-4.1-mini');
		expect(userText(fake.requests[0]!)).toContain(`[${abTests.id}]`);
		expect(evaluation.passed).toBe(false);
		expect(evaluation.grounding.hallucinations).toEqual([
			{ text: 'sequential stopping rules', reason: 'judge: overstated' }
		]);
		expect(evaluation.model).toBe('gpt-4.1-mini');
		expect(evaluation.costCents).toBe(ctx.calls[0]?.costCents);
		expect(evaluation.costCents).toBeGreaterThan(0);
	});

	it('builds the resume only from the person’s own highlights: a foreign or invented id is ignored', async () => {
		const work0 = record.items.find((i) => i.sourcePath === '/work/0')!;
		const mentored = claimByPath('/work/0/highlights/4');
		const projects = record.items.filter((i) => i.section === 'projects');
		fake.enqueue({
			json: {
				entries: [
					// The Marrow & Finch SQL highlight does not belong to Copperleaf Travel.
					{ itemId: work0.id, claimIds: [mentored.id, sql.id, 'claim-999', abTests.id] },
					...[...projects].reverse().map((p) => ({ itemId: p.id, claimIds: [] })),
					{ itemId: 'item-999', claimIds: [] }
				]
			}
		});
		const resume = await engineFor().resume({ ...input, ranking, talkingPoints: [] }, context());
		expect(resume.work?.[0]).toMatchObject({
			name: 'Copperleaf Travel',
			highlights: [mentored.text, abTests.text],
			highlightClaimIds: [[mentored.id], [abTests.id]]
		});
		expect(resume.work).toHaveLength(3);
		expect(resume.projects?.map((p) => p.name)).toEqual(
			[...projects].reverse().map((p) => p.data.name)
		);
	});
});
