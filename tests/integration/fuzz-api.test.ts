import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTailorClient } from '../../src/lib/client';
import { claimKinds } from '../../src/lib/schemas/career';
import { findUnstorable } from '../../src/lib/schemas/storable';
import { appRouter } from '../../src/lib/server/trpc/router';
import {
	allEvents,
	failure,
	finished,
	inesResume,
	signUp,
	startApi,
	ternPosting,
	watch,
	type Account,
	type ApiServer
} from '../helpers/api';
import {
	anyJson,
	fieldValue,
	fragmentText,
	fuzzOptions,
	HOSTILE_FRAGMENTS,
	nested,
	toJson,
	wrongType
} from '../helpers/fuzz';

// Property-based fuzzing of every procedure over real HTTP against the built server: random and
// hostile inputs (wrong types, huge strings, deep JSON, unicode, NUL bytes, lone surrogates,
// malformed envelopes, bad credentials) are answered with a 4xx carrying a readable message,
// never a 5xx; text with markup is stored and shown escaped on the share page and in the export.

type Kind = 'query' | 'mutation' | 'subscription';

const procedures = Object.fromEntries(
	Object.entries(
		appRouter._def.procedures as unknown as Record<string, { _def: { type: Kind } }>
	).map(([path, p]) => [path, p._def.type])
) as Record<string, Kind>;

let api: ApiServer;
let user: Account;
const ids = {
	profileId: '',
	opportunityId: '',
	spareOpportunityId: '',
	jobId: '',
	claimId: '',
	itemId: '',
	shareToken: '',
	spareKeyId: ''
};

beforeAll(async () => {
	api = await startApi({
		TAILOR_RATE_LIMIT_POINTS: '1000000',
		// Fuzzed tailor calls may start a few jobs, then meet the limit (a 403).
		TAILOR_MONTHLY_LIMIT: '3'
	});
	user = await signUp(api.url, 'fuzz');
	await user.client.career.importJsonResume.mutate({ resume: inesResume });
	const started = await user.client.opportunities.addTailorShare.mutate({
		opportunity: { description: ternPosting }
	});
	const job = await finished(user.client, started.jobId);
	expect(job.status).toBe('completed');
	const career = await user.client.career.get.query();
	const spare = await user.client.opportunities.create.mutate({ description: ternPosting });
	const key = await user.browser.apiKeys.create.mutate({ name: 'spare' });
	Object.assign(ids, {
		profileId: job.profileId!,
		opportunityId: started.opportunityId,
		spareOpportunityId: spare.id,
		jobId: started.jobId,
		claimId: career.claims[0]!.id,
		itemId: career.items[0]!.id,
		shareToken: String(job.summary?.shareToken),
		spareKeyId: key.id
	});
}, 180_000);

// ------------------------------------------------------------------------------ HTTP helpers

type Auth = 'key' | 'cookie' | 'none';
type Sent = { path: string; kind: Kind; auth: Auth; body: string };
type Answer = { status: number; contentType: string; text: string };

function headersFor(auth: Auth): Record<string, string> {
	if (auth === 'key') return { authorization: `Bearer ${user.apiKey}` };
	if (auth === 'cookie') return { cookie: user.cookie, origin: new URL(api.url).origin };
	return {};
}

/** Node's default `--max-http-header-size` (bytes of a request head). */
const NODE_MAX_HEADER_SIZE = 16 * 1024;

