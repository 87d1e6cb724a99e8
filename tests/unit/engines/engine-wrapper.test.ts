import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/lib/server/engines';
import { createLocalEngine } from '../../../src/lib/server/engines/local/engine';
import { parseEnv } from '../../../src/lib/server/env';
import wrap from '../../e2e/engine-wrapper.js';

const text = 'Senior Engineer at Example\n\nRequirements:\n- 5+ years of TypeScript';
const ctx = { userId: 'u' };

describe('TAILOR_ENGINE_WRAPPER', () => {
	it('wraps the engine in the module it names, loaded at boot', async () => {
		const wrapper = path.resolve(import.meta.dirname, 'wrapper-fixture.js');
		const engine = await createEngine(parseEnv({ TAILOR_ENGINE_WRAPPER: wrapper }));
		expect(engine.model).toBe('wrapped local');
		expect((await engine.parsePosting(text, ctx)).requirements.length).toBeGreaterThan(0);
	});

	it("the browser suite's wrapper fails the first N narratives, then passes through", async () => {
		const local = await createLocalEngine();
		const narrated = { narrative: 'I build data platforms.', narrativeSentences: [] };
		const engine = wrap(
			{ ...local, name: 'local', model: 'local', narrative: async () => narrated },
			{ E2E_FAIL_NARRATIVES: '2' }
		);
		const input = { posting: await engine.parsePosting(text, ctx), claims: [], items: [] };
		const points = { ...input, ...(await engine.talkingPoints(input, ctx)) };
		await expect(engine.narrative(points, ctx)).rejects.toThrow(/narrative step failed/);
		await expect(engine.narrative(points, ctx)).rejects.toThrow(/narrative step failed/);
		await expect(engine.narrative(points, ctx)).resolves.toEqual(narrated);
	});
});
