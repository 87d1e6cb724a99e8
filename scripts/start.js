// `npm start`: build when needed, then serve the app (adapter-node). The server's init hook checks
// the configuration, opens the database (embedded unless DATABASE_URL is set) and applies migrations.
import { networkInterfaces } from 'node:os';
import { API_BODY_LIMIT, FORM_BODY_LIMIT } from '../src/lib/body-limits.js';
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.NODE_ENV ??= 'production';

const port = process.env.PORT?.trim() || '3000';
const origin = process.env.ORIGIN?.trim();

// Without ORIGIN the app answers on the name it was reached by (localhost, 127.0.0.1, this
// machine's own addresses; hooks.server.ts refuses any other host). adapter-node then takes the
// host from the Host header but assumes https, so the connection's own protocol is passed to it in
// a header of this script's, set on every request so that no client can choose it.
const protocolHeader = 'x-tailor-connection-protocol';
const plainHttp = !origin && !process.env.PROTOCOL_HEADER?.trim();
if (plainHttp) process.env.PROTOCOL_HEADER = protocolHeader;

// adapter-node's own cap on every body (BODY_SIZE_LIMIT, 512 kB unless set) is raised to the
// largest body a route takes, so that the routes' own limits, with their readable 413s, cut in
// first: TAILOR_API_BODY_LIMIT for /api/trpc, FORM_BODY_LIMIT for page forms.
const apiBodyLimit = process.env.TAILOR_API_BODY_LIMIT?.trim() ?? '';
process.env.BODY_SIZE_LIMIT ??= String(
	Math.max(/^\d+$/.test(apiBodyLimit) ? Number(apiBodyLimit) : API_BODY_LIMIT, FORM_BODY_LIMIT)
);

/** @type {{ server: { server: import('node:http').Server } }} */
const { server } = await import('../build/index.js');
const http = server.server;

if (plainHttp) {
	http.prependListener('request', (req) => {
		req.headers[protocolHeader] = 'http';
	});
}

/** Where to open the app: ORIGIN, else localhost (and the addresses other devices can use). */
function openAt() {
	if (origin) return origin;
	const host = process.env.HOST?.trim() || '0.0.0.0';
	const everywhere = host === '0.0.0.0' || host === '::';
	if (!everywhere && !['localhost', '127.0.0.1', '::1'].includes(host))
		return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const local = `http://localhost:${port}`;
	if (!everywhere) return local;
	const lan = Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && !a.internal && a.family === 'IPv4')
		.map((a) => `http://${a?.address}:${port}`);
	return lan.length ? `${local} (from another device: ${lan.join(', ')})` : local;
}

if (!process.env.SOCKET_PATH && /^\d+$/.test(port)) {
	const announce = () => console.log(`Tailor is ready: open ${openAt()}`);
	// After adapter-node's own "Listening on" line, which prints on the same event.
	if (http.listening) setImmediate(announce);
	else http.once('listening', () => setImmediate(announce));
}
