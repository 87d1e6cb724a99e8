import { redirect } from '@sveltejs/kit';
import { webApp } from '$lib/server/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request }) => {
		await webApp().auth.api.signOut({ headers: request.headers });
		redirect(303, '/login');
	}
};
