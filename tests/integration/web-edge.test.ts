import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	finished,
	inesResume,
	signUp as apiSignUp,
	startApi,
	ternPosting,
	type ApiServer
} from '../helpers/api';

// The web app's edge, over real HTTP against `npm start`'s server without ORIGIN: the names it
// answers on, where sign-in may send the browser, the security headers, and form bodies it
// cannot read.

let api: ApiServer;
let port: string;

beforeAll(async () => {
	api = await startApi();
	port = new URL(api.url).port;
});

const at = (host: string) => `http://${host}:${port}`;

type FormOptions = {
	origin?: string;
	cookie?: string;
	/** As `use:enhance` sends it (the answer is an ActionResult), else as a plain browser form. */
	enhanced?: boolean;
	contentType?: string;
};

/** Posts a form as a browser does, without following the answer. */
function submit(url: string, body: BodyInit, options: FormOptions = {}) {
	const headers: Record<string, string> = {
		origin: options.origin ?? new URL(url).origin,
		accept: options.enhanced ? 'application/json' : 'text/html'
	};
	if (options.enhanced) headers['x-sveltekit-action'] = 'true';
	if (options.cookie) headers.cookie = options.cookie;
	if (options.contentType) headers['content-type'] = options.contentType;
	return fetch(url, { method: 'POST', redirect: 'manual', headers, body });
}

let accounts = 0;
const newAccount = () => ({
	name: 'Edge',
	email: `edge-${++accounts}-${process.pid}@example.com`,
	password: 'a long password'
});

const sessionCookie = (res: Response) =>
	res.headers
		.getSetCookie()
		.find((c) => c.includes('session_token'))
		?.split(';')[0];

/** The data of an enhanced form's failure (SvelteKit sends it devalue-encoded; flat here). */
async function actionResult(res: Response) {
	const result = (await res.json()) as { type: string; status?: number; data?: string };
	let data: Record<string, unknown> = {};
	if (result.data) {
		const [root, ...values] = JSON.parse(result.data) as [Record<string, number>, ...unknown[]];
		data = Object.fromEntries(Object.entries(root).map(([k, i]) => [k, values[i - 1]]));
	}
	return { type: result.type, status: result.status, data };
}

/** The text of the page's first alert (the form's error message). */
const alertOf = (html: string) =>
	/role="alert"[^>]*>(?:\s*<p[^>]*>)?([^<]*)</.exec(html)?.[1]?.trim();

/** Resolves once the server has printed `text` (its output is read line by line). */
function printed(server: ApiServer['server'], text: string) {
	return new Promise<void>((resolve, reject) => {
		const check = () => {
			if (!server.output().includes(text)) return;
			server.child.stdout!.off('data', check);
			resolve();
		};
		server.child.stdout!.on('data', check);
		server.child.once('exit', (code) => reject(new Error(`exited with ${code} before: ${text}`)));
		check();
	});
}

/** A GET with a Host header of the caller's choosing (fetch would not send it). */
function getWithHost(url: string, host: string) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = httpRequest(url, { headers: { host } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.once('error', reject);
		req.end();
	});
}

const lanAddress = Object.values(networkInterfaces())
	.flat()
	.find((a) => a && !a.internal && a.family === 'IPv4')?.address;

