import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tailoredProfileSchema, type TailoredProfile } from '../lib/schemas/profile';
import { createDb } from '../lib/server/db/client';
import { startEmbeddedPostgres } from '../lib/server/db/embedded';
import { runMigrations } from '../lib/server/db/migrate';
import { users } from '../lib/server/db/schema';
import { replaceCareer } from '../lib/server/domain/career';
import { createOpportunity } from '../lib/server/domain/opportunities';
import { getProfile } from '../lib/server/domain/profiles';
import { startTailor } from '../lib/server/domain/tailor';
import { createEngine } from '../lib/server/engines';
import type { Env } from '../lib/server/env';
import { JobEngine } from '../lib/server/jobs/engine';
import { createLogger } from '../lib/server/log';
import { productPipelines } from '../lib/server/pipelines';
import type { ProfileView } from '../lib/schemas/views';

export type Sandbox = {
	/** Runs a career and a posting through the tailor job, as the app does, and returns the profile. */
	tailor(career: unknown, posting: string): Promise<ProfileView>;
};

/**
 * A throwaway embedded database with the real pipelines and a worker, for the command-line tools:
 * everything a tailor job does in the app happens here too, then the database is deleted.
 */
export async function withSandbox<T>(
	config: Env,
	use: (sandbox: Sandbox) => Promise<T>
): Promise<T> {
	const log = createLogger(config.LOG_LEVEL === 'info' ? 'silent' : config.LOG_LEVEL);
	const dataDir = await mkdtemp(path.join(tmpdir(), 'tailor-cli-'));
	const pg = await startEmbeddedPostgres({
		dataDir,
		settings: { fsync: 'off', synchronous_commit: 'off' }
	});
	const { sql, db } = createDb(pg.url, { max: 6 });
	let jobs: JobEngine | undefined;
	try {
		await runMigrations(sql, db);
		const engine = await createEngine(config);
		jobs = await JobEngine.start({
			url: pg.url,
			db,
			sql,
			log,
			pipelines: productPipelines(config, engine),
			queue: { retries: config.TAILOR_JOB_RETRIES },
			worker: true
		});
		const running = jobs;
		return await use({
			async tailor(career, posting) {
				const userId = randomUUID();
				await db.insert(users).values({ id: userId, name: 'CLI', email: `${userId}@localhost` });
				await replaceCareer(db, userId, career);
				const opportunity = await createOpportunity(db, userId, { description: posting });
				const start = await startTailor(
					db,
					running,
					Number.MAX_SAFE_INTEGER,
					userId,
					opportunity.id
				);
				if (start.kind === 'cached') return start.profile;
				let last: { status?: unknown; error?: unknown; summary?: unknown } = {};
				for await (const event of running.events(start.jobId)) {
					if (event.type === 'status') last = event.payload;
				}
				if (last.status !== 'completed')
					throw new Error(`Tailoring failed: ${String(last.error ?? last.status)}`);
				return getProfile(db, userId, (last.summary as { profileId: string }).profileId);
			}
		});
	} finally {
		await jobs?.stop(5_000);
		await sql.end({ timeout: 5 });
		await pg.stop();
		await rm(dataDir, { recursive: true, force: true });
	}
}

/** The SPEC §6 TailoredProfile of a stored profile: the schema keeps its fields, drops the app's. */
export function tailoredProfileOf(view: ProfileView): TailoredProfile {
	return tailoredProfileSchema.parse(view);
}
