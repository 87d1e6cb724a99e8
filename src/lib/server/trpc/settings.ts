import { z } from 'zod';
import { API_BODY_LIMIT } from '../../body-limits.js';
import { ConfigError } from '../env';

/**
 * Limits of the API edge. The defaults suit one person's browser and a script; operators (and
 * tests) can change them through the environment, checked here once like `env.ts` checks its own.
 */
const positive = (fallback: number) =>
	z.coerce
		.number({ error: 'expected a number' })
		.int({ error: 'expected a whole number' })
		.min(1, { error: 'expected a number of at least 1' })
		.default(fallback);

const schema = z.object({
	/** Requests one user or one API key may make per window. */
	TAILOR_RATE_LIMIT_POINTS: positive(300),
	TAILOR_RATE_LIMIT_WINDOW_S: positive(10),
	/** A live progress stream is closed after this long; the client reconnects where it left off. */
	TAILOR_SSE_MAX_DURATION_MS: positive(10 * 60_000),
	/** Largest request body `/api/trpc` reads. */
	TAILOR_API_BODY_LIMIT: positive(API_BODY_LIMIT)
});

export type ApiSettings = {
	rateLimit: { points: number; windowSeconds: number };
	sse: { maxDurationMs: number; pingMs: number; reconnectAfterInactivityMs: number };
	bodyLimit: number;
};

export function parseApiSettings(source: Record<string, string | undefined>): ApiSettings {
	const values = Object.fromEntries(
		Object.keys(schema.shape).flatMap((k) => {
			const v = source[k]?.trim();
			return v ? [[k, v]] : [];
		})
	);
	const result = schema.safeParse(values);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const variable = String(issue.path[0]);
		throw new ConfigError(variable, `is ${JSON.stringify(values[variable])}: ${issue.message}`);
	}
	const s = result.data;
	// A ping every 10 s keeps proxies from closing an idle stream and lets the client notice a
	// dead one: after three silent intervals it reconnects with its last event id.
	const pingMs = 10_000;
	return {
		rateLimit: { points: s.TAILOR_RATE_LIMIT_POINTS, windowSeconds: s.TAILOR_RATE_LIMIT_WINDOW_S },
		sse: {
			maxDurationMs: s.TAILOR_SSE_MAX_DURATION_MS,
			pingMs,
			reconnectAfterInactivityMs: pingMs * 3
		},
		bodyLimit: s.TAILOR_API_BODY_LIMIT
	};
}

let cached: ApiSettings | undefined;

export function apiSettings(): ApiSettings {
	return (cached ??= parseApiSettings(process.env));
}
