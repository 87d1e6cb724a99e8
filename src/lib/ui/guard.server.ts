import { error, redirect } from '@sveltejs/kit';
import { idSchema } from '$lib/schemas/api';
import { unstorableReason } from '$lib/schemas/storable';
import { NotFoundError } from '$lib/server/domain/errors';

/** The signed-in user, or a redirect to sign-in that comes back to this page. */
export function requireUser(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** A route id parameter: a malformed id is simply "not found". */
export function routeId(value: string): string {
	if (!idSchema.safeParse(value).success) error(404, 'Not found');
	return value;
}

/** Awaits a domain call, turning its NotFoundError into the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
}

/**
 * The first form field PostgreSQL could not store (a NUL character, broken Unicode), as a message
 * for the person; null when all can be stored.
 */
export function unstorableField(fields: Record<string, string>): string | null {
	for (const [label, value] of Object.entries(fields)) {
		const reason = unstorableReason(value);
		if (reason) return `The ${label} ${reason}.`;
	}
	return null;
}
