import { PgBoss, type ConstructorOptions, type Queue } from 'pg-boss';
import type { DatabaseAvailability } from '../db/availability';
import type { Logger } from '../log';

/** Failed-for-good jobs land here; its worker makes sure their `document_jobs` row says so. */
export const DEAD_LETTER_QUEUE = 'dead-jobs';

export type QueueSettings = {
	/** Retries after the first attempt. */
	retries: number;
	/** LISTEN/NOTIFY wake-ups; off reproduces pg-boss's default polling, for the benchmark baseline. */
	listenNotify?: boolean;
	/** pg-boss's job spies, for tests only. */
	spies?: boolean;
	poolSize?: number;
};

/**
 * How long a job may go without its worker's heartbeat before the supervisor (every 5 s here)
 * fails it over to a retry: a killed worker's job is picked up again within about 15–20 s.
 */
const HEARTBEAT_SECONDS = 10;

/**
 * pg-boss on the database at `url`. Its 'error' events are logged, never thrown (an 'error' event
 * without a listener would end the process). With `availability`, a lost connection marks the
 * database down, and while it is down errors are logged at debug level only: every poll fails
 * until the database is back, and pg-boss carries on by itself.
 */
export function createBoss(
	url: string,
	settings: QueueSettings,
	log: Logger,
	availability?: DatabaseAvailability
): PgBoss {
	const options: ConstructorOptions = {
		connectionString: url,
		schema: 'pgboss',
		application_name: 'tailor-queue',
		max: settings.poolSize ?? 10,
		useListenNotify: settings.listenNotify !== false,
		superviseIntervalSeconds: 5,
		monitorIntervalSeconds: 5,
		// Workers read the ready-job count from this cache to decide whether to fetch back to back.
		queueCacheIntervalSeconds: 2,
		schedule: false,
		__test__enableSpies: settings.spies ?? false,
		openTelemetry: { enabled: false }
	};
	const boss = new PgBoss(options);
	boss.on('error', (error) => {
		if (availability && (availability.report(error) || !availability.up))
			log.debug({ err: error }, 'queue error while the database is unavailable');
		else log.error({ err: error }, 'queue error');
	});
	boss.on('warning', (warning) => log.warn({ warning }, 'queue warning'));
	return boss;
}

export function queueOptions(settings: QueueSettings): Omit<Queue, 'name'> {
	return {
		retryLimit: settings.retries,
		retryDelay: 1,
		retryBackoff: true,
		retryDelayMax: 60,
		expireInSeconds: 15 * 60,
		heartbeatSeconds: HEARTBEAT_SECONDS,
		deadLetter: DEAD_LETTER_QUEUE,
		notify: settings.listenNotify !== false
	};
}

/** Creates the queues (idempotent) and brings their options in line with this configuration. */
export async function ensureQueues(boss: PgBoss, names: string[], settings: QueueSettings) {
	await boss.createQueue(DEAD_LETTER_QUEUE, { notify: settings.listenNotify !== false });
	const { deadLetter, ...updatable } = queueOptions(settings);
	for (const name of names) {
		await boss.createQueue(name, { ...updatable, deadLetter });
		await boss.updateQueue(name, { ...updatable, deadLetter });
	}
}
