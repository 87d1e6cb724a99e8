import { PermanentJobError } from '../jobs/pipeline';
import type { TailorEngine } from './engine';

type Step = 'parsePosting' | 'talkingPoints' | 'narrative' | 'resume' | 'evaluate';

/** Parses `TAILOR_TEST_FAIL_STEPS` (`narrative:1,resume:2`) into remaining failures per step. */
export function parseFaults(spec: string | undefined): Map<Step, number> {
	const faults = new Map<Step, number>();
	for (const part of (spec ?? '').split(',').filter(Boolean)) {
		const [step, count] = part.split(':') as [Step, string];
		faults.set(step, (faults.get(step) ?? 0) + Number(count));
	}
	return faults;
}

/**
 * The engine with injected failures, for tests of failure and retry through the whole product:
 * the first N calls of a named step fail the job at once with a readable message, later calls
 * pass through. The counters belong to this process. With a delay, every call takes at least
 * that long, so a job's progress can be watched as it would be with a remote model.
 */
export function withInjectedFaults(
	engine: TailorEngine,
	spec: string | undefined,
	delayMs = 0
): TailorEngine {
	const remaining = parseFaults(spec);
	if (remaining.size === 0 && delayMs <= 0) return engine;
	const wrap =
		<A extends unknown[], R>(step: Step, fn: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
			const left = remaining.get(step) ?? 0;
			if (left > 0) {
				remaining.set(step, left - 1);
				throw new PermanentJobError(
					`The ${step} step failed: the engine did not answer (a failure injected by TAILOR_TEST_FAIL_STEPS).`
				);
			}
			return fn(...args);
		};
	return {
		name: engine.name,
		model: engine.model,
		parsePosting: wrap('parsePosting', engine.parsePosting.bind(engine)),
		talkingPoints: wrap('talkingPoints', engine.talkingPoints.bind(engine)),
		narrative: wrap('narrative', engine.narrative.bind(engine)),
		resume: wrap('resume', engine.resume.bind(engine)),
		evaluate: wrap('evaluate', engine.evaluate.bind(engine))
	};
}
