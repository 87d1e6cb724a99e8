import { fail, redirect } from '@sveltejs/kit';
import { JSON_RESUME_LIMIT, formatBytes } from '$lib/body-limits.js';
import { LIMITS } from '$lib/schemas/api';
import { claimKindSchema, type CareerItem, type Claim } from '$lib/schemas/career';
import {
	createClaim,
	deleteClaim,
	getCareer,
	replaceCareer,
	updateClaim
} from '$lib/server/domain/career';
import { InvalidInputError } from '$lib/server/domain/errors';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId, unstorableField } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const career = await getCareer(webApp().conn.db, user.id);
	const claimsOf = (itemId: string | null) => career.claims.filter((c) => c.itemId === itemId);
	const sections: { section: string; entries: { item: CareerItem; claims: Claim[] }[] }[] = [];
	for (const item of career.items) {
		let group = sections.find((s) => s.section === item.section);
		if (!group) sections.push((group = { section: item.section, entries: [] }));
		group.entries.push({ item, claims: claimsOf(item.id) });
	}
	return { career, sections, loose: claimsOf(null) };
};

const jsonTooLarge = `That JSON Resume is too large (${formatBytes(JSON_RESUME_LIMIT)} at most).`;
const textTooLong = `That is too long (${LIMITS.longText.toLocaleString('en')} characters at most).`;

export const actions: Actions = {
	json: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'json' }, tooLarge: jsonTooLarge });
		if (!(form instanceof FormData)) return form;
		const file = form.get('file');
		let text = String(form.get('json') ?? '').trim();
		if (file instanceof File && file.size > 0) {
			if (file.size > JSON_RESUME_LIMIT) return fail(413, { form: 'json', message: jsonTooLarge });
			text = (await file.text()).trim();
		} else if (Buffer.byteLength(text) > JSON_RESUME_LIMIT) {
			return fail(413, { form: 'json', message: jsonTooLarge });
		}
		if (!text)
			return fail(400, { form: 'json', message: 'Choose a JSON Resume file or paste one.' });
		let resume: unknown;
		try {
			resume = JSON.parse(text);
		} catch (e) {
			return fail(400, {
				form: 'json',
				json: text.length <= LIMITS.longText ? text : '',
				message: `That is not valid JSON: ${e instanceof Error ? e.message : String(e)}`
			});
		}
		try {
			const counts = await replaceCareer(webApp().conn.db, user.id, resume);
			return {
				form: 'json',
				imported: `Imported ${counts.items} items and ${counts.claims} facts.`
			};
		} catch (e) {
			if (e instanceof InvalidInputError)
				return fail(400, {
					form: 'json',
					json: text.length <= LIMITS.longText ? text : '',
					message: e.message,
					issues: e.issues
				});
			throw e;
		}
	},
	text: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request, { data: { form: 'text' }, tooLarge: textTooLong });
		if (!(form instanceof FormData)) return form;
		const text = String(form.get('text') ?? '').trim();
		if (!text) return fail(400, { form: 'text', message: 'Paste your resume’s text.' });
		const unstorable = unstorableField({ text });
		if (unstorable) return fail(400, { form: 'text', message: unstorable });
		if (text.length > LIMITS.longText) return fail(400, { form: 'text', message: textTooLong });
		const job = await webApp().jobs.enqueue({ userId: user.id, type: 'resume', input: { text } });
		redirect(303, `/jobs/${job.id}`);
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
