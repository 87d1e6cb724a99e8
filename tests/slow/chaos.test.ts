import { describe, expect, it } from 'vitest';
import { runChaos } from '../../tools/chaos/chaos';

// `npm run chaos` at a smaller size: kill -9 of worker processes mid-job and restarts of the web
// processes under open streams, on a cluster of real processes (docs/RELIABILITY.md).
describe('fault trials', () => {
	it('lose no job, pay no step twice and deliver every event once, through kills and restarts', async () => {
		const result = await runChaos({ trials: 12, webTrials: 3, users: 4 });
		expect(result).toEqual({
			trials: 15,
			lostJobs: 0,
			duplicateProfiles: 0,
			doubleCountedUsage: 0,
			rerunSteps: 0,
			missingEvents: 0,
			duplicateEvents: 0,
			outOfOrderEvents: 0,
			unendedStreams: 0,
			unobservedCheckpoints: 0,
			problems: []
		});
	});
});
