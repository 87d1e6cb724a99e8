// The stand-in server of `npm run bench` (a), in a process of its own: answers every request with
// a stored body after spending a fixed CPU time on it, and does nothing else (no framework, no
// database). The same load against it shows the latency this host allows at that CPU cost.
// Takes `{ cpuMs, body }` over IPC, answers `{ port }` once listening.
import http from 'node:http';

type Options = { cpuMs: number; body: string };

process.once('message', ({ cpuMs, body }: Options) => {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			const until = performance.now() + cpuMs;
			while (performance.now() < until) {
				// the CPU a real request costs the web process
			}
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body)
			});
			res.end(body);
		});
	});
	server.listen(0, '127.0.0.1', () => {
		const address = server.address();
		if (address && typeof address === 'object') process.send!({ port: address.port });
	});
});
