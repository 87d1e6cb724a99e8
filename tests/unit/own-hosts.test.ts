import { hostname, networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isOwnHost } from '../../src/lib/server/own-hosts';

/** A hostname as the server sees it: `new URL()` of the Host header. */
const asUrlHost = (host: string) => new URL(`http://${host}/`).hostname;

describe('isOwnHost', () => {
	it.each([
		'localhost',
		'LOCALHOST:3000',
		'app.localhost',
		'127.0.0.1',
		'127.1.2.3',
		'[::1]:3000',
		'0.0.0.0'
	])('takes the loopback name %s', (host) => {
		expect(isOwnHost(asUrlHost(host))).toBe(true);
	});

	it('takes this machine’s name and every address of its interfaces', () => {
		expect(isOwnHost(asUrlHost(hostname()))).toBe(true);
		for (const a of Object.values(networkInterfaces()).flat()) {
			if (!a || a.address.includes('%')) continue;
			const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
			expect(isOwnHost(asUrlHost(host)), host).toBe(true);
		}
	});

	it.each([
		'evil.example',
		'localhost.evil.example',
		'127.0.0.1.nip.io',
		'10.255.255.254',
		'[2001:db8::1]'
	])('refuses %s', (host) => {
		expect(isOwnHost(asUrlHost(host))).toBe(false);
	});
});
