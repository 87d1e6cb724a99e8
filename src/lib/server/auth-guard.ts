import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Sql } from './db/client';
import type { Env } from './env';

/**
 * The guard in front of sign-in and sign-up: which of better-auth's HTTP endpoints are served at
 * all, and how many attempts an address and an account get. The counts live in PostgreSQL
 * (rate-limiter-flexible's Postgres store), so every web process on the database shares them.
 *
 * The policy (README, "Accounts and API keys"):
 * - per account and address: after `maxFailures` failed attempts in a row (a wrong password, or
 *   signing up with an email that has an account) the address is refused for that account, for
 *   `blockSeconds` at first and twice as long at each further block within a day, up to
 *   `maxBlockSeconds`. A successful sign-in starts the count again.
 * - per account: after `maxAccountFailures` failures within an hour from addresses that have not
 *   signed in to it (guessing spread over many addresses), the account is refused to such
 *   addresses, with the same growing block. An address that signed in to the account within the
 *   last 30 days is not affected, so an attacker cannot lock its owner out where they usually
 *   sign in; a new address waits at most `maxBlockSeconds`.
 * - per address: at most `addressPoints` sign-in and sign-up attempts per `addressWindowSeconds`,
 *   whatever their outcome (one address trying many accounts).
 */
export type AuthLimits = {
	maxFailures: number;
	maxAccountFailures: number;
	addressPoints: number;
	addressWindowSeconds: number;
	blockSeconds: number;
	maxBlockSeconds: number;
};

export function authLimits(env: Env): AuthLimits {
	return {
		maxFailures: env.TAILOR_AUTH_MAX_FAILURES,
		maxAccountFailures: env.TAILOR_AUTH_MAX_ACCOUNT_FAILURES,
		addressPoints: env.TAILOR_AUTH_ADDRESS_POINTS,
		addressWindowSeconds: env.TAILOR_AUTH_ADDRESS_WINDOW_S,
		blockSeconds: env.TAILOR_AUTH_BLOCK_S,
		maxBlockSeconds: env.TAILOR_AUTH_MAX_BLOCK_S
	};
}

/** The better-auth endpoints reachable over HTTP: the ones the app and its API clients use. */
const HTTP_ENDPOINTS = new Set(['POST /sign-up/email', 'POST /sign-in/email', 'POST /sign-out']);

/** Every other one (API key updates, password changes, account deletion…) answers 404. */
export function servedAuthEndpoint(method: string, path: string): boolean {
	return HTTP_ENDPOINTS.has(`${method.toUpperCase()} ${path}`);
}

/** Sign-in and sign-up bodies are a few hundred bytes; a larger declared body is refused unread. */
export const AUTH_BODY_LIMIT = 16 * 1024;

const jsonMessage = (status: number, message: string) =>
	new Response(JSON.stringify({ message }), {
		status,
		headers: { 'content-type': 'application/json' }
	});

/**
 * Wraps the handle that serves `/api/auth/*`: a request for an endpoint the app does not use is
 * answered 404 and an oversized one 413, before better-auth reads it. (The attempt limits apply
 * inside better-auth, see `authGuardPlugin`, so that the sign-in and sign-up forms, which call
 * `auth.api` from their actions, are held to them too.)
 */
export function guardAuthEndpoints(serve: Handle): Handle {
	return (input) => {
		const { request, url } = input.event;
		if (!url.pathname.startsWith('/api/auth/')) return serve(input);
		if (!servedAuthEndpoint(request.method, url.pathname.slice('/api/auth'.length)))
			return jsonMessage(404, 'Not found.');
		const length = Number(request.headers.get('content-length'));
		if (Number.isFinite(length) && length > AUTH_BODY_LIMIT)
			return jsonMessage(413, `The request body is larger than ${AUTH_BODY_LIMIT} bytes.`);
		return serve(input);
	};
}

// ---------------------------------------------------------------------------------------------
// Attempt limits

const TABLE = 'auth_rate_limits';
const DAY = 24 * 60 * 60;
/** How long an address stays "known" to an account after signing in to it. */
const KNOWN_SECONDS = 30 * DAY;

/** postgres.js behind the node-postgres `query({ text, values })` call RateLimiterPostgres makes. */
function pgClient(sql: Sql) {
	return {
		async query({ text, values }: { text: string; values?: unknown[] }) {
			const rows = await sql.unsafe(text, (values ?? []) as never[]);
			return {
				// `expire` is a bigint column, which postgres.js returns as a string.
				rows: rows.map((row) => ({
					...row,
					expire: row.expire === null || row.expire === undefined ? null : Number(row.expire)
				})),
				rowCount: rows.count
			};
		}
	};
}

