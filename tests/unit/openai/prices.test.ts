import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PRICES,
	costCents,
	priceFor,
	priceTable
} from '../../../src/lib/server/engines/openai/prices';

describe('model prices (US cents per million tokens)', () => {
	const prices = priceTable();

	it('finds a model by its exact name, without a date suffix or a provider prefix', () => {
		expect(priceFor('gpt-4o-mini', prices)).toEqual({ input: 15, output: 60 });
		expect(priceFor('gpt-4o-mini-2024-07-18', prices)).toEqual({ input: 15, output: 60 });
		expect(priceFor('openai/gpt-4o', prices)).toEqual({ input: 250, output: 1000 });
		expect(priceFor('GPT-4o-mini', prices)).toEqual({ input: 15, output: 60 });
	});

	it('does not mistake a model for a longer-named one', () => {
		expect(priceFor('gpt-4o', prices)).toEqual(DEFAULT_PRICES['gpt-4o']);
		expect(priceFor('gpt-4o-audio', prices)).toBeUndefined();
	});

	it('costs an unknown model nothing', () => {
		expect(priceFor('llama3.1:8b', prices)).toBeUndefined();
		expect(costCents('llama3.1:8b', { inputTokens: 1_000_000, outputTokens: 1 }, prices)).toBe(0);
	});

	it('computes cents from tokens, to four decimals', () => {
		expect(
			costCents('gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 500_000 }, prices)
		).toBe(45);
		// 1234 × 15 / 1e6 + 567 × 60 / 1e6 = 0.01851 + 0.03402 = 0.05253
		expect(costCents('gpt-4o-mini', { inputTokens: 1234, outputTokens: 567 }, prices)).toBe(0.0525);
	});

	it('merges TAILOR_MODEL_PRICES over the built-in table', () => {
		const merged = priceTable({
			'gpt-4o-mini': { input: 1, output: 2 },
			'qwen2.5:7b': { input: 0, output: 0 },
			'my-model': { input: 100, output: 300 }
		});
		expect(priceFor('gpt-4o-mini', merged)).toEqual({ input: 1, output: 2 });
		expect(priceFor('gpt-4o', merged)).toEqual(DEFAULT_PRICES['gpt-4o']);
		expect(costCents('my-model', { inputTokens: 10_000, outputTokens: 10_000 }, merged)).toBe(4);
	});

	it('ignores names inherited from Object.prototype', () => {
		expect(priceFor('constructor', prices)).toBeUndefined();
		expect(costCents('toString', { inputTokens: 5, outputTokens: 5 }, prices)).toBe(0);
	});
});
