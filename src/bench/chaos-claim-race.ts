// A reproduction, not part of `npm run chaos`: can a retry's claim miss a checkpoint that the
// attempt before it commits at the same moment? (docs/RELIABILITY.md, "Findings and known gaps".)
// It could, while the claim read the stored steps in its own statement; since the claim reads
// them in a statement of its own, this prints the checkpoint among the finished steps.
//
// Attempt 1 of a job, still alive (its pg-boss job expired under it: a stalled event loop, say),
// is storing a checkpoint: it holds the job's row lock. Attempt 2's claim (one statement: UPDATE
// the row, read the stored steps) waits for that lock. When attempt 1 commits, the UPDATE goes
// ahead on the new row version, but a read of `job_steps` in that same statement would use the
// snapshot taken when the statement began, before the commit.
// Run with `npx tsx src/bench/chaos-claim-race.ts`.
import { randomUUID } from 'node:crypto';
import { createDb } from '../lib/server/db/client';
import { documentJobs, users } from '../lib/server/db/schema';
import { claimJob } from '../lib/server/jobs/job-sql';
import { say, startDatabase } from './chaos-cluster';

const database = await startDatabase('claimrace');
const { db, sql } = createDb(database.url, { max: 4 });
try {
	const userId = randomUUID();
	await db.insert(users).values({ id: userId, name: 'race', email: `${userId}@example.com` });
	const jobId = randomUUID();
	await db.insert(documentJobs).values({
		id: jobId,
		userId,
		jobType: 'tailor',
		status: 'processing',
		attempt: 1,
		input: {}
	});

	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	let locked!: () => void;
	const isLocked = new Promise<void>((resolve) => (locked = resolve));
	// Attempt 1: the runner's guarded transaction, as it stores the checkpoint of step "a".
	const attempt1 = sql.begin(async (tx) => {
		await tx`select id from document_jobs where id = ${jobId} for update`;
		await tx`insert into job_steps (job_id, name, output, attempt, duration_ms)
			values (${jobId}, 'a', '{"done": true}'::jsonb, 1, 1)`;
		locked();
		await released;
	});
	await isLocked;
	// Attempt 2 claims the job while attempt 1 still holds the lock.
	const claim = claimJob(db, jobId, 2, { status: 'processing', attempt: 2 });
	// Commit attempt 1 once the claim is waiting for the row lock.
	for (;;) {
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from pg_stat_activity
			where wait_event_type = 'Lock' and query like '%update document_jobs%'`;
		if (row!.n > 0) break;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	release();
	await attempt1;
	const claimed = await claim;
	const [stored] = await sql<{ n: number }[]>`
		select count(*)::int as n from job_steps where job_id = ${jobId} and name = 'a'`;
	say(`checkpoint "a" stored: ${stored!.n === 1 ? 'yes' : 'no'}`);
	say(`attempt 2 claimed the job: ${claimed ? 'yes' : 'no'}`);
	say(
		`steps attempt 2 treats as finished: [${[...(claimed?.steps.keys() ?? [])].join(', ')}]` +
			(claimed && !claimed.steps.has('a')
				? ' — "a" is missing: attempt 2 runs it again, and its checkpoint insert then fails'
				: '')
	);
} finally {
	await sql.end({ timeout: 5 });
	await database.close();
}
