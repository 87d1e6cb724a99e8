import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * Refusals made before a request reaches tRPC (origin, size, rate), answered in tRPC's error
 * shape (superjson-wrapped) so the typed client reports them like any other error.
 */
export function apiError(
	status: number,
	code: TRPC_ERROR_CODE_KEY,
	message: string,
	headers: Record<string, string> = {}
): Response {
	const error = {
		message,
		code: TRPC_ERROR_CODES_BY_KEY[code],
		data: { code, httpStatus: status }
	};
	return new Response(JSON.stringify({ error: { json: error } }), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

export const tooLarge = (limit: number) =>
	apiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);

/** A declared body size over the limit is refused before anything is read. */
export function declaredTooLarge(request: Request, limit: number): boolean {
	const length = Number(request.headers.get('content-length'));
	return Number.isFinite(length) && length > limit;
}

/**
 * Reads the body up to `limit` bytes; a larger one (a chunked body has no declared length, and
 * adapter-node's own BODY_SIZE_LIMIT may stop it first) is answered with 413, not parsed.
 */
export async function readLimited(
	request: Request,
	limit: number
): Promise<Uint8Array<ArrayBuffer> | Response> {
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel().catch(() => {});
				return tooLarge(limit);
			}
			chunks.push(value);
		}
	} catch (error) {
		// adapter-node's BODY_SIZE_LIMIT (512 kB unless set) can be the lower of the two limits.
		if ((error as { status?: number }).status === 413)
			return apiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
		throw error;
	}
	const body = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		body.set(c, at);
		at += c.byteLength;
	}
	return body;
}

/**
 * Cross-site request forgery guard for cookie-authenticated calls: a POST that could carry the
 * session cookie must come from this origin. A request with a Bearer key carries its credential
 * explicitly, so it needs no Origin (scripts and servers send none).
 */
export function forbiddenOrigin(request: Request, origin: string, hasBearer: boolean): boolean {
	if (request.method !== 'POST' || hasBearer) return false;
	const from = request.headers.get('origin');
	if (from) return from !== origin;
	// No Origin: refused only when there is a cookie to abuse (browsers always send Origin on POST).
	return /(^|;\s*)[^=]*session_token=/.test(request.headers.get('cookie') ?? '');
}