type Limiters = {
	address: RateLimiterPostgres;
	pair: RateLimiterPostgres;
	pairBlocks: RateLimiterPostgres;
	account: RateLimiterPostgres;
	accountBlocks: RateLimiterPostgres;
	known: RateLimiterPostgres;
};

export type Attempt = { email: string | null; address: string };
export type Outcome = 'success' | 'failure' | 'other';

/** What `begin` took, for `end` to give back. */
export type Ticket = { pair: string | null; account: string | null };

export class TooManyAttempts {
	constructor(
		readonly seconds: number,
		readonly message: string
	) {}
}

const digest = (...parts: string[]) =>
	createHash('sha256').update(parts.join('\0')).digest('base64url');

/** "3 seconds", "1 minute", "15 minutes": the wait, rounded up. */
export function waitText(seconds: number): string {
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const toSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class AuthGuard {
	#limiters: Promise<Limiters> | undefined;

	constructor(
		private readonly sql: Sql,
		readonly limits: AuthLimits
	) {}

	/** The limiters, once their table exists (made on first use; tried again after a failure). */
	#ready(): Promise<Limiters> {
		this.#limiters ??= this.#create().catch((error: unknown) => {
			this.#limiters = undefined;
			throw error;
		});
		return this.#limiters;
	}

	async #create(): Promise<Limiters> {
		const storeClient = pgClient(this.sql);
		const base = { storeClient, storeType: 'client', tableName: TABLE };
		const l = this.limits;
		const address = await new Promise<RateLimiterPostgres>((resolve, reject) => {
			const limiter: RateLimiterPostgres = new RateLimiterPostgres(
				{
					...base,
					keyPrefix: 'address',
					points: l.addressPoints,
					duration: l.addressWindowSeconds
				},
				(error) => (error ? reject(error) : resolve(limiter))
			);
		});
		// The table exists now; only the first limiter sweeps expired rows (every 5 minutes).
		const more = { ...base, tableCreated: true, clearExpiredByTimeout: false };
		return {
			address,
			pair: new RateLimiterPostgres({
				...more,
				keyPrefix: 'pair',
				points: l.maxFailures,
				duration: DAY
			}),
			pairBlocks: new RateLimiterPostgres({
				...more,
				keyPrefix: 'pair-blocks',
				points: 1,
				duration: DAY
			}),
			account: new RateLimiterPostgres({
				...more,
				keyPrefix: 'account',
				points: l.maxAccountFailures,
				duration: 60 * 60
			}),
			accountBlocks: new RateLimiterPostgres({
				...more,
				keyPrefix: 'account-blocks',
				points: 1,
				duration: DAY
			}),
			known: new RateLimiterPostgres({
				...more,
				keyPrefix: 'known',
				points: 1,
				duration: KNOWN_SECONDS
			})
		};
	}

	/**
	 * Takes one point from each count the attempt is held to, refusing it when one is used up; an
	 * attempt counts as a failure until `end` says otherwise, so a burst of parallel guesses is
	 * refused like a sequence of them. The attempt that first goes over a count places the block.
	 */
	async begin(attempt: Attempt): Promise<Ticket | TooManyAttempts> {
		const l = await this.#ready();
		const refused = await over(l.address, digest(attempt.address));
		if (refused) {
			const wait = toSeconds(refused.msBeforeNext);
			return new TooManyAttempts(
				wait,
				`Too many attempts to sign in or sign up from your address: try again in ${waitText(wait)}.`
			);
		}
		if (!attempt.email) return { pair: null, account: null };
		const pair = digest(attempt.email, attempt.address);
		const pairOver = await over(l.pair, pair);
		if (pairOver) return this.#blocked(pairOver, l.pair, l.pairBlocks, pair);
		if ((await l.known.get(pair)) !== null) return { pair, account: null };
		const account = digest(attempt.email);
		const accountOver = await over(l.account, account);
		if (accountOver) {
			await l.pair.reward(pair, 1);
			return this.#blocked(accountOver, l.account, l.accountBlocks, account);
		}
		return { pair, account };
	}

	/** After the attempt: a success clears the failures in a row; anything but a failure is given back. */
	async end(ticket: Ticket, outcome: Outcome): Promise<void> {
		if (outcome === 'failure' || !ticket.pair) return;
		const l = await this.#ready();
		await Promise.all([
			outcome === 'success' ? l.pair.delete(ticket.pair) : l.pair.reward(ticket.pair, 1),
			outcome === 'success' ? l.known.set(ticket.pair, 1, KNOWN_SECONDS) : null,
			ticket.account ? l.account.reward(ticket.account, 1) : null
		]);
	}

	/** The refusal for a count that is used up; the first attempt over it blocks the key. */
	async #blocked(
		res: RateLimiterRes,
		limiter: RateLimiterPostgres,
		blocks: RateLimiterPostgres,
		key: string
	): Promise<TooManyAttempts> {
		const { blockSeconds, maxBlockSeconds } = this.limits;
		let wait: number;
		if (res.consumedPoints === limiter.points + 1) {
			// Blocks within a day: 1st → blockSeconds, 2nd → twice that, … up to maxBlockSeconds.
			const n = (await blocks.penalty(key, 1)).consumedPoints;
			wait = Math.min(maxBlockSeconds, blockSeconds * 2 ** Math.min(n - 1, 30));
			await limiter.block(key, wait);
		} else {
			// Inside a block, or racing the attempt that is placing it (whose window is longer).
			wait = Math.min(maxBlockSeconds, toSeconds(res.msBeforeNext));
		}
		return new TooManyAttempts(
			wait,
			`Too many failed attempts for this account: try again in ${waitText(wait)}.`
		);
	}
}

