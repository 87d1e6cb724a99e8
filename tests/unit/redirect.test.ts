import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../../src/lib/redirect';

describe('safeRedirect', () => {
	it.each([
		['/career?tab=claims', '/career?tab=claims'],
		['/jobs/1#progress', '/jobs/1#progress'],
		['/a/../career', '/career'],
		// Non-ASCII is percent-encoded, so the Location header can carry it.
		['/\u3002x', '/%E3%80%82x'],
		['/caf\u00e9', '/caf%C3%A9']
	])('follows the same-origin path %j as %j', (next, expected) => {
		expect(safeRedirect(next)).toBe(expected);
	});

	it.each([
		null,
		'',
		'career',
		'https://evil.example',
		'//evil.example',
		'/\\evil.example',
		'javascript:x',
		// A browser drops tabs and newlines from a URL: these are `//evil.example`.
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\\\t\\evil.example',
		// Dot segments that resolve to a path starting with `//`.
		'/.//evil.example',
		'/a/..//evil.example',
		'/%2e//evil.example'
	])('falls back for %j', (next) => {
		expect(safeRedirect(next)).toBe('/');
	});

	it('always answers a valid header value', () => {
		for (const next of ['/\u3002x', '/\n/x', '/a b', '/\u0000', '/%zz', '/\u{1F600}']) {
			expect(() => new Headers({ location: safeRedirect(next) })).not.toThrow();
		}
	});
});
