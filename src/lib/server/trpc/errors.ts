import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { printable } from '../../schemas/storable';
import {
	ConflictError,
	InvalidInputError,
	LimitReachedError,
	NotFoundError
} from '../domain/errors';
import type { Issue } from '../../schemas/views';

/** The domain's failures as tRPC errors (the original stays the `cause`); null for anything else. */
export function fromDomainError(error: unknown): TRPCError | null {
	if (error instanceof NotFoundError)
		return new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
	if (error instanceof InvalidInputError)
		return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
	if (error instanceof ConflictError)
		return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
	if (error instanceof LimitReachedError)
		return new TRPCError({ code: 'FORBIDDEN', message: error.message, cause: error });
	return null;
}

/** `['work', 0, 'name']` → `/work/0/name` (RFC 6901, like the importer's issues). */
const pointer = (path: readonly PropertyKey[]) =>
	path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The problems of a rejected input, whichever layer rejected it. */
export function issuesOf(cause: unknown): Issue[] | null {
	if (cause instanceof InvalidInputError) return cause.issues;
	if (cause instanceof ZodError)
		return cause.issues.map((i) => ({ path: pointer(i.path), message: i.message }));
	return null;
}

/** A one-line message naming the first problem, instead of zod's JSON dump. */
export function describeIssues(issues: Issue[]): string {
	const [first] = issues;
	if (!first) return 'Invalid input';
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
	return `Invalid input: ${printable(first.path) || '/'}: ${first.message}${more}`;
}
