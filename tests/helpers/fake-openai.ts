import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible HTTP server for tests: `POST /v1/chat/completions` answers from a
 * script, one entry per request, and every request is recorded. The engine talks to it through
 * the real `openai` SDK, so timeouts, retries and `Retry-After` handling are the SDK's own.
 */

export type FakeUsage = { prompt_tokens: number; completion_tokens: number };

export type FakeReply =
	/** A completion whose content is this value as JSON. */
	| { json: unknown; usage?: FakeUsage }
	/** A completion with this exact content (e.g. malformed JSON), and optionally a finish reason. */
	| { content: string | null; usage?: FakeUsage; finishReason?: string }
	/** A completion where the model refuses (`message.refusal`). */
	| { refusal: string }
	/** An HTTP error with an OpenAI-style error body, e.g. 429 with `retry-after`. */
	| { status: number; headers?: Record<string, string>; message?: string }
	/** No answer at all: the request stays open until the client gives up or the server stops. */
	| { hang: true };

export type FakeRequest = {
	index: number;
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	/** The parsed JSON body. */
	body: {
		model: string;
		messages: { role: string; content: string }[];
		response_format?: { type: string; json_schema?: { name: string; strict?: boolean } };
		[key: string]: unknown;
	};
	/** `performance.now()` when the request arrived. */
	receivedAt: number;
};

export type Scripted = FakeReply | ((request: FakeRequest) => FakeReply);

/** Rough token counts, deterministic: a token per four characters. */
const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export class FakeOpenAI {
	readonly requests: FakeRequest[] = [];
	/** Hung requests whose connection the client closed (timed out or aborted). */
	abandoned = 0;
	private readonly queue: Scripted[] = [];
	private readonly waiters: { count: number; resolve: () => void }[] = [];
	private readonly abandonWaiters: { count: number; resolve: () => void }[] = [];
	private readonly hung = new Set<ServerResponse>();

	private constructor(
		private readonly server: Server,
		readonly url: string
	) {}

	/** Starts a server on a free port of 127.0.0.1; `url` is the base URL to give the SDK. */
	static async start(): Promise<FakeOpenAI> {
		const server = createServer();
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;
		const fake = new FakeOpenAI(server, `http://127.0.0.1:${port}/v1`);
		server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
		return fake;
	}

	/** Appends replies to the script; each request takes the next one. */
	enqueue(...replies: Scripted[]): this {
		this.queue.push(...replies);
		return this;
	}

	/** Replies still unused. */
	get pending(): number {
		return this.queue.length;
	}

	/** Forgets the script and the recorded requests (between tests). */
	reset(): void {
		this.queue.length = 0;
		this.requests.length = 0;
		this.abandoned = 0;
	}

	/** Resolves once `count` requests have arrived in total. */
	whenRequests(count: number): Promise<void> {
		if (this.requests.length >= count) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push({ count, resolve }));
	}

	/** Resolves once `count` hung requests have been abandoned by the client in total. */
	whenAbandoned(count: number): Promise<void> {
		if (this.abandoned >= count) return Promise.resolve();
		return new Promise((resolve) => this.abandonWaiters.push({ count, resolve }));
	}

	async stop(): Promise<void> {
		for (const res of this.hung) res.destroy();
		this.server.closeAllConnections();
		this.server.close();
		await once(this.server, 'close');
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const request: FakeRequest = {
			index: this.requests.length,
			method: req.method ?? '',
			path: req.url ?? '',
			headers: req.headers,
			body: raw ? (JSON.parse(raw) as FakeRequest['body']) : { model: '', messages: [] },
			receivedAt: performance.now()
		};
		this.requests.push(request);
		notify(this.waiters, this.requests.length);

		if (request.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
			return send(res, 404, { error: { message: `no route ${request.path}`, type: 'fake' } });
		}
		const next = this.queue.shift();
		if (next === undefined) {
			return send(
				res,
				500,
				{ error: { message: `no reply scripted for request ${request.index}`, type: 'fake' } },
				{ 'x-should-retry': 'false' }
			);
		}
		const reply = typeof next === 'function' ? next(request) : next;
		if ('hang' in reply) {
			this.hung.add(res);
			res.on('close', () => {
				this.hung.delete(res);
				this.abandoned++;
				notify(this.abandonWaiters, this.abandoned);
			});
			return;
		}
		if ('status' in reply) {
			const message = reply.message ?? `fake error ${reply.status}`;
			const type = reply.status === 429 ? 'rate_limit_exceeded' : 'fake_error';
			return send(res, reply.status, { error: { message, type, code: type } }, reply.headers);
		}
		send(res, 200, completion(request, reply));
	}
}

function completion(
	request: FakeRequest,
	reply: Exclude<FakeReply, { status: number } | { hang: true }>
) {
	const refusal = 'refusal' in reply ? reply.refusal : null;
	const content =
		'json' in reply ? JSON.stringify(reply.json) : 'content' in reply ? reply.content : null;
	const usage = ('usage' in reply ? reply.usage : undefined) ?? {
		prompt_tokens: tokens(JSON.stringify(request.body.messages)),
		completion_tokens: tokens(content ?? refusal ?? '')
	};
	return {
		id: `chatcmpl-fake-${request.index}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.body.model,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content, refusal },
				finish_reason: ('finishReason' in reply ? reply.finishReason : undefined) ?? 'stop',
				logprobs: null
			}
		],
		usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }
	};
}

function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
) {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

function notify(waiters: { count: number; resolve: () => void }[], value: number) {
	for (const w of [...waiters]) {
		if (value >= w.count) {
			waiters.splice(waiters.indexOf(w), 1);
			w.resolve();
		}
	}
}
