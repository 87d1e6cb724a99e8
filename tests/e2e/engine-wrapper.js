// The engine of the browser suite's servers (TAILOR_ENGINE_WRAPPER): the product's own engine,
// with every call taking at least E2E_ENGINE_DELAY_MS (so a job runs long enough to be watched,
// reloaded and cancelled) and the first E2E_FAIL_NARRATIVES narratives failing (the failure and
// retry path). The failure is an ordinary error: with TAILOR_JOB_RETRIES=0 it fails the job.

/** @typedef {import('../../src/lib/server/engines/engine').TailorEngine} TailorEngine */

/**
 * @param {TailorEngine} engine
 * @param {Record<string, string | undefined>} [env]
 * @returns {TailorEngine}
 */
export default function wrap(engine, env = process.env) {
	const delayMs = Number(env.E2E_ENGINE_DELAY_MS ?? 0);
	let failures = Number(env.E2E_FAIL_NARRATIVES ?? 0);
	/**
	 * @template {unknown[]} A
	 * @template R
	 * @param {string} step
	 * @param {(...args: A) => Promise<R>} call
	 * @returns {(...args: A) => Promise<R>}
	 */
	const slow =
		(step, call) =>
		async (...args) => {
			if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
			if (step === 'narrative' && failures > 0) {
				failures--;
				throw new Error('The narrative step failed: the engine did not answer.');
			}
			return call(...args);
		};
	return {
		name: engine.name,
		model: engine.model,
		parsePosting: slow('parsePosting', engine.parsePosting.bind(engine)),
		talkingPoints: slow('talkingPoints', engine.talkingPoints.bind(engine)),
		narrative: slow('narrative', engine.narrative.bind(engine)),
		resume: slow('resume', engine.resume.bind(engine)),
		evaluate: slow('evaluate', engine.evaluate.bind(engine))
	};
}
