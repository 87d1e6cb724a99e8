// `npm start`: build when needed, then serve the app (adapter-node). The server's init hook checks
// the configuration, opens the database (embedded unless DATABASE_URL is set) and applies migrations.
import { buildIfStale } from './build-if-stale.js';

buildIfStale();
process.env.NODE_ENV ??= 'production';
// adapter-node takes the public origin from ORIGIN and otherwise assumes https, which would make
// a local http://localhost:3000 fail SvelteKit's same-origin form check.
const port = process.env.PORT?.trim() || '3000';
if (!process.env.ORIGIN?.trim() && /^\d+$/.test(port))
	process.env.ORIGIN = `http://localhost:${port}`;
// The API refuses bodies over TAILOR_API_BODY_LIMIT (bytes, 1 MB unless set) with its own 413.
// adapter-node's own cap (BODY_SIZE_LIMIT, 512 kB unless set) follows it, so it never cuts in first.
const apiBodyLimit = process.env.TAILOR_API_BODY_LIMIT?.trim() ?? '';
process.env.BODY_SIZE_LIMIT ??= /^\d+$/.test(apiBodyLimit) ? apiBodyLimit : '1M';
await import('../build/index.js');
