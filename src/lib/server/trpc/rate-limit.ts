import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { apiError } from './edge';

/**
 * Requests per user (session), per API key, or per address for anonymous callers, in a fixed
 * window. The count lives in this process's memory: with N web processes behind a balancer a
 * client gets up to N times the allowance, which is the point of a generous per-process limit.
 */
export class ApiRateLimiter {
	#limiter: RateLimiterMemory;

	constructor(
		readonly points: number,
		readonly windowSeconds: number
	) {
		this.#limiter = new RateLimiterMemory({ points, duration: windowSeconds });
	}

	/** null when the request may go on, else the 429 to answer with. */
	async consume(key: string, points = 1): Promise<Response | null> {
		try {
			await this.#limiter.consume(key, points);
			return null;
		} catch (rejection) {
			if (!(rejection instanceof RateLimiterRes)) throw rejection;
			const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
			return apiError(
				429,
				'TOO_MANY_REQUESTS',
				`Too many requests: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
				{
					'retry-after': String(seconds),
					'x-ratelimit-limit': String(this.points),
					'x-ratelimit-remaining': '0'
				}
			);
		}
	}
}

/** A batched request (`/api/trpc/a,b,c`) costs one point per procedure call in it. */
export function callsIn(pathname: string): number {
	const paths = pathname.replace(/^\/api\/trpc\/?/, '');
	return Math.max(1, paths.split(',').length);
}

/** The limiter key of a caller. An API key is counted by a digest, never kept in memory as is. */
export function rateLimitKey(caller: {
	userId: string | null;
	apiKey: string | null;
	address: string;
}): string {
	if (caller.apiKey) return `key:${createHash('sha256').update(caller.apiKey).digest('base64url')}`;
	if (caller.userId) return `user:${caller.userId}`;
	return `ip:${caller.address}`;
}
