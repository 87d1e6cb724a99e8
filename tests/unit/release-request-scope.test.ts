import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { releaseLateClosures } from '../../src/build/release-request-scope';

const kitRespond = path.join(
	path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json')),
	'src/runtime/server/respond.js'
);

const cookiesMessage = 'Cannot use `cookies.set(...)` after the response has been generated';
const headersMessage = 'Cannot use `setHeaders(...)` after the response has been generated';

describe('releaseLateClosures', () => {
	it('rewrites the installed SvelteKit: no request-scoped closure is left, the module still parses', async () => {
		const source = await readFile(kitRespond, 'utf8');
		const out = releaseLateClosures(source);
		expect(out, 'SvelteKit changed the code this rewrite targets').not.toBeNull();
		expect(out).not.toMatch(/event\.cookies\.set\s*=\s*\(/);
		expect(out).not.toMatch(/event\.setHeaders\s*=\s*\(/);
		expect(out).toContain('event.cookies.set = __tailor_late_cookies_set;');
		expect(out).toContain('event.setHeaders = __tailor_late_set_headers;');
		expect(parseSync('respond.js', out!).errors).toEqual([]);
	});

	it('keeps the behaviour: the late calls throw the same errors', async () => {
		const module = `export function end(event) {
	try {
		return 1;
	} finally {
		event.cookies.set = () => {
			throw new Error('${cookiesMessage}');
		};

		event.setHeaders = () => {
			throw new Error('${headersMessage}');
		};
	}
}`;
		const out = releaseLateClosures(module)!;
		expect(out).not.toContain('=>');
		const { end } = (await import(`data:text/javascript,${encodeURIComponent(out)}`)) as {
			end: (e: object) => number;
		};
		const event = { cookies: { set: () => {} }, setHeaders: () => {} };
		expect(end(event)).toBe(1);
		expect(() => event.cookies.set()).toThrow(cookiesMessage);
		expect(() => event.setHeaders()).toThrow(headersMessage);
	});

	it('leaves code it does not recognise alone', () => {
		expect(releaseLateClosures('event.cookies.set = () => {};')).toBeNull();
		expect(
			releaseLateClosures(`event.cookies.set = () => { throw new Error('${cookiesMessage}'); };`)
		).toBeNull();
	});
});
