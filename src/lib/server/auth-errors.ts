import { isAPIError } from 'better-auth/api';

/** A message fit to show on the sign-in and sign-up forms for an error thrown by better-auth. */
export function authErrorMessage(error: unknown, fallback: string): string | null {
	if (!isAPIError(error)) return null;
	const body = error.body as { message?: string; code?: string } | undefined;
	switch (body?.code) {
		case 'INVALID_EMAIL_OR_PASSWORD':
			return 'That email and password do not match an account.';
		case 'USER_ALREADY_EXISTS':
		case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
			return 'An account with that email already exists. Sign in instead?';
		case 'PASSWORD_TOO_SHORT':
			return 'Use a password of at least 8 characters.';
		case 'INVALID_EMAIL':
			return 'Enter a valid email address.';
	}
	return body?.message ?? fallback;
}

/** The status a form should answer with for a refused sign-in or sign-up (429 stays 429). */
export function authErrorStatus(error: unknown): 400 | 403 | 409 | 413 | 422 | 429 {
	const status = isAPIError(error) ? Number(error.statusCode) : 400;
	return ([403, 409, 413, 422, 429] as const).find((s) => s === status) ?? 400;
}
