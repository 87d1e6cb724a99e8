import { fail, redirect } from '@sveltejs/kit';
import { JSON_RESUME_LIMIT, RESUME_FILE_LIMIT, formatBytes } from '$lib/body-limits.js';
import { LIMITS } from '$lib/schemas/api';
import { claimKindSchema, type CareerItem, type Claim } from '$lib/schemas/career';
import { decodeText, documentKind, importDocument } from '$lib/server/career/document';
import { CareerImportError } from '$lib/server/career/json-resume';
import { parseTextResume } from '$lib/server/career/text-resume';
import {
	createClaim,
	deleteClaim,
	getCareer,
	replaceCareer,
	updateClaim
} from '$lib/server/domain/career';
import { getCareerDraft, saveCareerDraft } from '$lib/server/domain/career-drafts';
import { InvalidInputError } from '$lib/server/domain/errors';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { takeCareerNotice } from '$lib/ui/career-notice.server';
import { orNotFound, requireUser, routeId, unstorableField } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const user = requireUser(locals, url);
	const db = webApp().conn.db;
	const [career, draft] = await Promise.all([getCareer(db, user.id), getCareerDraft(db, user.id)]);
	const claimsOf = (itemId: string | null) => career.claims.filter((c) => c.itemId === itemId);
	const sections: { section: string; entries: { item: CareerItem; claims: Claim[] }[] }[] = [];
	for (const item of career.items) {
		let group = sections.find((s) => s.section === item.section);
		if (!group) sections.push((group = { section: item.section, entries: [] }));
		group.entries.push({ item, claims: claimsOf(item.id) });
	}
	return {
		career,
		sections,
		loose: claimsOf(null),
		draft: draft && { source: draft.source, createdAt: draft.createdAt.toISOString() },
		notice: takeCareerNotice(cookies, url)
	};
};

const fileTooLarge = `That file is too large (${formatBytes(RESUME_FILE_LIMIT)} at most).`;
const jsonTooLarge = `That JSON Resume is too large (${formatBytes(JSON_RESUME_LIMIT)} at most).`;
const textTooLong = `That is too long (${LIMITS.longText.toLocaleString('en')} characters at most).`;

/** What was pasted, given back to the form after a refusal (unless too long to send back). */
const kept = (text: string) => (text.length <= LIMITS.longText ? text : '');

/** A JSON Resume replaces the record at once: it is exact, there is nothing to review. */
async function importJson(userId: string, text: string, pasted: string) {
	if (Buffer.byteLength(text) > JSON_RESUME_LIMIT)
		return fail(413, { form: 'import', message: jsonTooLarge, text: kept(pasted) });
	let resume: unknown;
	try {
		resume = JSON.parse(text);
	} catch (e) {
		return fail(400, {
			form: 'import',
			text: kept(pasted),
			message: `That is not valid JSON: ${e instanceof Error ? e.message : String(e)}`
		});
	}
	try {
		const counts = await replaceCareer(webApp().conn.db, userId, resume);
		return {
			form: 'import',
			imported: `Imported ${counts.items} items and ${counts.claims} facts.`
		};
	} catch (e) {
		if (e instanceof InvalidInputError)
			return fail(400, {
				form: 'import',
				text: kept(pasted),
				message: e.message,
				issues: e.issues
			});
		throw e;
	}
}

/** Any other resume is read into a draft and shown for review before it replaces the record. */
async function toReview(
	userId: string,
	read: () => Promise<unknown>,
	source: string,
	pasted: string
) {
	try {
		await saveCareerDraft(webApp().conn.db, userId, await read(), source);
	} catch (e) {
		if (e instanceof CareerImportError || e instanceof InvalidInputError)
			return fail(400, { form: 'import', text: kept(pasted), message: e.message });
		throw e;
	}
	redirect(303, '/career/review');
}