/** Sends one call as tRPC's HTTP link does: a mutation as a POST body, a query in the URL. */
async function send(sent: Sent): Promise<Answer> {
	const url = `${api.url}/api/trpc/${sent.path}`;
	const headers = { 'content-type': 'application/json', ...headersFor(sent.auth) };
	const target =
		sent.kind === 'mutation'
			? url
			: `${url}${url.includes('?') ? '&' : '?'}input=${encodeURIComponent(sent.body.toWellFormed())}`;
	let res: Response;
	try {
		res =
			sent.kind === 'mutation'
				? await fetch(target, { method: 'POST', headers, body: sent.body })
				: await fetch(target, { headers });
	} catch (error) {
		// Node answers a request head over its limit with 431 and closes the connection at once; a
		// client still writing that head may see the close (EPIPE, ECONNRESET) before the answer.
		// Either way the refusal is Node's; for any smaller request a dropped connection is a fault.
		const code = (error as { cause?: { code?: unknown } }).cause?.code;
		if (
			target.length > NODE_MAX_HEADER_SIZE &&
			(code === 'EPIPE' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
		)
			return { status: 431, contentType: '', text: '' };
		throw error;
	}
	return {
		status: res.status,
		contentType: res.headers.get('content-type') ?? '',
		text: await res.text()
	};
}

const envelope = (input: unknown) => toJson(input === undefined ? {} : { json: input });

/** Node's HTTP server refuses these itself, before the app (no tRPC body). */
const TRANSPORT_REFUSALS = new Set([413, 414, 431]);

type ErrorShape = { message?: unknown; data?: { httpStatus?: unknown; code?: unknown } };

function errorsIn(answer: Answer): ErrorShape[] {
	if (answer.contentType.startsWith('text/event-stream')) {
		// A subscription answers 200 and reports a refusal as a `serialized-error` event.
		const events = answer.text.split('\n\n');
		return events
			.filter((e) => e.includes('event: serialized-error'))
			.map((e) => {
				const data = e
					.split('\n')
					.filter((l) => l.startsWith('data: '))
					.map((l) => l.slice(6))
					.join('\n');
				return (JSON.parse(data) as { json: ErrorShape }).json;
			});
	}
	if (answer.status < 400) return [];
	const body = JSON.parse(answer.text) as unknown;
	const list = Array.isArray(body) ? body : [body];
	return list.flatMap((b) => {
		const e = (b as { error?: { json?: ErrorShape } }).error?.json;
		return e ? [e] : [];
	});
}

/** The property every answer must have: no 5xx, and a refusal that says what is wrong. */
function expectClientError(sent: Sent, answer: Answer) {
	const show = () =>
		`${sent.kind} ${sent.path} (${sent.auth}) body ${JSON.stringify(sent.body.slice(0, 300))} → ${answer.status} ${answer.text.slice(0, 300)}`;
	expect(answer.status, show()).toBeLessThan(500);
	if (answer.status >= 400 && TRANSPORT_REFUSALS.has(answer.status) && !answer.text) return;
	// tRPC's error body is JSON (labelled text/plain when the batch itself is refused).
	if (answer.status >= 400)
		expect(answer.contentType, show()).toMatch(/^(application\/json|text\/plain)/);
	for (const error of errorsIn(answer)) {
		expect(typeof error.message, show()).toBe('string');
		const message = error.message as string;
		expect(message.trim().length, show()).toBeGreaterThan(0);
		expect(message.length, show()).toBeLessThan(2_000);
		// No internal failure passed off as a refusal (a stack overflow, a TypeError's text).
		expect(message, show()).not.toMatch(
			/\n\s+at |Something went wrong|Maximum call stack|is not a function|Cannot read propert/
		);
		// Printable: no control characters or broken Unicode echoed back from the input.
		// eslint-disable-next-line no-control-regex
		expect(message.isWellFormed() && !/[\u0000-\u0008\u000e-\u001f]/.test(message), show()).toBe(
			true
		);
		expect(Number(error.data?.httpStatus ?? 400), show()).toBeLessThan(500);
	}
}

async function call(path: string, input: unknown, auth: Auth = 'key') {
	const sent: Sent = { path, kind: procedures[path]!, auth, body: envelope(input) };
	expectClientError(sent, await send(sent));
}

// ------------------------------------------------------------------------------ input shapes

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
/** A real id of the fuzzing account (so the value reaches the database), a random one, or junk. */
const idOr = (...real: (() => string)[]) =>
	fc.oneof(
		...(real.length ? [{ arbitrary: fc.constantFrom(...real).map((f) => f()), weight: 4 }] : []),
		{ arbitrary: fc.uuid(), weight: 2 },
		{ arbitrary: fieldValue(5_000), weight: 3 }
	);
const text = fieldValue();
const shortText = fieldValue(5_000);

const hostileResume = fc.record(
	{
		basics: opt(
			fc.record(
				{
					name: shortText,
					label: shortText,
					email: shortText,
					url: fc.oneof(fc.webUrl(), shortText),
					summary: text
				},
				{ requiredKeys: [] }
			)
		),
		work: opt(
			fc.array(
				fc.record(
					{
						name: shortText,
						position: shortText,
						startDate: fc.oneof(fc.constantFrom('2020-01', '2019'), shortText),
						highlights: fc.oneof(fc.array(shortText, { maxLength: 4 }), shortText)
					},
					{ requiredKeys: [] }
				),
				{ maxLength: 3 }
			)
		),
		skills: opt(
			fc.array(fc.record({ name: shortText, keywords: fc.array(shortText, { maxLength: 4 }) }), {
				maxLength: 2
			})
		),
		meta: opt(anyJson),
		extra: opt(anyJson)
	},
	{ requiredKeys: [] }
);

/** Version numbers that exist, that do not, and that are not numbers. */
const versionNumber = fc.oneof(
	fc.constantFrom(1, 2),
	fc.integer({ min: -3, max: 2_000_000 }),
	fc.double(),
	wrongType
);

const draft = fc.record(
	{
		title: opt(shortText),
		company: opt(shortText),
		description: text,
		url: opt(fc.oneof(fc.webUrl(), shortText))
	},
	{ requiredKeys: ['description'] }
);
const noInput = fc.oneof(fc.constant(undefined), anyJson);
const profileId = idOr(() => ids.profileId);

/** For each procedure, inputs of (roughly) the right shape whose values are hostile. */
const shapes: Record<string, () => fc.Arbitrary<unknown>> = {
	'career.importJsonResume': () => fc.record({ resume: fc.oneof(hostileResume, anyJson) }),
	'career.importText': () => fc.record({ text }),
	'career.get': () => noInput,
	'career.exportJsonResume': () => noInput,
	'claims.create': () =>
		fc.record(
			{
				text,
				kind: fc.oneof(fc.constantFrom(...claimKinds), shortText),
				itemId: idOr(() => ids.itemId)
			},
			{ requiredKeys: ['text'] }
		),
	'claims.update': () =>
		fc.record(
			{
				id: idOr(() => ids.claimId),
				text,
				kind: fc.oneof(fc.constantFrom(...claimKinds), shortText)
			},
			{ requiredKeys: ['id'] }
		),
	'claims.delete': () => fc.record({ id: idOr() }),
	'opportunities.create': () => draft,
	'opportunities.list': () => noInput,
	'opportunities.get': () => fc.record({ id: idOr(() => ids.opportunityId) }),
	'opportunities.delete': () => fc.record({ id: idOr(() => ids.spareOpportunityId) }),
	'opportunities.tailor': () =>
		fc.record(
			{
				opportunityId: idOr(() => ids.spareOpportunityId),
				regenerate: fc.oneof(fc.boolean(), wrongType)
			},
			{ requiredKeys: ['opportunityId'] }
		),
	'opportunities.addAndTailor': () => fc.record({ opportunity: fc.oneof(draft, text) }),
	'opportunities.addTailorShare': () => fc.record({ opportunity: fc.oneof(draft, text) }),
	'jobs.get': () => fc.record({ jobId: idOr(() => ids.jobId) }),
	'jobs.list': () =>
		opt(
			fc.record(
				{
					limit: fc.oneof(fc.integer({ min: -5, max: 500 }), wrongType, shortText),
					type: fc.oneof(fc.constantFrom('resume', 'opportunity', 'tailor'), shortText),
					status: fc.oneof(
						fc.array(fc.constantFrom('pending', 'completed', 'failed', 'x'), { maxLength: 8 }),
						shortText
					),
					opportunityId: idOr(() => ids.opportunityId)
				},
				{ requiredKeys: [] }
			)
		),
	'jobs.cancel': () => fc.record({ jobId: idOr(() => ids.jobId) }),
	'jobs.onProgress': () =>
		fc.record(
			{
				jobId: idOr(() => ids.jobId),
				lastEventId: fc.oneof(
					fc.stringMatching(/^\d{1,15}$/),
					fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
					shortText
				)
			},
			{ requiredKeys: ['jobId'] }
		),
	'profiles.get': () => fc.record({ profileId }),
	'profiles.update': () =>
		fc.record(
			{ profileId, narrative: text, resume: fc.oneof(hostileResume, anyJson) },
			{ requiredKeys: ['profileId'] }
		),
	'profiles.revert': () =>
		fc.record({ profileId, field: fc.oneof(fc.constantFrom('narrative', 'resume'), shortText) }),
	'profiles.export': () =>
		fc.record(
			{
				profileId,
				format: fc.oneof(
					fc.constantFrom('pdf', 'docx', 'markdown', 'json-resume', 'html', 'notes'),
					shortText
				),
				template: fc.oneof(fc.constantFrom('classic', 'modern', 'compact'), shortText)
			},
			{ requiredKeys: ['profileId', 'format'] }
		),
	'profiles.versions': () => fc.record({ profileId }),
	'profiles.version': () => fc.record({ profileId, version: versionNumber }),
	'profiles.restore': () => fc.record({ profileId, version: versionNumber }),
	'share.create': () =>
		fc.record({ profileId, version: versionNumber }, { requiredKeys: ['profileId'] }),
	'share.revoke': () => fc.record({ id: idOr() }),
	'share.list': () => opt(fc.record({ profileId }, { requiredKeys: [] })),
	'share.view': () =>
		fc.record({
			token: fc.oneof(
				fc.constant('').map(() => ids.shareToken),
				fc.stringMatching(/^[A-Za-z0-9_-]{16,128}$/),
				text
			)
		}),
	'apiKeys.create': () => opt(fc.record({ name: shortText }, { requiredKeys: [] })),
	'apiKeys.list': () => noInput,
	'apiKeys.revoke': () =>
		fc.record({
			id: fc.oneof(
				fc.constant('').map(() => ids.spareKeyId),
				text
			)
		}),
	'apiKeys.setWebhook': () =>
		fc.record({
			id: fc.oneof(
				fc.constant('').map(() => ids.spareKeyId),
				text
			),
			// Address literals only: no name lookups while fuzzing.
			url: fc.oneof(
				fc.constantFrom('https://203.0.113.7/hook', 'http://127.0.0.1:9/', 'ftp://203.0.113.7/'),
				text
			)
		}),
	'apiKeys.removeWebhook': () =>
		fc.record({
			id: fc.oneof(
				fc.constant('').map(() => ids.spareKeyId),
				text
			)
		}),
	'usage.get': () => noInput
};

/** Making keys and their webhooks needs a browser session; everything else uses the API key. */
const SESSION_ONLY = new Set(['apiKeys.create', 'apiKeys.setWebhook', 'apiKeys.removeWebhook']);
const authFor = (path: string): Auth => (SESSION_ONLY.has(path) ? 'cookie' : 'key');

// ------------------------------------------------------------------------------ properties

describe('every procedure', () => {
	it('is fuzzed here (a new procedure needs an input shape)', () => {
		expect(Object.keys(shapes).sort()).toEqual(Object.keys(procedures).sort());
	});

	for (const path of Object.keys(procedures)) {
		it(`${path}: any JSON as input is a 4xx with a message or a success, never a 5xx`, async () => {
			await fc.assert(
				fc.asyncProperty(anyJson, (input) => call(path, input, authFor(path))),
				fuzzOptions(12)
			);
		});

		it(`${path}: hostile values in the input's own shape are refused clearly or stored`, async () => {
			const shape = shapes[path];
			if (!shape) throw new Error(`no input shape for ${path}`);
			await fc.assert(
				fc.asyncProperty(shape(), (input) => call(path, input, authFor(path))),
				fuzzOptions(30)
			);
		});
	}
});

// ------------------------------------------------------------------------------ the envelope

const kinds = () => fc.constantFrom(...Object.keys(procedures));

/** superjson's `meta`: type annotations (real and made up) on paths that may not exist. */
const superjsonMeta = fc.record(
	{
		values: fc.oneof(
			fc.dictionary(
				fc.constantFrom('text', 'resume', 'a.b', '__proto__', 'constructor.prototype', '0', ''),
				fc.oneof(
					fc.constantFrom('Date', 'bigint', 'undefined', 'set', 'map', 'regexp', 'Error', 'URL'),
					fc.constantFrom('number', 'symbol', 'class', 'custom', 'nonsense'),
					fc.tuple(fc.constantFrom('class', 'custom', 'symbol'), fc.string({ maxLength: 8 })),
					anyJson
				),
				{ maxKeys: 3 }
			),
			anyJson
		),
		referentialEqualities: opt(
			fc.oneof(fc.dictionary(fc.constantFrom('text', '', '__proto__'), anyJson), anyJson)
		),
		v: opt(anyJson)
	},
	{ requiredKeys: [] }
);

const malformedBody = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 200 }),
	fragmentText(),
	fc.json({ maxDepth: 3 }).map((j) => j.slice(0, Math.max(0, j.length - 1))),
	fc.tuple(anyJson, superjsonMeta).map(([json, meta]) => toJson({ json, meta })),
	anyJson.map((json) => toJson(json))
);

