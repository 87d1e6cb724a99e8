import {
	createTRPCClient,
	httpBatchLink,
	httpSubscriptionLink,
	isTRPCClientError,
	splitLink,
	TRPCClientError
} from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
// Types only: nothing of the server is loaded by a client.
import type { AppRouter } from '../server/trpc/router';

export type { AppRouter };
export type {
	HighlightPayload,
	JobEvent,
	JobEventType,
	JobStatus,
	JobType,
	PhasePayload,
	StatusPayload,
	StepPayload
} from '../schemas/jobs';
export type {
	ApiKeySummary,
	CareerRecord,
	Issue,
	JobView,
	ProfileView,
	Usage,
	VersionSummary
} from '../schemas/views';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { TRPCClientError };

type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;
/** One `jobs.onProgress` message: `{ id, data }`, `data` being the job event with that id. */
export type JobProgress = Yielded<RouterOutputs['jobs']['onProgress']>;

/** An error from the API: `data.code` (`NOT_FOUND`, `BAD_REQUEST`…), `data.issues`, `data.cause`. */
export type TailorError = TRPCClientError<AppRouter>;

/**
 * Whether `error` came from the API, narrowing it so that `error.data` is typed: its `code`, the
 * input `issues` (each a JSON pointer and a message) of a BAD_REQUEST, and `cause` (`limit_reached`
 * with `limit` when the monthly allowance is used up).
 */
export function isTailorError(error: unknown): error is TailorError {
	return isTRPCClientError<AppRouter>(error);
}

export type TailorClientOptions = {
	/** The app's address (`https://tailor.example.com`) or its API endpoint (`…/api/trpc`). */
	url: string;
	/** An API key from Settings (`tlr_…`); without one, a browser's session cookie is used. */
	apiKey?: string;
	/** A fetch to use instead of the global one (tests, proxies, instrumentation). */
	fetch?: typeof globalThis.fetch;
};

export type TailorClient = ReturnType<typeof createTRPCClient<AppRouter>>;

const endpoint = (url: string) => {
	const base = url.replace(/\/+$/, '');
	return base.endsWith('/api/trpc') ? base : `${base}/api/trpc`;
};

/**
 * A typed client for the Tailor API: queries and mutations batched over HTTP, `jobs.onProgress`
 * over server-sent events. The `eventsource` ponyfill is used everywhere (Node has no EventSource,
 * and the browser's cannot send an Authorization header); it resumes from the last event id.
 */
export function createTailorClient(options: TailorClientOptions): TailorClient {
	const url = endpoint(options.url);
	const authorization: Record<string, string> = options.apiKey
		? { authorization: `Bearer ${options.apiKey}` }
		: {};
	// Called through a wrapper: a browser's fetch invoked as a method of another object throws.
	const doFetch: typeof globalThis.fetch =
		options.fetch ?? ((input, init) => globalThis.fetch(input, init));
	return createTRPCClient<AppRouter>({
		links: [
			splitLink({
				condition: (op) => op.type === 'subscription',
				true: httpSubscriptionLink({
					url,
					transformer: superjson,
					EventSource,
					eventSourceOptions: {
						fetch: (input, init) =>
							doFetch(input, { ...init, headers: { ...init?.headers, ...authorization } })
					}
				}),
				false: httpBatchLink({
					url,
					transformer: superjson,
					headers: () => authorization,
					fetch: doFetch
				})
			})
		]
	});
}
