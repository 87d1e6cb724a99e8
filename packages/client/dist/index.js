import { TRPCClientError, createTRPCClient, httpBatchLink, httpSubscriptionLink, isTRPCClientError, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import superjson from "superjson";
//#region ../../src/lib/client/index.ts
/**
* Whether `error` came from the API, narrowing it so that `error.data` is typed: its `code`, the
* input `issues` (each a JSON pointer and a message) of a BAD_REQUEST, and `cause` (`limit_reached`
* with `limit` when the monthly allowance is used up).
*/
function isTailorError(error) {
	return isTRPCClientError(error);
}
const endpoint = (url) => {
	const base = url.replace(/\/+$/, "");
	return base.endsWith("/api/trpc") ? base : `${base}/api/trpc`;
};
/**
* A typed client for the Tailor API: queries and mutations batched over HTTP, `jobs.onProgress`
* over server-sent events. The `eventsource` ponyfill is used everywhere (Node has no EventSource,
* and the browser's cannot send an Authorization header); it resumes from the last event id.
*/
function createTailorClient(options) {
	const url = endpoint(options.url);
	const authorization = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
	const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
	return createTRPCClient({ links: [splitLink({
		condition: (op) => op.type === "subscription",
		true: httpSubscriptionLink({
			url,
			transformer: superjson,
			EventSource,
			eventSourceOptions: { fetch: (input, init) => doFetch(input, {
				...init,
				headers: {
					...init?.headers,
					...authorization
				}
			}) }
		}),
		false: httpBatchLink({
			url,
			transformer: superjson,
			headers: () => authorization,
			fetch: doFetch
		})
	})] });
}
//#endregion
export { TRPCClientError, createTailorClient, isTailorError };