describe('the request envelope', () => {
	it('malformed bodies, query strings and superjson metadata are a 4xx, never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(kinds(), malformedBody, async (path, body) => {
				const sent: Sent = { path, kind: procedures[path]!, auth: authFor(path), body };
				if (sent.kind === 'mutation') return expectClientError(sent, await send(sent));
				// Queries: the text as the input parameter, both encoded and as it comes.
				expectClientError(sent, await send(sent));
				const raw = await fetch(`${api.url}/api/trpc/${path}?input=${body}`, {
					headers: headersFor(sent.auth)
				}).catch(() => null); // a string fetch cannot even put in a URL is not a request
				if (raw)
					expectClientError(sent, {
						status: raw.status,
						contentType: raw.headers.get('content-type') ?? '',
						text: await raw.text()
					});
			}),
			fuzzOptions(120)
		);
	});

	it('batches of any procedures with any inputs are answered call by call, never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(kinds(), { minLength: 1, maxLength: 6 }),
				fc.array(fc.oneof(anyJson, fc.constant(undefined)), { maxLength: 6 }),
				async (paths, inputs) => {
					const map = Object.fromEntries(
						inputs.flatMap((input, i) => (input === undefined ? [] : [[i, { json: input }]]))
					);
					const path = `${paths.join(',')}?batch=1`;
					const kind = procedures[paths[0]!]!;
					const sent: Sent = { path, kind, auth: 'key', body: toJson(map) };
					expectClientError(sent, await send(sent));
				}
			),
			fuzzOptions(60)
		);
	});

	it('unknown paths, methods and content types are refused with a 4xx', async () => {
		const pathPart = fc.oneof(
			kinds(),
			fc.constantFrom(
				'',
				'__proto__',
				'constructor',
				'toString',
				'career.__proto__',
				'career',
				'career.importJsonResume.x',
				'hasOwnProperty',
				'..%2f..%2fhealthz',
				'%00',
				'a,b',
				',,,'
			),
			fc.string({ maxLength: 30 }).map(encodeURIComponent)
		);
		await fc.assert(
			fc.asyncProperty(
				pathPart,
				fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
				fc.constantFrom(
					'application/json',
					'text/plain',
					'multipart/form-data; boundary=x',
					'multipart/form-data',
					'application/x-www-form-urlencoded',
					'application/octet-stream',
					'application/json; charset=utf-16',
					'',
					'*/*'
				),
				malformedBody,
				async (path, method, contentType, body) => {
					const res = await fetch(`${api.url}/api/trpc/${path}`, {
						method,
						headers: {
							authorization: `Bearer ${user.apiKey}`,
							...(contentType ? { 'content-type': contentType } : {})
						},
						...(method === 'GET' || method === 'HEAD' ? {} : { body })
					});
					const answer = {
						status: res.status,
						contentType: res.headers.get('content-type') ?? '',
						text: await res.text()
					};
					const sent: Sent = { path: `${method} ${path}`, kind: 'mutation', auth: 'key', body };
					expect(answer.status, `${method} ${path} ${contentType}`).toBeLessThan(500);
					if (method === 'HEAD' || answer.status < 400) return;
					// A method SvelteKit does not route is refused before the API, in plain text.
					if (answer.contentType.startsWith('application/json')) expectClientError(sent, answer);
					else expect(answer.text.trim().length, `${method} ${path}`).toBeGreaterThan(0);
				}
			),
			fuzzOptions(120)
		);
	});
});

