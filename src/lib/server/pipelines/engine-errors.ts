import type { TailorEngine } from '../engines/engine';
import { LlmError } from '../engines/openai';
import { PermanentJobError } from '../jobs/pipeline';

/**
 * The engine as the pipelines use it: a model failure that a retry cannot fix (a refusal, a bad
 * key, output that stayed invalid after a corrective retry) fails the job at once with its
 * message; timeouts, rate limits and dropped connections are left to the job's retries.
 */
export function withPermanentErrors(engine: TailorEngine): TailorEngine {
	const guard =
		<A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			try {
				return await fn(...args);
			} catch (error) {
				if (error instanceof LlmError && !error.retryable && error.kind !== 'aborted') {
					throw new PermanentJobError(error.message);
				}
				throw error;
			}
		};
	return {
		name: engine.name,
		model: engine.model,
		parsePosting: guard(engine.parsePosting.bind(engine)),
		talkingPoints: guard(engine.talkingPoints.bind(engine)),
		narrative: guard(engine.narrative.bind(engine)),
		resume: guard(engine.resume.bind(engine)),
		evaluate: guard(engine.evaluate.bind(engine))
	};
}
