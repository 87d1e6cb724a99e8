import { openDatabase } from './db';
import { env } from './env';
import { JobEngine } from './jobs/engine';
import type { Pipeline } from './jobs/pipeline';
import { createLogger } from './log';

/**
 * A standalone worker process (`npm run worker`): runs jobs from the shared database until SIGTERM
 * or SIGINT, then stops taking jobs, lets running steps finish (up to 30 s) and exits 0. A second
 * signal exits at once; the jobs it leaves are picked up by another worker.
 */
export async function runWorkerProcess(pipelines: Pipeline[]): Promise<void> {
	const config = env();
	const log = createLogger(config.LOG_LEVEL, { service: 'worker' });
	const conn = await openDatabase(config, log);
	const engine = await JobEngine.start({
		url: conn.url,
		db: conn.db,
		sql: conn.sql,
		availability: conn.availability,
		log,
		pipelines,
		queue: { retries: config.TAILOR_JOB_RETRIES },
		webhooks: {
			allowPrivate: config.TAILOR_WEBHOOK_ALLOW_PRIVATE,
			retryDelaySeconds: config.TAILOR_WEBHOOK_RETRY_DELAY_S
		},
		worker: true,
		concurrency: config.WORKER_CONCURRENCY
	});
	log.info({ database: conn.where, pipelines: pipelines.map((p) => p.name) }, 'worker ready');

	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) {
			log.warn({ signal }, 'second signal: exiting now');
			process.exit(1);
		}
		stopping = true;
		log.info({ signal }, 'draining: no new jobs; waiting for running steps');
		await engine.stop(30_000);
		await conn.close();
		log.info('worker stopped');
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop('SIGTERM'));
	process.on('SIGINT', () => void stop('SIGINT'));
}