// ------------------------------------------------------------------------------ page routes

describe('pages addressed by id or token', () => {
	it('made-up ids, tokens and formats in page URLs are a 404 (or a redirect), never a 5xx', async () => {
		const segment = fc.oneof(
			fc.uuid(),
			fc.stringMatching(/^[A-Za-z0-9_-]{16,128}$/),
			fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
			fragmentText(4).filter((t) => t.length > 0)
		);
		const page = fc.oneof(
			segment.map((t) => `/s/${encodeURIComponent(t.toWellFormed())}`),
			segment.map((id) => `/profiles/${encodeURIComponent(id.toWellFormed())}`),
			fc
				.tuple(
					fc.oneof(
						fc.constant('').map(() => ids.profileId),
						segment
					),
					segment
				)
				.map(
					([id, format]) =>
						`/profiles/${encodeURIComponent(id.toWellFormed())}/export/${encodeURIComponent(format.toWellFormed())}`
				),
			segment.map((id) => `/jobs/${encodeURIComponent(id.toWellFormed())}`),
			segment.map((id) => `/opportunities/${encodeURIComponent(id.toWellFormed())}`)
		);
		await fc.assert(
			fc.asyncProperty(page, fc.boolean(), async (path, signedIn) => {
				const res = await fetch(`${api.url}${path}`, {
					headers: signedIn ? { cookie: user.cookie } : {},
					redirect: 'manual'
				});
				await res.arrayBuffer();
				expect(res.status, path).toBeLessThan(500);
			}),
			fuzzOptions(60)
		);
	});
});