/** Takes a point; the limiter's answer when none was left, else null. */
async function over(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes | null> {
	try {
		await limiter.consume(key, 1);
		return null;
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return rejection;
		throw rejection;
	}
}

// ---------------------------------------------------------------------------------------------
// Inside better-auth

const GUARDED = new Set(['/sign-in/email', '/sign-up/email']);

/** A wrong password, or an email that already has an account: what guessing looks like. */
const FAILURE_CODES = new Set([
	'INVALID_EMAIL_OR_PASSWORD',
	'USER_ALREADY_EXISTS',
	'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'
]);

function outcomeOf(returned: unknown): Outcome {
	if (!isAPIError(returned)) return 'success';
	const code = (returned.body as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && FAILURE_CODES.has(code) ? 'failure' : 'other';
}

/** The email of a sign-in or sign-up body, as better-auth compares it (trimmed, lower case). */
function emailOf(body: unknown): string | null {
	const email = (body as { email?: unknown } | null | undefined)?.email;
	if (typeof email !== 'string') return null;
	const normalized = email.trim().toLowerCase();
	return normalized || null;
}

/**
 * Holds sign-in and sign-up (over HTTP and through `auth.api`, as the form actions call it) to
 * the guard's limits. A refusal is better-auth's error answer, 429 with `Retry-After` and a JSON
 * `{ code: 'TOO_MANY_ATTEMPTS', message }`.
 */
export function authGuardPlugin(guard: AuthGuard, clientAddress: () => string): BetterAuthPlugin {
	/** What each attempt in flight took, by its better-auth call (the same object before and after). */
	const tickets = new WeakMap<object, Ticket>();
	const guarded = (ctx: { path?: string }) => !!ctx.path && GUARDED.has(ctx.path);
	return {
		id: 'tailor-auth-guard',
		hooks: {
			before: [
				{
					matcher: guarded,
					handler: createAuthMiddleware(async (ctx) => {
						const attempt = { email: emailOf(ctx.body), address: clientAddress() };
						const result = await guard.begin(attempt);
						if (result instanceof TooManyAttempts)
							throw new APIError(
								'TOO_MANY_REQUESTS',
								{ code: 'TOO_MANY_ATTEMPTS', message: result.message },
								{ 'retry-after': String(result.seconds) }
							);
						tickets.set(ctx.context, result);
					})
				}
			],
			after: [
				{
					matcher: guarded,
					handler: createAuthMiddleware(async (ctx) => {
						const taken = tickets.get(ctx.context);
						if (!taken) return;
						tickets.delete(ctx.context);
						// The attempt is over either way: a count that cannot be updated now (it then
						// stands as a failure) must not turn a sign-in into an error.
						await guard.end(taken, outcomeOf(ctx.context.returned)).catch((error: unknown) => {
							ctx.context.logger.error('Could not record the outcome of a sign-in attempt', error);
						});
					})
				}
			]
		}
	};
}
