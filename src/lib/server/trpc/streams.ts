import { apiError } from './edge';

/**
 * How many live `jobs.onProgress` streams each caller (an API key, or a signed-in user's
 * sessions) holds open in this process. A stream takes a slot before it opens and gives it back
 * when its response ends, however it ends: the job finished, the client went away, the server
 * closed it.
 */
export class StreamSlots {
	#open = new Map<string, number>();

	constructor(readonly max: number) {}

	/** A release for the new stream's slot, or null when the caller holds `max` already. */
	take(caller: string): (() => void) | null {
		const open = this.#open.get(caller) ?? 0;
		if (open >= this.max) return null;
		this.#open.set(caller, open + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const left = (this.#open.get(caller) ?? 1) - 1;
			if (left > 0) this.#open.set(caller, left);
			else this.#open.delete(caller);
		};
	}

	open(caller: string): number {
		return this.#open.get(caller) ?? 0;
	}
}

/** The procedure path of a tRPC request, decoded as tRPC decodes it (`jobs.onProgress`). */
export function procedurePath(pathname: string): string | null {
	const path = pathname.replace(/^\/api\/trpc/, '').replace(/^\/+|\/+$/g, '');
	try {
		return decodeURIComponent(path);
	} catch {
		return null;
	}
}

export const tooManyStreams = (max: number) =>
	apiError(
		429,
		'TOO_MANY_REQUESTS',
		`Too many live progress streams: at most ${max} may be open at once. Close one before opening another.`
	);

/** The same response, giving the slot back once its body has been read to the end or cancelled. */
export function releasingSlot(response: Response, release: () => void): Response {
	if (!response.body) {
		release();
		return response;
	}
	const reader = response.body.getReader();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done, value } = await reader.read();
				if (done) {
					release();
					controller.close();
				} else controller.enqueue(value);
			} catch (error) {
				release();
				controller.error(error);
			}
		},
		cancel(reason) {
			release();
			return reader.cancel(reason);
		}
	});
	return new Response(body, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}
