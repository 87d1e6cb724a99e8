/** Only same-site paths are followed after sign-in, never another origin. */
export function safeRedirect(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return fallback;
	return next;
}
