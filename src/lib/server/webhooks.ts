import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Database, Sql } from './db/client';
import { apiKeys, apiKeyWebhooks, documentJobs, webhookOutbox } from './db/schema';
import { WEBHOOK_CHANNEL } from './jobs/sql/event';
import type { Logger } from './log';
import type { WebhookView } from '../schemas/views';
import { InvalidInputError } from './domain/errors';

/**
 * Completion webhooks: an API key may name a URL; when a job started with that key ends, a
 * signed notice is POSTed there, retried with backoff until the receiver answers 2xx. The notice
 * is owed from the statement that ends the job (the outbox, `jobs/sql/event.ts`), and relayed
 * from there into a pg-boss queue, which retries it with backoff.
 */

export const WEBHOOK_QUEUE = 'webhook-deliveries';
export const SIGNATURE_HEADER = 'tailor-signature';

/** Delivery attempts: the first and then retries up to about a day later. */
const RETRIES = 12;
const TIMEOUT_MS = 10_000;

export type WebhookSettings = {
	/** Allow loopback and private-network receivers (an app on the same host or network). */
	allowPrivate: boolean;
};

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as the receiver recomputes it. */
export function signature(secret: string, body: string, at = Math.floor(Date.now() / 1000)) {
	const mac = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
	return `t=${at},v1=${mac}`;
}

