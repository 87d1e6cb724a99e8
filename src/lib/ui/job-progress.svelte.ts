/**
 * The progress page's live state: the job's events folded into a `ProgressState`, kept current
 * from the `jobs.onProgress` stream, with the elapsed clock and the rotating ticker message.
 * Made while a component initialises, it follows the job while that component is mounted.
 */
import { untrack } from 'svelte';
import { createTailorClient, type JobEvent, type JobView } from '$lib/client';
import { isTerminalStatus } from '$lib/schemas/jobs';
import { applyEvent, initialState, type ProgressState } from './job-progress';

export type ProgressSource = { job: JobView; events: JobEvent[] };
export type Connection = 'live' | 'reconnecting' | 'closed';

/** How long "Finished." shows before `onCompleted` runs. */
const COMPLETED_PAUSE_MS = 1500;
const CLOCK_MS = 1000;
const TICKER_MS = 2800;

const fold = ({ job, events }: ProgressSource) => events.reduce(applyEvent, initialState(job));

export class JobProgress {
	state: ProgressState;
	connection = $state<Connection>('live');
	#now = $state(Date.now());
	#tick = $state(0);
	#source: () => ProgressSource;

	readonly terminal = $derived.by(() => isTerminalStatus(this.state.status));
	/** Milliseconds since the job started, up to when it ended. */
	readonly elapsed = $derived.by(() => {
		const { job } = this.#source();
		const started = (job.startedAt ?? job.createdAt).getTime();
		return (this.state.endedAt ? Date.parse(this.state.endedAt) : this.#now) - started;
	});
	/** The current phase's ticker line, turning over every few seconds. */
	readonly message = $derived.by(() => {
		const { ticker } = this.state;
		return ticker.length ? ticker[this.#tick % ticker.length] : null;
	});

	/**
	 * @param source the page's job and the events it was loaded with (read again on navigation)
	 * @param onCompleted runs a moment after the stream reports the job completed (not for a job
	 *   that had already ended when the page opened)
	 */
	constructor(source: () => ProgressSource, onCompleted?: (state: ProgressState) => void) {
		this.#source = source;
		this.state = $state(fold(untrack(source)));

		// Fold again when the page shows another job (a retry lands on a new job id).
		let shownJob = untrack(source).job.id;
		$effect.pre(() => {
			const next = source();
			if (next.job.id !== shownJob) {
				shownJob = next.job.id;
				this.state = fold(next);
			}
		});

		// Follow the live stream from the last event this page has seen.
		$effect(() => {
			const current = source();
			const jobId = current.job.id;
			return untrack(() => this.#follow(jobId, isTerminalStatus(current.job.status), onCompleted));
		});

		// The clock and the ticker run while the job does.
		$effect(() => {
			if (this.terminal) return;
			const clock = setInterval(() => (this.#now = Date.now()), CLOCK_MS);
			const ticker = setInterval(() => (this.#tick += 1), TICKER_MS);
			return () => {
				clearInterval(clock);
				clearInterval(ticker);
			};
		});
	}

	/** Subscribes to the job's events after the last one folded; returns the unsubscribe. */
	#follow(jobId: string, alreadyEnded: boolean, onCompleted?: (state: ProgressState) => void) {
		if (alreadyEnded && isTerminalStatus(this.state.status)) {
			this.connection = 'closed';
			return;
		}
		const client = createTailorClient({ url: location.origin });
		let completedTimer: ReturnType<typeof setTimeout> | undefined;
		const sub = client.jobs.onProgress.subscribe(
			{ jobId, lastEventId: String(this.state.lastEventId) },
			{
				onData: ({ data: event }) => {
					this.connection = 'live';
					this.state = applyEvent(this.state, event);
					if (this.state.status === 'completed' && !alreadyEnded && onCompleted) {
						const state = this.state;
						clearTimeout(completedTimer);
						completedTimer = setTimeout(() => onCompleted(state), COMPLETED_PAUSE_MS);
					}
				},
				onError: () => (this.connection = 'reconnecting'),
				onConnectionStateChange: (state) => {
					if (state.state === 'connecting' && state.error) this.connection = 'reconnecting';
					if (state.state === 'pending') this.connection = 'live';
				},
				onComplete: () => (this.connection = 'closed')
			}
		);
		return () => {
			sub.unsubscribe();
			clearTimeout(completedTimer);
		};
	}
}
