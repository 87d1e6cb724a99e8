import { describe, expect, it } from 'vitest';
import {
	escapeToken,
	getAtPointer,
	isPointerPrefix,
	parsePointer,
	pointersOverlap,
	toPointer
} from '../../../src/lib/server/career/pointer';

describe('RFC 6901 pointers', () => {
	it('escapes ~ as ~0 and / as ~1', () => {
		expect(escapeToken('a/b')).toBe('a~1b');
		expect(escapeToken('m~n')).toBe('m~0n');
		expect(escapeToken('~/')).toBe('~0~1');
		expect(toPointer(['side/gigs', 0, 'highlights', 2])).toBe('/side~1gigs/0/highlights/2');
	});

	it('unescapes in the RFC order, so "~01" is "~1" and not "/"', () => {
		expect(parsePointer('/a~1b/m~0n')).toEqual(['a/b', 'm~n']);
		expect(parsePointer('/~01')).toEqual(['~1']);
		expect(parsePointer('')).toEqual([]);
	});

	it('round-trips any token', () => {
		const tokens = ['', '~', '/', '~1', 'a b', 'x/y~z', '0'];
		expect(parsePointer(toPointer(tokens))).toEqual(tokens);
	});

	it('reads the RFC examples', () => {
		const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'm~n': 8 };
		expect(getAtPointer(doc, '')).toBe(doc);
		expect(getAtPointer(doc, '/foo/0')).toBe('bar');
		expect(getAtPointer(doc, '/')).toBe(0);
		expect(getAtPointer(doc, '/a~1b')).toBe(1);
		expect(getAtPointer(doc, '/m~0n')).toBe(8);
		expect(getAtPointer(doc, '/foo/01')).toBeUndefined();
		expect(getAtPointer(doc, '/missing/0')).toBeUndefined();
	});

	it('compares prefixes on whole segments', () => {
		expect(isPointerPrefix('/work/1', '/work/1/highlights/0')).toBe(true);
		expect(isPointerPrefix('/work/1', '/work/10')).toBe(false);
		expect(pointersOverlap('/skills/1/keywords/0', '/skills/1')).toBe(true);
		expect(pointersOverlap('/skills/1', '/skills/12')).toBe(false);
	});
});
