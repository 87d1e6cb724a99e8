import { findUnstorable, printable } from '../../schemas/storable';

/** The domain's failures; the API maps each to one tRPC code at its edge. */

/** Absent, or another user's: the two are never told apart, so ids cannot be probed. */
export class NotFoundError extends Error {
	constructor(what: string) {
		super(`${what} not found`);
		this.name = 'NotFoundError';
	}
}

/** Input that cannot be used, with a message for the person and the path of the problem. */
export class InvalidInputError extends Error {
	constructor(
		message: string,
		readonly issues: { path: string; message: string }[] = []
	) {
		super(message);
		this.name = 'InvalidInputError';
	}
}

/** The monthly allowance of tailored profiles is used up. */
export class LimitReachedError extends Error {
	readonly cause = 'limit_reached';
	constructor(
		readonly limit: number,
		readonly used: number
	) {
		super(`You have used all ${limit} tailored profiles for this month.`);
		this.name = 'LimitReachedError';
	}
}

/** The request contradicts what was asked before (an idempotency key reused for another input). */
export class ConflictError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConflictError';
	}
}

/**
 * Refuses input PostgreSQL cannot store (a NUL character, broken Unicode, absurd nesting: see
 * `schemas/storable.ts`) before it reaches a query, naming the path at fault under `base`.
 */
export function assertStorable(value: unknown, base = ''): void {
	const issue = findUnstorable(value, { base });
	if (issue)
		throw new InvalidInputError(
			`Invalid input: ${printable(issue.path) || '/'}: ${issue.message}`,
			[issue]
		);
}
