/** The `openai` engine: any OpenAI-compatible endpoint behind the TailorEngine interface. */

export { createOpenAIEngine, openAIEngineOptionsFromEnv, type OpenAIEngineOptions } from './engine';
export { LlmError, type LlmErrorKind } from './errors';
export {
	DEFAULT_PRICES,
	costCents,
	priceFor,
	priceTable,
	type ModelPrice,
	type PriceTable
} from './prices';
