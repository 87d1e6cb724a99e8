// `npm start`: build when needed, then serve the app (adapter-node). The server's init hook checks
// the configuration, opens the database (embedded unless DATABASE_URL is set) and applies migrations.
import { API_BODY_LIMIT, FORM_BODY_LIMIT } from '../src/lib/body-limits.js';
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.NODE_ENV ??= 'production';
// adapter-node takes the public origin from ORIGIN and otherwise assumes https, which would make
// a local http://localhost:3000 fail SvelteKit's same-origin form check.
const port = process.env.PORT?.trim() || '3000';
if (!process.env.ORIGIN?.trim() && /^\d+$/.test(port))
	process.env.ORIGIN = `http://localhost:${port}`;
// adapter-node's own cap on every body (BODY_SIZE_LIMIT, 512 kB unless set) is raised to the
// largest body a route takes, so that the routes' own limits, with their readable 413s, cut in
// first: TAILOR_API_BODY_LIMIT for /api/trpc, FORM_BODY_LIMIT for page forms.
const apiBodyLimit = process.env.TAILOR_API_BODY_LIMIT?.trim() ?? '';
process.env.BODY_SIZE_LIMIT ??= String(
	Math.max(/^\d+$/.test(apiBodyLimit) ? Number(apiBodyLimit) : API_BODY_LIMIT, FORM_BODY_LIMIT)
);
await import('../build/index.js');
