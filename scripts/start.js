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
// The API refuses bodies over TAILOR_API_BODY_LIMIT (1 MB) with its own message; adapter-node's
// default cap (512 kB) would otherwise cut in first.
process.env.BODY_SIZE_LIMIT ??= '1M';
await import('../build/index.js');
