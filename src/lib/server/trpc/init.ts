import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { findUnstorable } from '../../schemas/storable';
import { InvalidInputError, LimitReachedError } from '../domain/errors';
import type { Context } from './context';
import { describeIssues, fromDomainError, issuesOf } from './errors';
import { apiSettings } from './settings';

const { sse } = apiSettings();

const t = initTRPC.context<Context>().create({
	transformer: superjson,
	errorFormatter({ shape, error }) {
		const cause = error.cause;
		const issues = error.code === 'BAD_REQUEST' ? issuesOf(cause) : null;
		const limit = cause instanceof LimitReachedError ? cause : null;
		return {
			...shape,
			message:
				cause instanceof ZodError && issues
					? describeIssues(issues)
					: error.code === 'INTERNAL_SERVER_ERROR'
						? 'Something went wrong on our side. Please try again.'
						: shape.message,
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
		ping: { enabled: true, intervalMs: sse.pingMs },
		maxDurationMs: sse.maxDurationMs,
		client: { reconnectAfterInactivityMs: sse.reconnectAfterInactivityMs }
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
 * Unicode in any string or property name, no nesting deeper than a document needs. Checked once
 * here, before any schema or domain code walks the value, and refused naming the path at fault.
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
	const issue = findUnstorable(await getRawInput());
	if (issue) throw new InvalidInputError(describeIssues([issue]), [issue]);
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
