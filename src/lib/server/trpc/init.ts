import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { findUnstorable, MAX_DEPTH, printable } from '../../schemas/storable';
import { InvalidInputError, LimitReachedError } from '../domain/errors';
import type { Context } from './context';
import { describeIssues, fromDomainError, issuesOf } from './errors';
import { env } from '../env';

// A ping every 10 s keeps proxies from closing an idle stream and lets the client notice a dead
// one: after three silent intervals it reconnects with its last event id.
const SSE_PING_MS = 10_000;

/** A BAD_REQUEST naming the part of the input that cannot be stored. */
function unstorable(issue: { path: string; message: string }): TRPCError {
	const cause = new InvalidInputError(describeIssues([issue]), [issue]);
	return new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}

/**
 * superjson, with each request's input checked before superjson reads it: superjson copies the
 * input recursively, so JSON nested thousands of levels deep overflowed the stack before any
 * schema saw it. The envelope's own `json` level is left out of the paths reported, and a
 * `meta` superjson cannot apply is refused as such.
 */
const transformer = {
	input: {
		serialize: (value: unknown) => superjson.serialize(value),
		deserialize: (payload: unknown) => {
			const issue = findUnstorable(payload, { maxDepth: MAX_DEPTH + 1 });
			if (issue) throw unstorable({ ...issue, path: issue.path.replace(/^\/json(?=\/|$)/, '') });
			try {
				return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
			} catch (cause) {
				// Annotations for paths the value does not have, made-up types, `__proto__`: superjson
				// throws whatever it meets (a TypeError, even a stack overflow) on such a `meta`.
				throw new TRPCError({
					code: 'BAD_REQUEST',
					message: 'Unreadable input: its superjson `meta` does not fit its `json` value.',
					cause
				});
			}
		}
	},
	output: superjson
};

const t = initTRPC.context<Context>().create({
	transformer,
	errorFormatter({ shape, error }) {
		const cause = error.cause;
		const issues = error.code === 'BAD_REQUEST' ? issuesOf(cause) : null;
		const limit = cause instanceof LimitReachedError ? cause : null;
		return {
			...shape,
			// Printable: a parser's message may quote the input, control characters and all.
			message: printable(
				cause instanceof ZodError && issues
					? describeIssues(issues)
					: error.code === 'INTERNAL_SERVER_ERROR'
						? 'Something went wrong on our side. Please try again.'
						: shape.message
			),
			data: {
				...shape.data,
				zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
				issues,
				/** `'limit_reached'` when the monthly allowance is used up (FORBIDDEN). */
				cause: limit ? ('limit_reached' as const) : null,
				limit: limit ? { limit: limit.limit, used: limit.used } : null
			}
		};
	},
	sse: {
		ping: { enabled: true, intervalMs: SSE_PING_MS },
		maxDurationMs: env().TAILOR_SSE_MAX_DURATION_MS,
		client: { reconnectAfterInactivityMs: SSE_PING_MS * 3 }
	}
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC codes here, at the edge, and nowhere else. */
const domainErrors = t.middleware(async ({ next }) => {
	const result = await next();
	if (!result.ok) {
		const mapped = fromDomainError(result.error.cause);
		if (mapped) throw mapped;
	}
	return result;
});

/**
 * Whatever a procedure's schema accepts, its input must be storable: no NUL character or broken
 * Unicode in any string or property name, no nesting deeper than a document needs. Refused naming
 * the path at fault, before any schema or domain code walks the value. (Requests over HTTP were
 * checked by the transformer already; server-side callers skip it.)
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
	const issue = findUnstorable(await getRawInput());
	if (issue) throw unstorable(issue);
	return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(storableInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
	if (!ctx.user)
		throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in or use an API key.' });
	return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Only a signed-in browser session: an API key cannot mint more keys, or a leaked key would
 * outlive its own revocation.
 */
export const sessionProcedure = authedProcedure.use(({ ctx, next }) => {
	if (ctx.authMethod !== 'session')
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'API keys are created from a signed-in session (Settings → API keys).'
		});
	return next();
});