// ------------------------------------------------------------------------------ credentials

/** Header values fetch can send: printable ASCII and Latin-1. */
const headerText = fc.oneof(
	fc.string({
		unit: fc.constantFrom(...'abcXYZ019._-=;,"\\ /+~!%&*{}<>'.split('')),
		maxLength: 60
	}),
	fc.string({ unit: 'grapheme-ascii', maxLength: 4_000 }),
	fc.string({
		unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
		maxLength: 40
	})
);

describe('credentials', () => {
	it('made-up API keys and session cookies are a 401 (or 403), never a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(
				kinds(),
				fc.oneof(
					headerText.map((t) => ({ authorization: `Bearer ${t}` })),
					headerText.map((t) => ({ authorization: `Bearer tlr_${t}` })),
					headerText.map((t) => ({ authorization: t })),
					headerText.map((t) => ({ cookie: `better-auth.session_token=${t}` })),
					headerText.map((t) => ({ cookie: `${t}; better-auth.session_token=${t}.${t}` })),
					headerText.map((t) => ({ cookie: t }))
				),
				async (path, credentials) => {
					const kind = procedures[path]!;
					const url = `${api.url}/api/trpc/${path}`;
					const headers = {
						'content-type': 'application/json',
						origin: new URL(api.url).origin,
						...credentials
					};
					const res =
						kind === 'mutation'
							? await fetch(url, { method: 'POST', headers, body: '{"json":{}}' })
							: await fetch(url, { headers });
					const answer = {
						status: res.status,
						contentType: res.headers.get('content-type') ?? '',
						text: await res.text()
					};
					const sent: Sent = { path, kind, auth: 'none', body: JSON.stringify(credentials) };
					expectClientError(sent, answer);
					// Nobody is signed in by a made-up credential (share.view needs nobody); a
					// subscription reports it in its stream.
					if (path === 'share.view') return;
					if (kind === 'subscription')
						expect(errorsIn(answer).map((e) => e.data?.code)).toEqual(['UNAUTHORIZED']);
					else expect([400, 401, 403]).toContain(answer.status);
				}
			),
			fuzzOptions(80)
		);
	});
});

