// npm run bench:tailor — a tailor job with the local engine, enqueue → completed, on an embedded
// PostgreSQL, for a record of 40 claims and a posting of 15 requirements (tests/fixtures/bench).
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '../lib/server/db/client';
import { startEmbeddedPostgres } from '../lib/server/db/embedded';
import { runMigrations } from '../lib/server/db/migrate';
import { users } from '../lib/server/db/schema';
import { getCareer, replaceCareer } from '../lib/server/domain/career';
import { createOpportunity } from '../lib/server/domain/opportunities';
import { startTailor } from '../lib/server/domain/tailor';
import { createEngine } from '../lib/server/engines';
import { parseEnv } from '../lib/server/env';
import { JobEngine } from '../lib/server/jobs/engine';
import { createLogger } from '../lib/server/log';
import { productPipelines } from '../lib/server/pipelines';
import { summary } from './stats';

const RUNS = 30;
const config = parseEnv({ ...process.env, TAILOR_ENGINE: 'local' });
const dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-bench-'));
const pg = await startEmbeddedPostgres({ dataDir });
try {
	const { sql, db } = createDb(pg.url, { max: 10 });
	await runMigrations(sql, db);
	const engine = await createEngine(config);
	const jobs = await JobEngine.start({
		url: pg.url,
		db,
		sql,
		log: createLogger('warn'),
		pipelines: productPipelines(config, engine),
		queue: { retries: 0 },
		worker: true
	});
	const fixtures = path.resolve('tests/fixtures/bench');
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
	await sql.end();
} finally {
	await pg.stop();
	await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
