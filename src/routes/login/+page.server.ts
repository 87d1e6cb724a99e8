import { fail, redirect } from '@sveltejs/kit';
import { authErrorMessage, authErrorStatus } from '$lib/server/auth-errors';
import { readForm } from '$lib/server/forms';
import { webApp } from '$lib/server/web';
import { safeRedirect } from '$lib/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const form = await readForm(request, { data: { email: '' } });
		if (!(form instanceof FormData)) return form;
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { email, message: 'Enter your email and password.' });
		try {
			await webApp().auth.api.signInEmail({ body: { email, password }, headers: request.headers });
		} catch (error) {
			const message = authErrorMessage(error, 'Sign-in failed. Try again.');
			if (message) return fail(authErrorStatus(error), { email, message });
			throw error;
		}
		redirect(303, safeRedirect(url.searchParams.get('next')));
	}
};
