import { config } from 'zod';

// zod compiles object schemas with `new Function` when it may; the pages' Content-Security-Policy
// allows no eval (svelte.config.js), so in the browser it parses without compiling, and does not
// try (the attempt alone is reported as a violation).
config({ jitless: true });
