/**
 * What PostgreSQL can store. Its `text` and `jsonb` types refuse the NUL character (U+0000), and
 * `jsonb` refuses a lone UTF-16 surrogate (half of an emoji, say); values nested without end
 * overflow every recursive reader. Inputs are checked against these limits before they reach the
 * database, so such a value is a clear "bad request", never a failed insert. Browser-safe.
 */

/** Deepest nesting of objects and arrays an input may have (a JSON Resume needs about 5). */
export const MAX_DEPTH = 32;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableReason(text: string): string | null {
	if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
	if (!text.isWellFormed())
		return 'contains an unpaired UTF-16 surrogate (broken Unicode), which cannot be stored';
	return null;
}

/** `text` with control characters and lone surrogates written as `\uXXXX`, for messages. */
export const printable = (text: string) =>
	text.replace(
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);

export type StorableIssue = { path: string; message: string };

const token = (key: string | number) =>
	`/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * The first part of `value` that cannot be stored — a string or key that `unstorableReason`
 * refuses, or nesting deeper than `maxDepth` — with its RFC 6901 path under `base`; null when
 * all of it can. Walks without recursion, so no input can overflow the stack here.
 */
export function findUnstorable(
	value: unknown,
	{ base = '', maxDepth = MAX_DEPTH }: { base?: string; maxDepth?: number } = {}
): StorableIssue | null {
	const stack: { value: unknown; path: string; depth: number }[] = [
		{ value, path: base, depth: 0 }
	];
	while (stack.length > 0) {
		const { value: v, path, depth } = stack.pop()!;
		if (typeof v === 'string') {
			const reason = unstorableReason(v);
			if (reason) return { path, message: reason };
			continue;
		}
		if (v === null || typeof v !== 'object') continue;
		if (depth >= maxDepth)
			return { path, message: `is nested too deeply (more than ${maxDepth} levels)` };
		const entries: [string | number, unknown][] = Array.isArray(v)
			? v.map((x, i) => [i, x])
			: Object.entries(v);
		for (let i = entries.length - 1; i >= 0; i--) {
			const [key, child] = entries[i]!;
			const at = path + token(key);
			if (typeof key === 'string') {
				const reason = unstorableReason(key);
				if (reason) return { path: at, message: `has a property name that ${reason}` };
			}
			stack.push({ value: child, path: at, depth: depth + 1 });
		}
	}
	return null;
}
