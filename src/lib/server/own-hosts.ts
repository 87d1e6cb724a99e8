import { hostname, networkInterfaces } from 'node:os';

/**
 * The names a server started without ORIGIN answers to: the loopback names and this machine's own
 * name and addresses. Any other Host is refused, so a page on another site cannot reach the app
 * by pointing a name of its own at this machine (DNS rebinding).
 */

/** A URL hostname as `new URL()` gives it: lower case, IPv6 in brackets. */
const loopback = (host: string) =>
	host === 'localhost' ||
	host.endsWith('.localhost') ||
	/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
	host === '[::1]' ||
	// What adapter-node prints when listening on every interface; some browsers open it.
	host === '0.0.0.0' ||
	host === '[::]';

let own: Set<string> | undefined;

function ownNames(): Set<string> {
	const names = new Set<string>();
	const name = hostname().toLowerCase();
	if (name) names.add(name).add(`${name}.local`);
	for (const address of Object.values(networkInterfaces()).flat()) {
		if (!address) continue;
		names.add(address.family === 'IPv6' ? `[${address.address.toLowerCase()}]` : address.address);
	}
	return names;
}

/** Whether `host` (a URL hostname) names this machine. */
export function isOwnHost(host: string): boolean {
	if (loopback(host)) return true;
	if ((own ??= ownNames()).has(host)) return true;
	// Addresses come and go (a new network, a VPN): look again before refusing.
	own = ownNames();
	return own.has(host);
}
