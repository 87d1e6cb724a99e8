/** RFC 6901 JSON Pointers: https://www.rfc-editor.org/rfc/rfc6901 */

/** Escapes one reference token: `~` becomes `~0`, `/` becomes `~1` (in that order). */
export function escapeToken(token: string | number): string {
	return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Reverses `escapeToken` (`~1` first, then `~0`, as the RFC requires). */
export function unescapeToken(token: string): string {
	return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Builds a pointer from unescaped tokens: `toPointer(['work', 0])` is `/work/0`. */
export function toPointer(tokens: readonly (string | number)[]): string {
	return tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** Splits a pointer into unescaped tokens; `''` (the whole document) gives `[]`. */
export function parsePointer(pointer: string): string[] {
	if (pointer === '') return [];
	if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${pointer}`);
	return pointer.slice(1).split('/').map(unescapeToken);
}

/**
 * True when `prefix` addresses `pointer` or one of its ancestors, compared on whole segments:
 * `/work/1` is a prefix of `/work/1/highlights/0` but not of `/work/10`.
 */
export function isPointerPrefix(prefix: string, pointer: string): boolean {
	return pointer === prefix || pointer.startsWith(prefix + '/') || prefix === '';
}

/** True when either pointer is a segment-wise prefix of the other. */
export function pointersOverlap(a: string, b: string): boolean {
	return isPointerPrefix(a, b) || isPointerPrefix(b, a);
}

/** Reads the value a pointer addresses, or `undefined` when it does not exist. */
export function getAtPointer(doc: unknown, pointer: string): unknown {
	let node: unknown = doc;
	for (const token of parsePointer(pointer)) {
		if (Array.isArray(node)) {
			if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
			node = node[Number(token)];
		} else if (node !== null && typeof node === 'object') {
			if (!Object.hasOwn(node, token)) return undefined;
			node = (node as Record<string, unknown>)[token];
		} else {
			return undefined;
		}
	}
	return node;
}
