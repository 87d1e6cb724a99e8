import { fail, type ActionFailure } from '@sveltejs/kit';
import { FORM_BODY_LIMIT, formatBytes } from '../body-limits.js';
import { readBody } from './trpc/edge';

export type FormRefusal<T> = ActionFailure<T & { message: string }>;

type ReadFormOptions<T> = {
	/** The largest body this form takes (FORM_BODY_LIMIT unless less). */
	limit?: number;
	/** The message for a body over the limit, when the form can say what is too large. */
	tooLarge?: string;
	/** Merged into a refusal, so the page shows its message beside the form that was sent. */
	data?: T;
};

const urlEncoded = 'application/x-www-form-urlencoded';
const multipart = 'multipart/form-data';

/**
 * A form action's body, read the way a browser sends it; anything else (another content type, a
 * multipart body without its boundary or cut short, a body over the limit) is a refusal with a
 * 4xx status and a message for the page that sent the form, never a server error.
 *
 *     const form = await readForm(request);
 *     if (!(form instanceof FormData)) return form;
 */
export async function readForm<T extends Record<string, unknown> = Record<never, never>>(
	request: Request,
	{ limit = FORM_BODY_LIMIT, tooLarge, data }: ReadFormOptions<T> = {}
): Promise<FormData | FormRefusal<T>> {
	const refuse = (status: number, message: string) =>
		fail(status, { ...(data as T), message }) as FormRefusal<T>;
	const contentType = request.headers.get('content-type') ?? '';
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	if (type !== urlEncoded && type !== multipart)
		return refuse(
			415,
			`Tailor could not read this form: it was sent as ${type ? `“${type}”` : 'no content type'}, not as ${urlEncoded} or ${multipart}.`
		);
	if (type === multipart && !/;\s*boundary=("?)[^";\s]+\1/i.test(contentType))
		return refuse(400, `Tailor could not read this form: ${multipart} without a boundary.`);
	const tooLargeMessage =
		tooLarge ?? `This form is larger than ${formatBytes(limit)}, the most Tailor takes at once.`;
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) return refuse(413, tooLargeMessage);
	const body = await readBody(request, limit);
	if (body === 'too-large') return refuse(413, tooLargeMessage);
	if (body === 'server-cap') return refuse(413, 'This form is larger than the server accepts.');
	try {
		return await new Response(body, { headers: { 'content-type': contentType } }).formData();
	} catch {
		return refuse(400, `Tailor could not read this form: the body is not valid ${type}.`);
	}
}
