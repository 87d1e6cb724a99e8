import { fail } from '@sveltejs/kit';
import { apiKeysInput, LIMITS } from '$lib/schemas/api';
import { createApiKey, listApiKeys, revokeApiKey } from '$lib/server/api-keys';
import { InvalidInputError } from '$lib/server/domain/errors';
import { getUsage } from '$lib/server/domain/usage';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { removeWebhook, setWebhook } from '$lib/server/webhooks';
import { requireUser, unstorableField } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const app = webApp();
	const [keys, usage] = await Promise.all([
		listApiKeys(app.conn.db, user.id),
		getUsage(app.conn.db, user.id, app.env.TAILOR_MONTHLY_LIMIT)
	]);
	return { user, keys, usage };
};

export const actions: Actions = {
	createKey: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const name = String(form.get('name') ?? '').trim();
		if (name.length > LIMITS.name)
			return fail(400, { message: `A key name has at most ${LIMITS.name} characters.` });
		const unstorable = unstorableField({ 'key name': name });
		if (unstorable) return fail(400, { message: unstorable });
		const created = await createApiKey(webApp().auth, user.id, name || undefined);
		return { created: { key: created.key, name: created.name } };
	},
	revokeKey: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const id = String(form.get('id') ?? '');
		if (!id || id.length > 200) return fail(404, { message: 'Key not found.' });
		const ok = await revokeApiKey(webApp().conn.db, user.id, id);
		if (!ok) return fail(404, { message: 'Key not found.' });
		return { revoked: true };
	},
	setWebhook: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const input = apiKeysInput.setWebhook.safeParse({
			id: String(form.get('id') ?? ''),
			url: String(form.get('url') ?? '').trim()
		});
		const keyId = String(form.get('id') ?? '');
		if (!input.success)
			return fail(400, { webhookFor: keyId, message: 'Enter the full http(s) address to notify.' });
		const app = webApp();
		try {
			const hook = await setWebhook(
				app.conn.db,
				{ allowPrivate: app.env.TAILOR_WEBHOOK_ALLOW_PRIVATE },
				user.id,
				input.data.id,
				input.data.url
			);
			if (!hook) return fail(404, { message: 'Key not found.' });
			return { webhook: { keyId, url: hook.url, secret: hook.secret } };
		} catch (e) {
			if (e instanceof InvalidInputError)
				return fail(400, {
					webhookFor: keyId,
					message: `That address cannot be used: ${e.message}.`
				});
			throw e;
		}
	},
	removeWebhook: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const id = String(form.get('id') ?? '');
		if (!id || id.length > 200 || !(await removeWebhook(webApp().conn.db, user.id, id)))
			return fail(404, { message: 'Key not found.' });
		return { webhookRemoved: true };
	}
};