// ------------------------------------------------------------------------------ stored as given

/** Text the API must accept and keep exactly: SQL, markup, quotes, emoji, right-to-left. */
const storableHostile = fc
	.array(fc.constantFrom(...HOSTILE_FRAGMENTS.filter((f) => findUnstorable(f) === null)), {
		minLength: 1,
		maxLength: 12
	})
	.map((a) => a.join(''))
	.filter((t) => t.trim().length > 0);

describe('hostile but storable text', () => {
	it('is stored and returned exactly as given (trimmed)', async () => {
		await fc.assert(
			fc.asyncProperty(storableHostile, async (text) => {
				const claim = await user.client.claims.create.mutate({ text });
				expect(claim.text).toBe(text.trim());
				const stored = (await user.client.career.get.query()).claims.find((c) => c.id === claim.id);
				expect(stored?.text).toBe(text.trim());
				await user.client.claims.delete.mutate({ id: claim.id });
			}),
			fuzzOptions(25)
		);
	});
});

// ------------------------------------------------------------------------------ the share page

/**
 * Markup an attacker would store, each carrying a marker; `raw` is what must never reach a page
 * unescaped (escaped, `<` becomes `&lt;` in HTML and `\u003C` in the page's data script).
 */
const payloads = (n: number) => [
	{ text: `<script>fz${n}()</script>`, raw: `<script>fz${n}` },
	{ text: `"><img src=x onerror=fz${n}()>`, raw: `<img src=x onerror=fz${n}` },
	{ text: `'><svg onload=fz${n}()>`, raw: `<svg onload=fz${n}` },
	{ text: `</p><iframe src=javascript:fz${n}()>`, raw: `<iframe src=javascript:fz${n}` },
	{ text: `</script><x-fz${n}>`, raw: `<x-fz${n}` },
	{ text: `<!--<x-fz${n}>-->`, raw: `<x-fz${n}` },
	{ text: `<a href="javascript:fz${n}()">fz${n}</a>`, raw: `<a href="javascript:fz${n}` }
];

