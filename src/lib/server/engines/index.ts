import type { Env } from '../env';
import type { TailorEngine } from './engine';
import { withInjectedFaults } from './faults';
import { findSkills } from './lexicon';
import { createLocalEngine } from './local/engine';
import { createOpenAIEngine, openAIEngineOptionsFromEnv } from './openai';

/** The engine `TAILOR_ENGINE` names, ready to use. */
export async function createEngine(config: Env): Promise<TailorEngine> {
	// The skill lexicon compiles its patterns on first use; do it at boot, not in a user's job.
	findSkills('Kubernetes and PostgreSQL');
	const engine =
		config.TAILOR_ENGINE === 'openai'
			? createOpenAIEngine(openAIEngineOptionsFromEnv(config))
			: createLocalEngine();
	return withInjectedFaults(
		await engine,
		config.TAILOR_TEST_FAIL_STEPS,
		config.TAILOR_TEST_ENGINE_DELAY_MS
	);
}
