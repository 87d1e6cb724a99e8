import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/lib/server/env';
import { withInjectedFaults } from '../../../src/lib/server/engines/faults';
import { createLocalEngine } from '../../../src/lib/server/engines/local/engine';
import { PermanentJobError } from '../../../src/lib/server/jobs/pipeline';

describe('TAILOR_TEST_FAIL_STEPS', () => {
	it('fails the first N calls of a named step permanently, then passes through', async () => {
		const engine = withInjectedFaults(await createLocalEngine(), 'parsePosting:2');
		const ctx = { userId: 'u' };
		const text = 'Senior Engineer at Example\n\nRequirements:\n- 5+ years of TypeScript';
		await expect(engine.parsePosting(text, ctx)).rejects.toBeInstanceOf(PermanentJobError);
		await expect(engine.parsePosting(text, ctx)).rejects.toThrow(/parsePosting step failed/);
		const parsed = await engine.parsePosting(text, ctx);
		expect(parsed.requirements.length).toBeGreaterThan(0);
	});

	it('is validated at boot with a message naming the steps', () => {
		expect(() => parseEnv({ TAILOR_TEST_FAIL_STEPS: 'write:1' })).toThrow(
			/TAILOR_TEST_FAIL_STEPS is "write:1": expected step:count pairs/
		);
		expect(
			parseEnv({ TAILOR_TEST_FAIL_STEPS: 'narrative:1,resume:2' }).TAILOR_TEST_FAIL_STEPS
		).toBe('narrative:1,resume:2');
	});
});
