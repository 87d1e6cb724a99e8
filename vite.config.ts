import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				// Fault trials and the scale-out topology on clusters of real processes: minutes each,
				// so not in `npm test`; `npm run test:slow` runs them.
				extends: true,
				test: {
					name: 'slow',
					include: ['tests/slow/**/*.test.ts'],
					environment: 'node',
					fileParallelism: false,
					testTimeout: 20 * 60_000
				}
			}
		]
	}
});
