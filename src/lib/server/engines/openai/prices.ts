/**
 * Model prices in US cents per million tokens, and the cost of one call.
 *
 * The built-in table holds OpenAI's published list prices for common models (2025). Anything
 * else — a local model on Ollama, vLLM or LM Studio, a fine-tune, a model under another
 * provider's name — costs 0 cents unless `TAILOR_MODEL_PRICES` names it; the table given there is
 * merged over this one, so an entry there also corrects a price here.
 */

export type ModelPrice = { input: number; output: number };
export type PriceTable = Record<string, ModelPrice>;

export const DEFAULT_PRICES: PriceTable = {
	'gpt-4o-mini': { input: 15, output: 60 },
	'gpt-4o': { input: 250, output: 1000 },
	'gpt-4.1': { input: 200, output: 800 },
	'gpt-4.1-mini': { input: 40, output: 160 },
	'gpt-4.1-nano': { input: 10, output: 40 },
	'gpt-5': { input: 125, output: 1000 },
	'gpt-5-mini': { input: 25, output: 200 },
	'gpt-5-nano': { input: 5, output: 40 },
	o3: { input: 200, output: 800 },
	'o3-mini': { input: 110, output: 440 },
	'o4-mini': { input: 110, output: 440 },
	'gpt-4-turbo': { input: 1000, output: 3000 },
	'gpt-3.5-turbo': { input: 50, output: 150 }
};

/** The built-in table with `overrides` (from `TAILOR_MODEL_PRICES`) merged over it. */
export function priceTable(overrides: PriceTable = {}): PriceTable {
	return { ...DEFAULT_PRICES, ...overrides };
}

/**
 * The price of a model: its exact name first, then the name without a provider prefix
 * (`openai/gpt-4o-mini` on OpenRouter) and without a date suffix (`gpt-4o-mini-2024-07-18`).
 * Unknown models have no price (`undefined`), which costs 0.
 */
export function priceFor(model: string, prices: PriceTable): ModelPrice | undefined {
	const candidates = new Set<string>();
	const add = (name: string) => {
		candidates.add(name);
		candidates.add(name.toLowerCase());
	};
	add(model);
	const bare = model.includes('/') ? (model.split('/').at(-1) ?? model) : model;
	add(bare);
	add(bare.replace(/-\d{4}-\d{2}-\d{2}$/, ''));
	for (const name of candidates) {
		if (Object.hasOwn(prices, name)) return prices[name];
	}
	return undefined;
}

/** Cost in US cents, to four decimals (the precision of `llm_calls.cost_cents`). */
export function costCents(
	model: string,
	usage: { inputTokens: number; outputTokens: number },
	prices: PriceTable
): number {
	const price = priceFor(model, prices);
	if (!price) return 0;
	const cents = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
	return Math.round(cents * 10_000) / 10_000;
}
