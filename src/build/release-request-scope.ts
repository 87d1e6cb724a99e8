import type { Plugin } from 'vite';

/**
 * SvelteKit ends every request (`internal_respond` in its runtime/server/respond.js) with
 *
 *     event.cookies.set = () => { throw new Error('Cannot use `cookies.set(...)` after …') };
 *     event.setHeaders = () => { throw new Error('Cannot use `setHeaders(...)` after …') };
 *
 * V8 allocates a function literal assigned to a property straight into the old generation, and a
 * young-generation collection treats old objects as live; the closure holds `internal_respond`'s
 * scope, so each request's event, Request, headers and response stayed alive until the next full
 * collection. Under steady API traffic the web process's young collections then copied about
 * 8 KB more per request and paused two to six times as long (docs/BENCHMARKS.md, the analysis
 * under "Latest figures").
 *
 * This plugin rewrites those two assignments, in the server build only, to assign functions
 * declared once at module level: the same errors are thrown, nothing of the request is captured.
 * If a SvelteKit upgrade changes the code, the build goes on unchanged with a warning, and
 * tests/unit/release-request-scope.test.ts fails until this is looked at again.
 */

const MODULE = /[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]respond\.js$/;

const LATE = [
	{ target: 'event.cookies.set', fn: '__tailor_late_cookies_set', what: '`cookies.set(...)`' },
	{ target: 'event.setHeaders', fn: '__tailor_late_set_headers', what: '`setHeaders(...)`' }
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rewritten module, or null when a closure to replace was not found. */
export function releaseLateClosures(code: string): string | null {
	let out = code;
	for (const { target, fn, what } of LATE) {
		const message = `Cannot use ${what} after the response has been generated`;
		const closure = new RegExp(
			`${escape(target)}\\s*=\\s*\\(\\)\\s*=>\\s*\\{\\s*throw new Error\\(\\s*'${escape(message)}'\\s*\\);?\\s*\\};`
		);
		if (!closure.test(out)) return null;
		out = out.replace(closure, `${target} = ${fn};`);
		out += `\nfunction ${fn}() {\n\tthrow new Error('${message}');\n}\n`;
	}
	return out;
}

export function releaseRequestScope(): Plugin {
	return {
		name: 'tailor:release-request-scope',
		apply: 'build',
		transform(code, id, options) {
			if (!options?.ssr || !MODULE.test(id.split('?')[0]!)) return null;
			const out = releaseLateClosures(code);
			if (out === null) {
				this.warn(
					'SvelteKit no longer ends a request with the closures this plugin replaces; requests may stay alive until a full collection (see src/build/release-request-scope.ts)'
				);
				return null;
			}
			return { code: out, map: null };
		}
	};
}
