import { error } from '@sveltejs/kit';
import { exportFormatSchema, exportQuerySchema } from '$lib/schemas/api';
import { readProfile } from '$lib/server/domain/profile-edits';
import { exportProfile } from '$lib/server/export';
import { webApp } from '$lib/server/web';
import { orNotFound, requireUser, routeId } from '$lib/ui/guard.server';
import type { RequestHandler } from './$types';

/**
 * Downloads the profile as PDF, Word, Markdown, JSON Resume, print-ready HTML or the notes;
 * `?template=modern&paper=letter` choose the look and paper. A template or paper that does not
 * exist is a 400 naming the ones that do.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const format = exportFormatSchema.safeParse(params.format);
	if (!format.success) error(404, 'Unknown export format');
	const query = exportQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(400, query.error.issues.map((i) => i.message).join('; '));
	const view = await orNotFound(readProfile(webApp().conn.db, user.id, routeId(params.id)));
	const file = await exportProfile(view, format.data, query.data);
	return new Response(file.content, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename.replace(/"/g, '')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
