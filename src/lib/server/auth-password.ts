import { dictionary } from '@zxcvbn-ts/language-common';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';

/**
 * The password policy of NIST SP 800-63B (§3.1.1.2): at least 8 characters and at most 128, not
 * only whitespace, and not one of the passwords people pick most often. No composition rules
 * (digits, symbols, mixed case), which the guideline advises against.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = { code: string; message: string };

/** The common-password list of zxcvbn-ts (about 49,000 entries, lower case), read on first use. */
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

/** Why a new password is refused, or null when it may be used. */
export function passwordProblem(password: string): PasswordProblem | null {
	if (password.length < PASSWORD_MIN_LENGTH)
		return {
			code: 'PASSWORD_TOO_SHORT',
			message: `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`
		};
	if (password.length > PASSWORD_MAX_LENGTH)
		return {
			code: 'PASSWORD_TOO_LONG',
			message: `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.`
		};
	if (password.trim() === '')
		return {
			code: 'PASSWORD_ONLY_WHITESPACE',
			message: 'A password of only spaces is too easy to guess: add some other characters.'
		};
	if (commonPasswords().has(password.trim().toLowerCase()))
		return {
			code: 'PASSWORD_TOO_COMMON',
			message:
				'That password is one of the most commonly used, so it is easy to guess. Choose another, such as a few unrelated words.'
		};
	return null;
}

/**
 * A password offered to sign in: any length up to the maximum, so a megabyte of "password" is
 * refused before it is hashed (no account can have one that long).
 */
export function signInPasswordProblem(password: string): PasswordProblem | null {
	return password.length > PASSWORD_MAX_LENGTH
		? {
				code: 'PASSWORD_TOO_LONG',
				message: `A password has at most ${PASSWORD_MAX_LENGTH} characters.`
			}
		: null;
}

/** Where better-auth takes a new password, and the body field that holds it. */
const NEW_PASSWORD_FIELDS: Record<string, string> = {
	'/sign-up/email': 'password',
	'/change-password': 'newPassword',
	'/reset-password': 'newPassword',
	'/set-password': 'newPassword'
};

/**
 * Holds every way better-auth takes a password (over HTTP and through `auth.api`) to the policy.
 * A refusal is better-auth's own error answer: 400 with a JSON `{ code, message }`.
 */
export function passwordPolicyPlugin(): BetterAuthPlugin {
	const refuse = (problem: PasswordProblem | null) => {
		if (problem) throw new APIError('BAD_REQUEST', problem);
	};
	const field = (body: unknown, name: string) => {
		const value = (body as Record<string, unknown> | null | undefined)?.[name];
		return typeof value === 'string' ? value : null;
	};
	return {
		id: 'tailor-password-policy',
		hooks: {
			before: [
				{
					matcher: (ctx) => !!ctx.path && Object.hasOwn(NEW_PASSWORD_FIELDS, ctx.path),
					handler: createAuthMiddleware(async (ctx) => {
						const password = field(ctx.body, NEW_PASSWORD_FIELDS[ctx.path]!);
						// A missing or non-string password is better-auth's own validation error.
						if (password !== null) refuse(passwordProblem(password));
					})
				},
				{
					matcher: (ctx) => ctx.path === '/sign-in/email',
					handler: createAuthMiddleware(async (ctx) => {
						const password = field(ctx.body, 'password');
						if (password !== null) refuse(signInPasswordProblem(password));
					})
				}
			]
		}
	};
}