describe('without ORIGIN, the app works on whatever local name it was reached by', () => {
	it('prints a clickable http://localhost:PORT when it is ready', async () => {
		const line = `Tailor is ready: open http://localhost:${port}`;
		await printed(api.server, line);
		expect(api.server.output().split('\n')).toContainEqual(
			expect.stringMatching(new RegExp(`^${line}\\b`))
		);
	});

	it.each([
		['127.0.0.1', '127.0.0.1'],
		['localhost', 'localhost'],
		...(lanAddress ? [['this machine’s network address', lanAddress]] : [])
	])('signs up and signs in at %s', async (_, host) => {
		const account = newAccount();
		const signUp = await submit(`${at(host)}/signup`, new URLSearchParams(account));
		expect(signUp.status).toBe(303);
		const cookie = sessionCookie(signUp);
		expect(cookie).toBeDefined();
		// Plain http: a Secure cookie would be dropped by the browser on a network address.
		expect(signUp.headers.getSetCookie().join('\n')).not.toMatch(/;\s*Secure/i);
		const home = await fetch(`${at(host)}/`, { headers: { cookie: cookie! } });
		expect(await home.text()).toContain('Welcome, Edge');

		const signIn = await submit(
			`${at(host)}/login`,
			new URLSearchParams({ email: account.email, password: account.password })
		);
		expect(signIn.status).toBe(303);
		expect(sessionCookie(signIn)).toBeDefined();
	});

	it('better-auth’s endpoints take the same origin at 127.0.0.1', async () => {
		const account = newAccount();
		const res = await fetch(`${at('127.0.0.1')}/api/auth/sign-up/email`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: at('127.0.0.1'),
				// With a cookie, better-auth checks the Origin against the origins it trusts.
				cookie: 'theme=light'
			},
			body: JSON.stringify(account)
		});
		expect(res.status).toBe(200);
	});

	it('still refuses a form posted from another site', async () => {
		const res = await submit(`${at('127.0.0.1')}/signup`, new URLSearchParams(newAccount()), {
			origin: 'http://evil.example'
		});
		expect(res.status).toBe(403);
		const auth = await fetch(`${at('127.0.0.1')}/api/auth/sign-up/email`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: 'http://evil.example',
				cookie: 'theme=light'
			},
			body: JSON.stringify(newAccount())
		});
		expect(auth.status).toBe(403);
	});

	it('refuses another host name (DNS rebinding), saying how to serve under it', async () => {
		const res = await getWithHost(`${at('127.0.0.1')}/login`, `evil.example:${port}`);
		expect(res.status).toBe(421);
		expect(res.body).toContain(`ORIGIN=http://evil.example:${port}`);
		const own = await getWithHost(`${at('127.0.0.1')}/login`, `localhost:${port}`);
		expect(own.status).toBe(200);
	});
});

describe('after sign-in, only same-origin paths are followed', () => {
	let account: ReturnType<typeof newAccount>;
	let cookie: string;
	beforeAll(async () => {
		account = newAccount();
		const res = await submit(`${api.url}/signup`, new URLSearchParams(account));
		cookie = sessionCookie(res)!;
	});

	// `next` as it stands in the query string.
	it.each([
		['/%09/evil.example', '/'],
		['%2F%0A%2Fx', '/'],
		['%2F%0D%0A%2Fevil.example', '/'],
		['/.//evil.example', '/'],
		['/%5C%5Cevil.example', '/'],
		['https://evil.example', '/'],
		['%2F%E3%80%82x', '/%E3%80%82x'],
		['/career%3Ftab%3Dclaims', '/career?tab=claims']
	])('next=%s lands on %s', async (next, expected) => {
		const signIn = await submit(
			`${api.url}/login?next=${next}`,
			new URLSearchParams({ email: account.email, password: account.password })
		);
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe(expected);
		// Signed in already, the page itself redirects by the same rule.
		const page = await fetch(`${api.url}/login?next=${next}`, {
			redirect: 'manual',
			headers: { cookie }
		});
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe(expected);
	});
});

