import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Env } from '../env';
import type { TailorEngine } from './engine';
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
	if (!config.TAILOR_ENGINE_WRAPPER) return engine;
	const wrapper: { default: (engine: TailorEngine) => TailorEngine } = await import(
		/* @vite-ignore */ pathToFileURL(path.resolve(config.TAILOR_ENGINE_WRAPPER)).href
	);
	return wrapper.default(await engine);
}
