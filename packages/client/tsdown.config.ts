import { defineConfig } from 'tsdown';

/**
 * One ESM file and one bundled declaration file. The server's modules are reached for their types
 * only (the API's shapes live in `src/lib/schemas`), so neither output carries any of them; zod is
 * external here and `scripts/standalone-types.mjs` then replaces its inferred types by plain ones.
 */
export default defineConfig({
	entry: ['src/index.ts'],
	format: 'esm',
	platform: 'neutral',
	target: 'es2022',
	tsconfig: 'tsconfig.json',
	dts: true,
	clean: true,
	external: ['zod']
});
