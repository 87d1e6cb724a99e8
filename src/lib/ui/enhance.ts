/** The one `use:enhance` callback of the app's forms (browser-safe). */
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';

type SubmitInput = Parameters<SubmitFunction>[0];

export type PendingOptions = {
	/**
	 * Told `true` as the form is sent and `false` once its result is applied (a button then reads
	 * "Saving…" and is disabled); `submitter` is the button that sent it.
	 */
	pending?: (busy: boolean, submitter: HTMLElement | null) => void;
	/** A question asked first: the form is sent only if the person agrees. */
	confirm?: string;
	/** Runs as the form is sent, after `confirm`; returning `false` keeps it from being sent. */
	before?: (input: SubmitInput) => boolean | void;
	/** Whether the form is emptied after a success (SvelteKit's default, `true`). */
	reset?: boolean | ((result: ActionResult) => boolean);
	/** Runs once the result is applied. */
	after?: (result: ActionResult) => void;
};

/**
 * A `use:enhance` submit function: the form is sent and its result applied as SvelteKit's own
 * `update()` does, with a pending flag around it. Without JavaScript the form still posts as usual.
 */
export function pendingEnhance(options: PendingOptions = {}): SubmitFunction {
	const { pending, before, reset, after } = options;
	return (input) => {
		const question = options.confirm;
		if ((question && !confirm(question)) || before?.(input) === false) {
			input.cancel();
			return;
		}
		const submitter = input.submitter;
		pending?.(true, submitter);
		return async ({ result, update }) => {
			try {
				await update({ reset: typeof reset === 'function' ? reset(result) : reset });
				after?.(result);
			} finally {
				pending?.(false, submitter);
			}
		};
	};
}
