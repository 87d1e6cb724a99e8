import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOutput, totalCents } from '../../../src/lib/server/engines/openai/client';
import { LlmError, describeApiError } from '../../../src/lib/server/engines/openai/errors';

const schema = z.object({
	points: z.array(z.object({ point: z.string(), claimIds: z.array(z.string()) }))
});

describe('parseOutput', () => {
	it('accepts JSON that matches the schema', () => {
		expect(parseOutput('{"points":[{"point":"x","claimIds":["c1"]}]}', schema)).toEqual({
			ok: true,
			value: { points: [{ point: 'x', claimIds: ['c1'] }] }
		});
	});

	it('tolerates the code fences some local models wrap JSON in', () => {
		const parsed = parseOutput('```json\n{"points": []}\n```', schema);
		expect(parsed).toEqual({ ok: true, value: { points: [] } });
	});

	it('reports an empty answer and text that is not JSON', () => {
		expect(parseOutput(null, schema)).toMatchObject({
			ok: false,
			kind: 'json',
			detail: 'the answer was empty'
		});
		expect(parseOutput('Here you go: {"points": []}', schema)).toMatchObject({
			ok: false,
			kind: 'json'
		});
	});

	it('names the paths that do not match the schema', () => {
		const parsed = parseOutput('{"points":[{"point":3,"claimIds":"c1"}]}', schema);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.kind).toBe('schema');
		expect(parsed.detail).toContain('points.0.point:');
		expect(parsed.detail).toContain('points.0.claimIds:');
	});
});

describe('describeApiError', () => {
	const call = {
		model: 'gpt-4o-mini',
		baseURL: 'http://127.0.0.1:1/v1',
		timeoutMs: 2000,
		retries: 2
	};

	it('says a timeout is a timeout, with the limit and the attempts, and may be retried', () => {
		const error = describeApiError(new OpenAI.APIConnectionTimeoutError(), call);
		expect(error).toBeInstanceOf(LlmError);
		expect(error).toMatchObject({ kind: 'timeout', retryable: true });
		expect(error.message).toBe(
			'The model did not answer within 2000 ms after 3 attempts: the model endpoint (http://127.0.0.1:1/v1, model gpt-4o-mini) timed out'
		);
	});

	it('tells a rejected key apart from other client errors, neither of which a retry fixes', () => {
		const auth = OpenAI.APIError.generate(
			401,
			{ message: 'Incorrect API key' },
			undefined,
			new Headers()
		);
		expect(describeApiError(auth, call)).toMatchObject({ kind: 'auth', retryable: false });
		expect(describeApiError(auth, call).message).toMatch(/rejected the API key \(HTTP 401\)/);
		const notFound = OpenAI.APIError.generate(
			404,
			{ message: 'model not found' },
			undefined,
			new Headers()
		);
		expect(describeApiError(notFound, call)).toMatchObject({ kind: 'api', retryable: false });
		const server = OpenAI.APIError.generate(
			503,
			{ message: 'overloaded' },
			undefined,
			new Headers()
		);
		expect(describeApiError(server, call)).toMatchObject({ kind: 'api', retryable: true });
	});

	it('keeps an LlmError as it is', () => {
		const refusal = new LlmError('refusal', 'The model refused');
		expect(describeApiError(refusal, call)).toBe(refusal);
		expect(refusal.retryable).toBe(false);
	});
});

it('totalCents adds the calls’ costs to four decimals', () => {
	const call = { model: 'm', inputTokens: 1, outputTokens: 1, latencyMs: 1 };
	expect(
		totalCents([
			{ ...call, costCents: 0.1 },
			{ ...call, costCents: 0.2 }
		])
	).toBe(0.3);
	expect(totalCents([])).toBe(0);
});
