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
 * Reads a body up to `limit` bytes, or answers `'too-large'` without reading the rest (a chunked
 * body has no declared length). `'server-cap'`: adapter-node's own BODY_SIZE_LIMIT, when an
 * operator set it lower, stopped the body first.
 */
export async function readBody(
	request: Request,
	limit: number
): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'server-cap'> {
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
				void discardRest(reader);
				return 'too-large';
			}
			chunks.push(value);
		}
	} catch (error) {
		if ((error as { status?: number }).status === 413) return 'server-cap';
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

/** Past this much more, a body is cut off (the connection closed) instead of read to its end. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/**
 * Reads the rest of a refused body and drops it, as adapter-node does past its own limit: a client
 * still sending would otherwise see the connection reset instead of the answer.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
	let dropped = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			dropped += value.byteLength;
			if (dropped > DISCARD_LIMIT) {
				await reader.cancel();
				return;
			}
		}
	} catch {
		// The client went away.
	}
}

/** Reads a tRPC request's body up to `limit` bytes; a larger one is answered with 413, not parsed. */
export async function readLimited(
	request: Request,
	limit: number
): Promise<Uint8Array<ArrayBuffer> | Response> {
	const body = await readBody(request, limit);
	if (body === 'too-large') return tooLarge(limit);
	if (body === 'server-cap')
		return apiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
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

/** A refusal of a request to better-auth's endpoints, in better-auth's own error shape. */
export function authError(status: number, code: string, message: string): Response {
	return new Response(JSON.stringify({ code, message }), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}
