// npm run bench:tailor — a tailor job with the local engine, enqueue → completed, on an embedded
// PostgreSQL, for a record of 40 claims and a posting of 15 requirements (tests/fixtures/bench).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { users } from '../../src/lib/server/db/schema';
import { getCareer, replaceCareer } from '../../src/lib/server/domain/career';
import { createOpportunity } from '../../src/lib/server/domain/opportunities';
import { startTailor } from '../../src/lib/server/domain/tailor';
import { createEngine } from '../../src/lib/server/engines';
import { parseEnv } from '../../src/lib/server/env';
import { JobEngine } from '../../src/lib/server/jobs/engine';
import { createLogger } from '../../src/lib/server/log';
import { productPipelines } from '../../src/lib/server/pipelines';
import { startPostgres } from '../harness/cluster';
import { root } from '../harness/processes';
import { summary } from '../harness/stats';

const RUNS = 30;
const config = parseEnv({ ...process.env, TAILOR_ENGINE: 'local' });
const pg = await startPostgres('bench-tailor');
try {
	const { url, sql, db } = await pg.createDatabase('bench_tailor');
	const engine = await createEngine(config);
	const jobs = await JobEngine.start({
		url,
		db,
		sql,
		log: createLogger('warn'),
		pipelines: productPipelines(config, engine),
		queue: { retries: 0 },
		worker: true
	});
	const fixtures = path.join(root, 'tests/fixtures/bench');
	const career = JSON.parse(await readFile(path.join(fixtures, 'career.json'), 'utf8'));
	const posting = await readFile(path.join(fixtures, 'posting.txt'), 'utf8');
	const userId = randomUUID();
	await db.insert(users).values({ id: userId, name: 'bench', email: `${userId}@example.com` });
	await replaceCareer(db, userId, career);
	const claims = (await getCareer(db, userId)).claims.length;
	let requirements = 0;
	const times: number[] = [];
	for (let i = 0; i < RUNS + 3; i++) {
		const opp = await createOpportunity(db, userId, { description: posting });
		requirements = opp.requirements.length;
		const t0 = performance.now();
		const start = await startTailor(db, jobs, 1e9, userId, opp.id);
		if (start.kind !== 'job') throw new Error('expected a job');
		for await (const event of jobs.events(start.jobId)) {
			if (event.type === 'status' && event.payload.status === 'failed')
				throw new Error(String(event.payload.error));
		}
		if (i >= 3) times.push(performance.now() - t0); // the first runs warm caches and connections
	}
	const s = summary(times);
	console.log(
		`Tailor job, local engine, ${claims} claims × ${requirements} requirements, ${s.n} runs`
	);
	console.log(`enqueue → completed: p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms`);
	console.log(
		JSON.stringify({ claims, requirements, tailorJobP50Ms: s.p50, tailorJobP95Ms: s.p95 })
	);
	await jobs.stop(5_000);
} finally {
	await pg.stop();
}
process.exit(0);