describe('security headers', () => {
	const common = (res: Response) => {
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	};

	it('a page has a CSP with a nonce its own scripts carry, and cannot be framed', async () => {
		const res = await fetch(`${api.url}/login`);
		common(res);
		const csp = res.headers.get('content-security-policy')!;
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("object-src 'none'");
		const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
		expect(nonce).toBeDefined();
		const html = await res.text();
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
		expect(scripts.length).toBeGreaterThan(0);
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
	});

	it('the public share page cannot be framed', async () => {
		const ines = await apiSignUp(api.url, 'sharer');
		await ines.client.career.importJsonResume.mutate({ resume: inesResume });
		const started = await ines.client.opportunities.addTailorShare.mutate({
			opportunity: { description: ternPosting, company: 'Tern' }
		});
		const job = await finished(ines.client, started.jobId);
		const token = job.summary?.shareToken as string;
		const res = await fetch(`${api.url}/s/${token}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Tern');
		common(res);
	});

	it('the API, the health check and refusals carry them too', async () => {
		common(await fetch(`${api.url}/healthz`));
		common(await fetch(`${api.url}/api/trpc/usage.get`));
		const res = await fetch(`${api.url}/api/trpc/usage.get`);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
	});
});

describe('form bodies Tailor cannot read get a 4xx and a message on the page', () => {
	let cookie: string;
	beforeAll(async () => {
		cookie = sessionCookie(await submit(`${api.url}/signup`, new URLSearchParams(newAccount())))!;
	});

	it('a text/plain form is refused with 415 on the page, not a 500', async () => {
		const res = await submit(`${api.url}/login`, 'email=a@example.com', {
			contentType: 'text/plain'
		});
		expect(res.status).toBe(415);
		expect(alertOf(await res.text())).toMatch(/could not read this form.*text\/plain/);
		const enhanced = await submit(`${api.url}/career?/addClaim`, 'text=x', {
			cookie,
			enhanced: true,
			contentType: 'text/plain'
		});
		expect(await actionResult(enhanced)).toMatchObject({ type: 'failure', status: 415 });
	});

	it('multipart without a boundary, or cut short, is refused with 400', async () => {
		const bare = await submit(`${api.url}/login`, 'x', { contentType: 'multipart/form-data' });
		expect(bare.status).toBe(400);
		expect(alertOf(await bare.text())).toBe(
			'Tailor could not read this form: multipart/form-data without a boundary.'
		);
		const broken = await submit(`${api.url}/settings?/createKey`, '--zz\r\nContent-Dispo', {
			cookie,
			enhanced: true,
			contentType: 'multipart/form-data; boundary=zz'
		});
		expect(await actionResult(broken)).toMatchObject({
			type: 'failure',
			status: 400,
			data: {
				message: 'Tailor could not read this form: the body is not valid multipart/form-data.'
			}
		});
	});

	/** A JSON Resume file of `bytes` bytes: the fixture, then spaces. */
	function resumeFile(bytes: number) {
		const json = JSON.stringify(inesResume);
		const form = new FormData();
		form.append('file', new Blob([json, ' '.repeat(bytes - json.length)]), 'resume.json');
		form.append('text', '');
		return form;
	}

	it('a JSON Resume file of 2 MB imports (the page allows 5 MB)', async () => {
		const res = await submit(`${api.url}/career?/import`, resumeFile(2 * 1024 * 1024), {
			cookie,
			enhanced: true
		});
		const result = await actionResult(res);
		expect(result.type).toBe('success');
		expect(result.data.imported).toMatch(/^Imported \d+ items and \d+ facts\.$/);
	});

	it('a file just over 5 MB gets 413 and the limit, on the page', async () => {
		const res = await submit(`${api.url}/career?/import`, resumeFile(5 * 1024 * 1024 + 1), {
			cookie,
			enhanced: true
		});
		expect(await actionResult(res)).toMatchObject({
			type: 'failure',
			status: 413,
			data: { form: 'import', message: 'That file is too large (5 MB at most).' }
		});
	});

	it('a form body over the limit is refused before it is read, with the page and its message', async () => {
		const res = await submit(`${api.url}/career?/import`, resumeFile(7 * 1024 * 1024), { cookie });
		expect(res.status).toBe(413);
		const html = await res.text();
		expect(html).toContain('Your career record');
		expect(alertOf(html)).toBe('That file is too large (5 MB at most).');
	});
});

describe('bodies better-auth would fail on are refused first', () => {
	const auth = (init: RequestInit & { duplex?: 'half' }) =>
		fetch(`${api.url}/api/auth/sign-in/email`, {
			method: 'POST',
			...init,
			headers: { 'content-type': 'application/json', origin: api.url, ...init.headers }
		});

	it('a body over 64 kB gets 413 with a message', async () => {
		const res = await auth({
			body: JSON.stringify({ email: 'a'.repeat(1_100_000), password: 'a long password' })
		});
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual({
			code: 'PAYLOAD_TOO_LARGE',
			message: 'The request body is larger than 65536 bytes.'
		});
	});

	it('a body of unknown length (chunked) gets 411 with a message', async () => {
		const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 20) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const res = await auth({ body, duplex: 'half' });
		expect(res.status).toBe(411);
		expect(((await res.json()) as { message: string }).message).toMatch(/Content-Length/);
	});

	it('an ordinary sign-in still reaches better-auth', async () => {
		const res = await auth({
			body: JSON.stringify({ email: 'nobody@example.com', password: 'a long password' })
		});
		expect(res.status, await res.clone().text()).toBe(401);
	});
});
