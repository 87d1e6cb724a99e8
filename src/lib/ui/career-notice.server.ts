import type { Cookies } from '@sveltejs/kit';

/**
 * What happened to an import reviewed on /career/review, told once on /career after the
 * redirect: a short-lived cookie holding only the counts, so the page words the message itself.
 */

const COOKIE = 'career_notice';

export type CareerNotice =
	{ kind: 'imported'; items: number; claims: number } | { kind: 'discarded' };

export function setCareerNotice(cookies: Cookies, url: URL, notice: CareerNotice) {
	const value =
		notice.kind === 'imported' ? `imported.${notice.items}.${notice.claims}` : 'discarded';
	cookies.set(COOKIE, value, {
		path: '/career',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60
	});
}

/** The notice waiting for /career, as a sentence (read once: the cookie is deleted). */
export function takeCareerNotice(cookies: Cookies, url: URL): string | null {
	const value = cookies.get(COOKIE);
	if (value === undefined) return null;
	cookies.delete(COOKIE, { path: '/career', secure: url.protocol === 'https:' });
	const imported = /^imported\.(\d{1,6})\.(\d{1,6})$/.exec(value);
	if (imported) return `Imported ${imported[1]} items and ${imported[2]} facts.`;
	return value === 'discarded' ? 'Import discarded. Your record is as it was.' : null;
}
