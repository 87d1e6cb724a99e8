import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// The benchmarks, fault trials and their harness (tools/) are type-checked with the app.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../tools/**/*.ts');
			}
		},
		// Every page's Content-Security-Policy. SvelteKit adds a nonce per response for its own inline
		// scripts and styles; everything else comes from this origin. Other answers (the API,
		// downloads) get a policy that loads nothing, in hooks.server.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// `style="…"` attributes (a usage bar's width) cannot run code or read the page.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				// No page, the public share page included, can be framed by another site.
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
