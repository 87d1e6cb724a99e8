// The load generator of `npm run bench` (a), in a process of its own: the orchestrating process
// holds database pools, listeners and the state of the other parts, and its own pauses would be
// counted as the server's latency. Takes its options over IPC, answers with the result.
import { cachedTailorLatency, type CachedOptions } from './cached';

process.once('message', (options: CachedOptions) => {
	void cachedTailorLatency(options).then((result) => {
		process.send!(result, () => process.exit(0));
	});
});
