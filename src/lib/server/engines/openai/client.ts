import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { EngineContext, LlmCall } from '../engine';
import { LlmError, describeApiError } from './errors';
import { costCents, priceFor, type PriceTable } from './prices';

/**
 * One structured call to an OpenAI-compatible chat completions endpoint: the answer must be JSON
 * matching a zod schema (sent as a strict `json_schema` response format). Timeouts, retries with
 * backoff and 429s (honouring `Retry-After`) are the SDK's; a refusal is an error, never content;
 * output that is not JSON or does not match gets one corrective retry. Every answered request is
 * recorded with its tokens, cost and latency.
 */

export type ModelClientOptions = {
	baseURL?: string;
	apiKey?: string;
	timeoutMs: number;
	maxRetries: number;
	prices: PriceTable;
	fetch?: typeof globalThis.fetch;
};

export type StructuredRequest<T> = {
	model: string;
	/** Names the JSON schema sent to the model, and the step in error messages. */
	name: string;
	schema: z.ZodType<T>;
	messages: ChatCompletionMessageParam[];
};

export type StructuredResult<T> = { value: T; calls: LlmCall[] };

type Parsed<T> = { ok: true; value: T } | { ok: false; kind: 'json' | 'schema'; detail: string };

/** Reads a model's answer: code fences some local models add are tolerated. */
export function parseOutput<T>(
	content: string | null | undefined,
	schema: z.ZodType<T>
): Parsed<T> {
	const text = (content ?? '')
		.trim()
		.replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i, '$1')
		.trim();
	if (!text) return { ok: false, kind: 'json', detail: 'the answer was empty' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, kind: 'json', detail: (error as Error).message };
	}
	const result = schema.safeParse(json);
	if (result.success) return { ok: true, value: result.data };
	const issues = result.error.issues
		.slice(0, 5)
		.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
	return { ok: false, kind: 'schema', detail: issues.join('; ') };
}

function correction(problem: { kind: 'json' | 'schema'; detail: string }): string {
	const what =
		problem.kind === 'json'
			? `was not valid JSON (${problem.detail})`
			: `did not match the required JSON schema (${problem.detail})`;
	return `Your previous answer ${what}. Answer again with only one JSON object that matches the schema exactly: no prose, no code fences.`;
}

export class ModelClient {
	readonly client: OpenAI;
	readonly baseURL: string;

	constructor(private readonly options: ModelClientOptions) {
		this.client = new OpenAI({
			baseURL: options.baseURL,
			// Local servers (Ollama, vLLM, LM Studio) need no key, but the SDK requires one.
			apiKey: options.apiKey ?? 'unused',
			timeout: options.timeoutMs,
			maxRetries: options.maxRetries,
			fetch: options.fetch
		});
		this.baseURL = this.client.baseURL;
	}

	async structured<T>(
		request: StructuredRequest<T>,
		ctx: EngineContext
	): Promise<StructuredResult<T>> {
		const format = zodResponseFormat(request.schema, request.name);
		const messages = [...request.messages];
		const calls: LlmCall[] = [];
		for (let attempt = 0; ; attempt++) {
			const completion = await this.complete(request.model, messages, format, ctx, calls);
			const choice = completion.choices[0];
			const message = choice?.message;
			if (message?.refusal) {
				throw new LlmError(
					'refusal',
					`The model refused the ${request.name} request: ${message.refusal}`
				);
			}
			if (choice?.finish_reason === 'content_filter') {
				throw new LlmError(
					'refusal',
					`The endpoint's content filter withheld the model's answer to the ${request.name} request`
				);
			}
			const parsed: Parsed<T> = choice
				? parseOutput(message?.content, request.schema)
				: { ok: false, kind: 'json', detail: 'the response had no choices' };
			if (parsed.ok) return { value: parsed.value, calls };
			if (attempt >= 1) {
				const what =
					parsed.kind === 'json'
						? 'output that is not valid JSON'
						: 'JSON that does not match the expected schema';
				throw new LlmError(
					'invalid_output',
					`The model returned ${what} for the ${request.name} request, also after a corrective retry: ${parsed.detail}`
				);
			}
			messages.push(
				{ role: 'assistant', content: message?.content ?? '' },
				{ role: 'user', content: correction(parsed) }
			);
		}
	}

	private async complete(
		model: string,
		messages: ChatCompletionMessageParam[],
		format: ReturnType<typeof zodResponseFormat>,
		ctx: EngineContext,
		calls: LlmCall[]
	): Promise<ChatCompletion> {
		const started = performance.now();
		let completion: ChatCompletion;
		try {
			completion = await this.client.chat.completions.create(
				{ model, messages, response_format: format },
				{ signal: ctx.signal }
			);
		} catch (error) {
			throw describeApiError(error, {
				model,
				baseURL: this.baseURL,
				timeoutMs: this.options.timeoutMs,
				retries: this.options.maxRetries
			});
		}
		const usage = {
			inputTokens: completion.usage?.prompt_tokens ?? 0,
			outputTokens: completion.usage?.completion_tokens ?? 0
		};
		// Priced by the configured name, or by the name the endpoint reports if only that is known.
		const priced =
			priceFor(model, this.options.prices) || !completion.model ? model : completion.model;
		const call: LlmCall = {
			model,
			...usage,
			costCents: costCents(priced, usage, this.options.prices),
			latencyMs: Math.round(performance.now() - started)
		};
		calls.push(call);
		await ctx.recordCall?.(call);
		return completion;
	}
}

/** What a list of calls cost, in cents (four decimals). */
export function totalCents(calls: LlmCall[]): number {
	return Math.round(calls.reduce((a, c) => a + c.costCents, 0) * 10_000) / 10_000;
}