function expectInert(html: string, injected: { raw: string }[]) {
	for (const p of injected) expect(html, p.raw).not.toContain(p.raw);
	// A real link to a script (`&lt;a href="javascript:…` is text, and harmless).
	expect(html).not.toMatch(/<a\b[^>]*\bhref\s*=\s*["']?\s*javascript:/i);
}

describe('text with markup on the share page and in the export', () => {
	let owner: Account;
	let token = '';
	let sharedProfileId = '';
	const hostile = payloads(0);

	const sharePage = async () => {
		const res = await fetch(`${api.url}/s/${token}`);
		expect(res.status).toBe(200);
		return res.text();
	};
	const exportedHtml = async () =>
		(await owner.client.profiles.export.query({ profileId: sharedProfileId, format: 'html' }))
			.content;

	beforeAll(async () => {
		owner = await signUp(api.url, 'mallory');
		const resume = structuredClone(inesResume) as {
			basics: Record<string, unknown>;
			work: { name: string; position: string; highlights: string[] }[];
			skills: { keywords: string[] }[];
		};
		resume.basics.name = `Mallory ${hostile[0]!.text}`;
		resume.basics.label = hostile[1]!.text;
		resume.basics.url = 'javascript:fz0()';
		resume.work[0]!.position = `Data Scientist ${hostile[2]!.text}`;
		resume.work[0]!.highlights[0] = `${resume.work[0]!.highlights[0]} ${hostile[3]!.text}`;
		resume.work[1]!.name = hostile[4]!.text;
		resume.skills[0]!.keywords.push(hostile[5]!.text, "Robert'); DROP TABLE claims;--");
		await owner.client.career.importJsonResume.mutate({ resume });
		const started = await owner.client.opportunities.addTailorShare.mutate({
			opportunity: {
				title: `Senior Data Scientist ${hostile[0]!.text}`,
				company: hostile[1]!.text,
				description: `${ternPosting}\n\nRequirements:\n- SQL ${hostile[6]!.text}\n- Python ${hostile[2]!.text}\n`
			}
		});
		const job = await finished(owner.client, started.jobId);
		expect(job.status).toBe('completed');
		token = String(job.summary?.shareToken);
		sharedProfileId = job.profileId!;
		await owner.client.profiles.update.mutate({
			profileId: sharedProfileId,
			narrative: `I build models. ${hostile.map((p) => p.text).join(' ')}`
		});
	}, 120_000);

	it('career text, posting text, names and an edited narrative are shown escaped', async () => {
		const html = await sharePage();
		// The text is there, as text: the markers are visible, the tags are not.
		expect(html).toMatch(/Mallory &lt;script(>|&gt;)fz0\(\)/);
		expect(html).toMatch(/Senior Data Scientist &lt;script(>|&gt;)fz0\(\)/);
		expectInert(html, hostile);
		const exported = await exportedHtml();
		expect(exported).toContain('Content-Security-Policy');
		expect(exported).toContain('&lt;script&gt;fz0()&lt;/script&gt;');
		expectInert(exported, hostile);
		const view = await createTailorClient({ url: api.url }).share.view.query({ token });
		expect(view.narrative).toContain(hostile[0]!.text);
	});

	it('any markup saved in the narrative or the resume stays inert', async () => {
		const original = await owner.client.profiles.get.query({ profileId: sharedProfileId });
		await fc.assert(
			fc.asyncProperty(
				fc.nat({ max: 1_000_000 }),
				fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
				storableHostile,
				async (n, picks, noise) => {
					const injected = picks.map((i) => payloads(n)[i]!);
					const texts = injected.map((p) => `${noise} ${p.text}`);
					const resume = structuredClone(original.resume) as {
						basics?: Record<string, unknown>;
						work?: { name?: string; highlights?: string[] }[];
					};
					resume.basics = { ...resume.basics, name: texts[0], summary: texts.join(' ') };
					const work = resume.work?.[0];
					if (work) {
						work.name = texts.at(-1);
						if (work.highlights?.length) work.highlights[0] = texts.join(' ');
					}
					await owner.client.profiles.update.mutate({
						profileId: sharedProfileId,
						narrative: texts.join(' '),
						resume
					});
					const html = await sharePage();
					expect(html).toContain(`fz${n}`);
					expectInert(html, injected);
					expectInert(await exportedHtml(), injected);
				}
			),
			fuzzOptions(15)
		);
	});
});

// ------------------------------------------------------------------------------ regressions

describe('regressions found by fuzzing', () => {
	const badRequest = async (call: Promise<unknown>, path: string, reason: RegExp) => {
		const e = await failure(call);
		expect(e.code).toBe('BAD_REQUEST');
		expect(e.message).toContain(path.replace('\u0000', '\\u0000'));
		expect(e.message).toMatch(reason);
		expect(e.data?.issues?.[0]?.path).toBe(path);
	};

	it('a NUL character in stored text is a 400 naming the field (PostgreSQL refused it: 500)', async () => {
		const nul = /NUL character/;
		const c = user.client;
		await badRequest(c.claims.create.mutate({ text: 'Led\u0000 a team' }), '/text', nul);
		await badRequest(c.claims.update.mutate({ id: ids.claimId, text: 'a\u0000' }), '/text', nul);
		await badRequest(c.career.importText.mutate({ text: `${ternPosting}\u0000` }), '/text', nul);
		await badRequest(
			c.opportunities.create.mutate({ description: 'Data scientist\u0000' }),
			'/description',
			nul
		);
		await badRequest(
			c.profiles.update.mutate({ profileId: ids.profileId, narrative: 'x\u0000' }),
			'/narrative',
			nul
		);
		await badRequest(user.browser.apiKeys.create.mutate({ name: 'ci\u0000' }), '/name', nul);
		await badRequest(
			c.career.importJsonResume.mutate({ resume: { basics: { name: 'Ada', 'x\u0000': 1 } } }),
			'/resume/basics/x\u0000',
			nul
		);
	});

	it('a lone surrogate (broken Unicode) is a 400 naming the field, not a failed jsonb insert', async () => {
		const broken = /unpaired UTF-16 surrogate/;
		await badRequest(
			user.client.career.importText.mutate({ text: `Ada Brennan \ud83d\n${ternPosting}` }),
			'/text',
			broken
		);
		await badRequest(
			user.client.opportunities.addAndTailor.mutate({
				opportunity: { description: `${ternPosting}\n- Python \udfff` }
			}),
			'/opportunity/description',
			broken
		);
	});

	it('JSON nested thousands of levels deep is a 400, not a stack overflow', async () => {
		for (const as of ['array', 'object'] as const) {
			const sent: Sent = {
				path: 'career.importJsonResume',
				kind: 'mutation',
				auth: 'key',
				body: toJson({ json: { resume: { basics: nested(20_000, as) } } })
			};
			const answer = await send(sent);
			expect(answer.status).toBe(400);
			expect(answer.text).toMatch(/\/resume\/basics.*nested too deeply/);
		}
	});

	it('superjson metadata that does not fit its value is a 400 saying so (was a stack overflow)', async () => {
		for (const [path, meta] of [
			['profiles.export', { values: { '0': 'regexp', 'a.b': 'nonsense', ['__proto__']: 'Error' } }],
			['claims.create', { values: { text: ['class', 'Nope'] } }],
			['claims.create', { values: { 'text.__proto__.polluted': 'Date' } }]
		] as const) {
			const json = path === 'claims.create' ? { text: 'Ran the pricing experiments' } : null;
			const sent: Sent = {
				path,
				kind: procedures[path]!,
				auth: 'key',
				body: toJson({ json, meta })
			};
			const answer = await send(sent);
			expectClientError(sent, answer);
			expect(answer.status).toBe(400);
			expect(errorsIn(answer)[0]?.message).toMatch(/superjson `meta` does not fit/);
		}
	});

	it('a resume with more entries than one import can store is a 400 naming the section', async () => {
		const work = Array.from({ length: 20_000 }, (_, i) => ({ name: `N${i}`, highlights: ['x'] }));
		await badRequest(
			user.client.career.importJsonResume.mutate({ resume: { basics: { name: 'Ada' }, work } }),
			'/work',
			/at most 500/
		);
	});

	it('resuming a finished job after its last event ends at once (it stayed open for good)', async () => {
		const events = await allEvents(user.client, ids.jobId);
		const lastId = events.at(-1)!.id;
		expect(await watch(user.client, { jobId: ids.jobId, lastEventId: lastId }).done).toEqual([]);
		// An id the job never had is refused instead of waiting for it.
		const answer = await send({
			path: 'jobs.onProgress',
			kind: 'subscription',
			auth: 'key',
			body: toJson({ json: { jobId: ids.jobId, lastEventId: String(Number(lastId) + 1_000) } })
		});
		expect(errorsIn(answer).map((e) => e.data?.code)).toEqual(['BAD_REQUEST']);
	});
});
