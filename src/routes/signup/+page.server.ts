import { fail, redirect } from '@sveltejs/kit';
import { authErrorMessage, authErrorStatus } from '$lib/server/auth-errors';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { unstorableField } from '$lib/ui/guard.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request, { data: { name: '', email: '' } });
		if (!(form instanceof FormData)) return form;
		const name = String(form.get('name') ?? '').trim();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !password) {
			return fail(400, { name, email, message: 'Enter an email and a password.' });
		}
		if (password.length < 8) {
			return fail(400, { name, email, message: 'Use a password of at least 8 characters.' });
		}
		if (name.length > 100 || email.length > 254 || password.length > 128)
			return fail(400, {
				name: name.slice(0, 100),
				email: email.slice(0, 254),
				message: 'A name has at most 100 characters, an email 254 and a password 128.'
			});
		const unstorable = unstorableField({ name, email, password });
		if (unstorable) return fail(400, { name: '', email: '', message: unstorable });
		try {
			await webApp().auth.api.signUpEmail({
				body: { name: name || email.split('@')[0]!, email, password },
				headers: request.headers
			});
		} catch (error) {
			const message = authErrorMessage(error, 'Sign-up failed. Try again.');
			if (message) return fail(authErrorStatus(error), { name, email, message });
			throw error;
		}
		redirect(303, '/');
	}
};