export const actions: Actions = {
	/**
	 * One form for every way in: a file (PDF, Word, text, Markdown or JSON Resume, told apart by
	 * what it holds) or pasted text (a JSON Resume when it is one).
	 */
	import: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'import' }, tooLarge: fileTooLarge });
		if (!(form instanceof FormData)) return form;
		const file = form.get('file');
		const pasted = String(form.get('text') ?? '').trim();
		if (file instanceof File && file.size > 0) {
			if (file.size > RESUME_FILE_LIMIT)
				return fail(413, { form: 'import', message: fileTooLarge, text: kept(pasted) });
			const bytes = new Uint8Array(await file.arrayBuffer());
			try {
				if (documentKind(bytes, file.name, file.type) === 'json')
					return importJson(user.id, (decodeText(bytes) ?? '').trim(), pasted);
			} catch (e) {
				if (e instanceof CareerImportError)
					return fail(400, { form: 'import', text: kept(pasted), message: e.message });
				throw e;
			}
			return toReview(
				user.id,
				() => importDocument(bytes, file.name, file.type),
				file.name,
				pasted
			);
		}
		if (!pasted)
			return fail(400, { form: 'import', message: 'Choose your resume file, or paste its text.' });
		if (pasted.startsWith('{')) return importJson(user.id, pasted, pasted);
		const unstorable = unstorableField({ text: pasted });
		if (unstorable) return fail(400, { form: 'import', text: kept(pasted), message: unstorable });
		if (pasted.length > LIMITS.longText)
			return fail(400, { form: 'import', text: kept(pasted), message: textTooLong });
		return toReview(user.id, async () => parseTextResume(pasted), 'pasted text', pasted);
	},
	addClaim: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'claim' } });
		if (!(form instanceof FormData)) return form;
		const itemId = String(form.get('itemId') ?? '').trim();
		const text = String(form.get('text') ?? '').trim();
		const kind = claimKindSchema.safeParse(String(form.get('kind') ?? 'highlight'));
		const target = itemId || 'new';
		if (!text) return fail(400, { form: 'add', target, message: 'Write the fact first.' });
		if (text.length > LIMITS.shortText)
			return fail(400, { form: 'add', target, message: `At most ${LIMITS.shortText} characters.` });
		if (!kind.success) return fail(400, { form: 'add', target, message: 'Choose a kind of fact.' });
		const unstorable = unstorableField({ fact: text });
		if (unstorable) return fail(400, { form: 'add', target, message: unstorable });
		try {
			await orNotFound(
				createClaim(webApp().conn.db, user.id, {
					text,
					kind: kind.data,
					itemId: itemId ? routeId(itemId) : null
				})
			);
		} catch (e) {
			if (e instanceof InvalidInputError)
				return fail(400, { form: 'add', target, message: e.message });
			throw e;
		}
		return { form: 'add', target, imported: 'Fact added.' };
	},
	editClaim: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'claim' } });
		if (!(form instanceof FormData)) return form;
		const id = routeId(String(form.get('id') ?? ''));
		const text = String(form.get('text') ?? '').trim();
		if (!text) return fail(400, { form: 'claim', message: 'A fact cannot be empty.' });
		if (text.length > LIMITS.shortText)
			return fail(400, { form: 'claim', message: `At most ${LIMITS.shortText} characters.` });
		const unstorable = unstorableField({ fact: text });
		if (unstorable) return fail(400, { form: 'claim', message: unstorable });
		try {
			await orNotFound(updateClaim(webApp().conn.db, user.id, id, { text }));
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { form: 'claim', message: e.message });
			throw e;
		}
		return { form: 'claim', imported: 'Fact updated.' };
	},
	deleteClaim: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'claim' } });
		if (!(form instanceof FormData)) return form;
		const id = routeId(String(form.get('id') ?? ''));
		await orNotFound(deleteClaim(webApp().conn.db, user.id, id));
		return { form: 'claim', imported: 'Fact deleted.' };
	}
};
