/**
 * A readable sentence for an answer that is not the form's own result: a refusal by the server's
 * edge (403 cross-site, 413, 415, 429 with Retry-After), or a server error, whatever its body is
 * (better-auth's or SvelteKit's JSON `{ message }`, a plain-text line, an HTML page).
 */

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); null when absent or past. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
	const value = header?.trim();
	if (!value) return null;
	if (/^\d+$/.test(value)) return Number(value) > 0 ? Number(value) : null;
	const at = Date.parse(value);
	if (Number.isNaN(at)) return null;
	const seconds = Math.ceil((at - now) / 1000);
	return seconds > 0 ? seconds : null;
}

/** "Try again in 30 seconds." */
export const tryAgainIn = (seconds: number) =>
	`Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;

/** Adds when to try again, unless the message already says so. */
export function withRetryAfter(message: string, header: string | null, now = Date.now()): string {
	const seconds = retryAfterSeconds(header, now);
	if (seconds === null || /try again in/i.test(message)) return message;
	return `${message.replace(/\s*$/, '')}${/[.!?]$/.test(message.trim()) ? '' : '.'} ${tryAgainIn(seconds)}`;
}

/** The message a body carries: a JSON `message` (or SvelteKit's `error.message`), or short text. */
export function bodyMessage(body: string): string | null {
	const text = body.trim();
	if (!text) return null;
	try {
		const parsed = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } };
		const message = parsed?.message ?? parsed?.error?.message;
		return typeof message === 'string' && message.trim() ? message.trim() : null;
	} catch {
		// Plain text, not a page.
		return text.length <= 300 && !text.includes('<') ? text : null;
	}
}

/** SvelteKit's stand-ins for a missing message say nothing a person can act on. */
const generic = /^(internal error|error|bad request|forbidden|not found|internal server error)$/i;

export function refusalMessage(
	status: number,
	body: string,
	retryAfter: string | null,
	now = Date.now()
): string {
	const said = bodyMessage(body);
	const message = said && !generic.test(said) ? said : null;
	let text: string;
	if (status === 403 && (!message || /cross-site|origin/i.test(message)))
		text =
			'Tailor refused this form because the page was opened at another address than the one ' +
			'Tailor serves. Open Tailor at the address it printed when it started, then try again.';
	else if (status === 429) text = message ?? 'Too many attempts.';
	else if (status === 413) text = message ?? 'What was sent is too large.';
	else if (status === 400 || status === 415 || status === 422)
		text = message ?? 'Tailor could not accept what was sent. Check the form and try again.';
	else if (status === 503)
		text = message ?? 'Tailor is unavailable at the moment (its database may be restarting).';
	else if (status >= 500)
		text = `${(message ?? 'Something went wrong on the server').replace(/\.$/, '')} (error ${status}).`;
	else text = message ?? `The server answered with an error (${status}).`;
	if (status >= 500 && retryAfterSeconds(retryAfter, now) === null && !/try again/i.test(text))
		text = `${text} Try again in a moment.`;
	return withRetryAfter(text, retryAfter, now);
}