/** Checks a notice's signature header against its body (and its age, to stop replays). */
export function verifySignature(
	secret: string,
	body: string,
	header: string | null | undefined,
	toleranceSeconds = 300
): boolean {
	const parts = Object.fromEntries(
		(header ?? '').split(',').map((p) => p.split('=', 2) as [string, string])
	);
	const at = Number(parts.t);
	if (!Number.isInteger(at) || Math.abs(Date.now() / 1000 - at) > toleranceSeconds) return false;
	const expected = Buffer.from(signature(secret, body, at).split('v1=')[1]!, 'hex');
	const given = Buffer.from(parts.v1 ?? '', 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Loopback, private, link-local and unique-local addresses: not for a webhook by default. */
function isPrivateAddress(address: string): boolean {
	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	if (isIP(v4) === 4) {
		const [a, b] = v4.split('.').map(Number) as [number, number];
		return (
			a === 10 ||
			a === 127 ||
			a === 0 ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	const v6 = address.toLowerCase();
	return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/** Why a receiver URL cannot be used, or null when it can. */
async function refusal(url: URL, settings: WebhookSettings): Promise<string | null> {
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'expected an http(s) URL';
	if (url.username || url.password) return 'a webhook URL cannot carry a user name or password';
	if (settings.allowPrivate) return null;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const addresses = isIP(host)
		? [host]
		: await lookup(host, { all: true }).then(
				(all) => all.map((a) => a.address),
				() => null
			);
	if (!addresses) return `${url.hostname} does not resolve`;
	if (addresses.some(isPrivateAddress))
		return 'a webhook cannot point at a private or loopback address on this server';
	return null;
}

/** Whether the API key is the user's (revoked keys included). */
async function ownsKey(db: Database, userId: string, apiKeyId: string): Promise<boolean> {
	const [key] = await db
		.select({ id: apiKeys.id })
		.from(apiKeys)
		.where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.referenceId, userId)));
	return key !== undefined;
}

/** Sets (or replaces) the key's webhook. The new signing secret is in the answer, once. */
export async function setWebhook(
	db: Database,
	settings: WebhookSettings,
	userId: string,
	apiKeyId: string,
	rawUrl: string
): Promise<(WebhookView & { secret: string }) | null> {
	if (!(await ownsKey(db, userId, apiKeyId))) return null;
	const url = new URL(rawUrl);
	const refused = await refusal(url, settings);
	if (refused) throw new InvalidInputError(refused, [{ path: '/url', message: refused }]);
	const secret = `whsec_${randomBytes(24).toString('base64url')}`;
	const row = { url: url.href, secret, lastAttemptAt: null, lastResult: null };
	await db
		.insert(apiKeyWebhooks)
		.values({ apiKeyId, userId, ...row })
		.onConflictDoUpdate({ target: apiKeyWebhooks.apiKeyId, set: row });
	return { url: url.href, secret, lastAttemptAt: null, lastResult: null };
}

/** Removes the key's webhook; false when the user has no such key. */
export async function removeWebhook(db: Database, userId: string, apiKeyId: string) {
	if (!(await ownsKey(db, userId, apiKeyId))) return false;
	await db.delete(apiKeyWebhooks).where(eq(apiKeyWebhooks.apiKeyId, apiKeyId));
	return true;
}

/** The user's webhooks by API key id. */
export async function webhooksOf(db: Database, userId: string): Promise<Map<string, WebhookView>> {
	const rows = await db
		.select({
			apiKeyId: apiKeyWebhooks.apiKeyId,
			url: apiKeyWebhooks.url,
			lastAttemptAt: apiKeyWebhooks.lastAttemptAt,
			lastResult: apiKeyWebhooks.lastResult
		})
		.from(apiKeyWebhooks)
		.where(eq(apiKeyWebhooks.userId, userId));
	return new Map(rows.map(({ apiKeyId, ...view }) => [apiKeyId, view]));
}

type DeliveryData = { jobId: string };

/**
 * Moves owed notices from the outbox into the delivery queue, each in the transaction that takes
 * it out, so none is lost or queued twice (several processes may relay at once).
 */
async function relay(db: Database, boss: PgBoss): Promise<number> {
	return db.transaction(async (tx) => {
		const taken = await tx
			.delete(webhookOutbox)
			.where(
				inArray(
					webhookOutbox.jobId,
					tx
						.select({ jobId: webhookOutbox.jobId })
						.from(webhookOutbox)
						.orderBy(webhookOutbox.createdAt)
						.limit(100)
						.for('update', { skipLocked: true })
				)
			)
			.returning({ jobId: webhookOutbox.jobId });
		for (const { jobId } of taken) {
			const data: DeliveryData = { jobId };
			await boss.send(WEBHOOK_QUEUE, data, { db: fromDrizzle(tx, sql) });
		}
		return taken.length;
	});
}

/** The notice's body: what ended, and the job as `jobs.get` shows it (without its input). */
function notice(job: typeof documentJobs.$inferSelect) {
	return JSON.stringify({
		type: `job.${job.status}`,
		createdAt: new Date().toISOString(),
		job: {
			id: job.id,
			type: job.jobType,
			status: job.status,
			error: job.error,
			summary: job.summary ?? null,
			opportunityId: job.opportunityId,
			profileId: job.tailoredProfileId,
			attempt: job.attempt,
			createdAt: job.createdAt.toISOString(),
			completedAt: job.completedAt?.toISOString() ?? null
		}
	});
}

/** Sends one notice; throws (so pg-boss retries with backoff) unless the receiver took it. */
async function deliver(
	db: Database,
	settings: WebhookSettings,
	fetcher: typeof fetch,
	{ jobId }: DeliveryData
): Promise<void> {
	const [row] = await db
		.select({ job: documentJobs, hook: apiKeyWebhooks })
		.from(documentJobs)
		.innerJoin(apiKeyWebhooks, eq(apiKeyWebhooks.apiKeyId, documentJobs.apiKeyId))
		.where(eq(documentJobs.id, jobId));
	if (!row) return; // the webhook (or the job) was removed since: nothing to tell
	const record = (lastResult: string) =>
		db
			.update(apiKeyWebhooks)
			.set({ lastAttemptAt: new Date(), lastResult })
			.where(eq(apiKeyWebhooks.apiKeyId, row.hook.apiKeyId));
	const url = new URL(row.hook.url);
	const refused = await refusal(url, settings);
	if (refused) {
		await record(refused);
		throw new Error(`webhook ${url.origin}: ${refused}`);
	}
	const body = notice(row.job);
	let result: string;
	try {
		const res = await fetcher(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'user-agent': 'Tailor-Webhook/1',
				'tailor-event': `job.${row.job.status}`,
				'tailor-delivery': jobId,
				[SIGNATURE_HEADER]: signature(row.hook.secret, body)
			},
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		await res.body?.cancel();
		result = res.ok ? 'delivered' : `HTTP ${res.status}`;
	} catch (error) {
		result =
			error instanceof Error && error.name === 'TimeoutError'
				? 'timed out'
				: `unreachable (${error instanceof Error ? error.message : String(error)})`;
	}
	await record(result);
	if (result !== 'delivered') throw new Error(`webhook ${url.origin}: ${result}`);
}

/** How often the outbox is swept for notices whose wake-up was missed (a restart, say). */
const SWEEP_MS = 30_000;

/**
 * Creates the delivery queue and works it in this process, relaying the outbox on each wake-up
 * and every half minute. Returns a function that stops the relay.
 */
export async function startWebhookDeliveries(
	boss: PgBoss,
	db: Database,
	listen: Sql,
	settings: WebhookSettings & { retryDelaySeconds?: number },
	log: Logger,
	fetcher: typeof fetch = (input, init) => fetch(input, init)
): Promise<() => Promise<void>> {
	await boss.createQueue(WEBHOOK_QUEUE, {
		retryLimit: RETRIES,
		retryDelay: settings.retryDelaySeconds ?? 10,
		retryBackoff: true,
		retryDelayMax: 3_600,
		expireInSeconds: 60,
		notify: true
	});
	await boss.work<DeliveryData>(WEBHOOK_QUEUE, { batchSize: 1 }, async ([job]) => {
		if (job) await deliver(db, settings, fetcher, job.data);
	});
	let running: Promise<void> | null = null;
	let again = false;
	const wake = (): void => {
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				while ((await relay(db, boss)) === 100);
			} while (again);
		})()
			.catch((error: unknown) => log.warn({ err: error }, 'webhook relay failed; retrying later'))
			.finally(() => (running = null));
	};
	const listener = await listen.listen(WEBHOOK_CHANNEL, wake, wake);
	const sweep = setInterval(wake, SWEEP_MS);
	sweep.unref();
	return async () => {
		clearInterval(sweep);
		await listener.unlisten();
		await running;
	};
}
