import { fail } from '@sveltejs/kit';
import { LIMITS } from '$lib/schemas/api';
import { createApiKey, listApiKeys, revokeApiKey } from '$lib/server/api-keys';
import { getUsage } from '$lib/server/domain/usage';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
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
	}
};
