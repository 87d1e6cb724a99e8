// A client process for `npm run bench` (c): opens `jobs.onProgress` subscriptions over HTTP with the
// project's typed client (tRPC SSE), as API users do, and reports when each event arrived. It runs
// apart from the web process, so its CPU is not counted as the server's.
import { createTailorClient, type TailorClient } from '../../src/lib/client';

export type ClientMessage =
	| { type: 'clock'; t: number }
	| { type: 'open'; round: number; url: string; subs: { apiKey: string; jobId: string }[] };

export type ClientReply =
	| { type: 'clock'; t: number; c: number }
	| { type: 'ready'; round: number }
	| {
			type: 'done';
			round: number;
			/** Receipt time (this process's clock) minus the event's `sentAt`, per timed event. */
			latencies: number[];
			received: number;
			errors: string[];
	  };

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

const send = (reply: ClientReply) => process.send!(reply);
const clients = new Map<string, TailorClient>();

function open(round: number, url: string, subs: { apiKey: string; jobId: string }[]) {
	const latencies: number[] = [];
	const errors: string[] = [];
	let received = 0;
	let ready = 0;
	let done = 0;
	const finish = () => {
		if (++done === subs.length) send({ type: 'done', round, latencies, received, errors });
	};
	for (const { apiKey, jobId } of subs) {
		let client = clients.get(apiKey);
		if (!client) clients.set(apiKey, (client = createTailorClient({ url, apiKey })));
		let first = true;
		client.jobs.onProgress.subscribe(
			{ jobId },
			{
				onData: ({ data }) => {
					const at = now();
					received++;
					// The bench stamps a highlight's text, and a completion's summary, with `sentAt`.
					const sentAt =
						data.type === 'highlight' ? Number(data.payload.text) : data.payload.summary?.sentAt;
					if (typeof sentAt === 'number') latencies.push(at - sentAt);
					// The first event is the job's stored `pending` one: the stream is open and replayed.
					if (first) {
						first = false;
						if (++ready === subs.length) send({ type: 'ready', round });
					}
				},
				onError: (error) => {
					errors.push(String(error));
					finish();
				},
				onComplete: finish
			}
		);
	}
}

process.on('message', (message: ClientMessage) => {
	if (message.type === 'clock') send({ type: 'clock', t: message.t, c: now() });
	else open(message.round, message.url, message.subs);
});
process.on('disconnect', () => process.exit(0));
