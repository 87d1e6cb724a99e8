import { error } from '@sveltejs/kit';
import { exportFormatSchema } from '$lib/schemas/api';
import { exportProfile } from '$lib/server/domain/export';
import { readProfile } from '$lib/server/domain/profile-edits';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import type { RequestHandler } from './$types';

/** Downloads the profile as Markdown, JSON Resume or print-ready HTML. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = exportFormatSchema.safeParse(params.format);
	if (!format.success) error(404, 'Unknown export format');
	const view = await orNotFound(readProfile(webApp().conn.db, user.id, routeId(params.id)));
	const file = exportProfile(view, format.data);
	return new Response(file.content, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename.replace(/"/g, '')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
