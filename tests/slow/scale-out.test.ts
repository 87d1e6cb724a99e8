import { describe, expect, it } from 'vitest';
import { runScaleOut } from '../../tools/chaos/scale-out';

// `npm run scale-out` at a smaller size: two web processes (WORKER=off) and two worker processes
// on one PostgreSQL; every job followed on both web processes.
describe('the scale-out topology', () => {
	it('completes every job on both workers and streams every event once, in order, on both web processes', async () => {
		const users = 6;
		const jobs = 3;
		const result = await runScaleOut({ users, jobs });
		expect(result).toMatchObject({
			webProcesses: 2,
			workerProcesses: 2,
			jobs: users * jobs,
			completed: users * jobs,
			lostJobs: 0,
			duplicateProfiles: 0,
			usageMismatches: 0,
			missingEvents: 0,
			duplicateEvents: 0,
			outOfOrderEvents: 0,
			unendedStreams: 0,
			sharesCreated: users,
			sharesInSummaries: users
		});
		expect(result.jobsByWorker).toHaveLength(2);
		expect(result.clean).toBe(true);
	});
});
