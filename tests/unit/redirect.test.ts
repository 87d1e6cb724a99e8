import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../../src/lib/redirect';

describe('safeRedirect', () => {
	it('follows same-site paths', () => {
		expect(safeRedirect('/career?tab=claims')).toBe('/career?tab=claims');
	});
	it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:x'])(
		'falls back for %j',
		(next) => {
			expect(safeRedirect(next)).toBe('/');
		}
	);
});
