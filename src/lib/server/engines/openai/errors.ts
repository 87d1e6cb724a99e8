import OpenAI from 'openai';

/**
 * Failures of a model call, with a message a person can act on. `retryable` says whether running
 * the step again may help (a timeout, a rate limit, a flaky server) or not (a refusal, a rejected
 * key, output the model got wrong twice), so a job runner can decide to retry or fail at once.
 */

export type LlmErrorKind =
	| 'timeout'
	| 'rate_limit'
	| 'connection'
	| 'auth'
	| 'api'
	| 'refusal'
	| 'invalid_output'
	| 'aborted';

// A cancelled call is retryable: the caller (a stopping worker, say) cancelled it, not the model.
const RETRYABLE = new Set<LlmErrorKind>(['timeout', 'rate_limit', 'connection', 'api', 'aborted']);

export class LlmError extends Error {
	readonly retryable: boolean;
	constructor(
		readonly kind: LlmErrorKind,
		message: string,
		options: { cause?: unknown; retryable?: boolean } = {}
	) {
		super(message, { cause: options.cause });
		this.name = 'LlmError';
		this.retryable = options.retryable ?? RETRYABLE.has(kind);
	}
}

export type CallDescription = {
	model: string;
	baseURL: string;
	timeoutMs: number;
	retries: number;
};

/** Turns an error thrown by the SDK into an `LlmError` that says what happened. */
export function describeApiError(error: unknown, call: CallDescription): LlmError {
	if (error instanceof LlmError) return error;
	const who = `the model endpoint (${call.baseURL}, model ${call.model})`;
	const tries = call.retries > 0 ? ` after ${call.retries + 1} attempts` : '';
	if (error instanceof OpenAI.APIUserAbortError) {
		return new LlmError('aborted', 'The model call was cancelled', { cause: error });
	}
	if (error instanceof OpenAI.APIConnectionTimeoutError) {
		return new LlmError(
			'timeout',
			`The model did not answer within ${call.timeoutMs} ms${tries}: ${who} timed out`,
			{ cause: error }
		);
	}
	if (error instanceof OpenAI.APIConnectionError) {
		return new LlmError('connection', `Could not reach ${who}${tries}: ${error.message}`, {
			cause: error
		});
	}
	if (error instanceof OpenAI.RateLimitError) {
		return new LlmError(
			'rate_limit',
			`${capitalise(who)} is rate limiting requests (HTTP 429)${tries}: ${error.message}`,
			{ cause: error }
		);
	}
	if (
		error instanceof OpenAI.AuthenticationError ||
		error instanceof OpenAI.PermissionDeniedError
	) {
		return new LlmError(
			'auth',
			`${capitalise(who)} rejected the API key (HTTP ${error.status}): ${error.message}`,
			{ cause: error }
		);
	}
	if (error instanceof OpenAI.APIError) {
		const status = error.status ?? 'error';
		return new LlmError('api', `${capitalise(who)} answered HTTP ${status}: ${error.message}`, {
			cause: error,
			// Client errors (a bad request, an unknown model) repeat on a retry; server errors may not.
			retryable: typeof error.status !== 'number' || error.status >= 500 || error.status === 408
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new LlmError('api', `The model call failed: ${message}`, { cause: error });
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
