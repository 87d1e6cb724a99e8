/** The live state of a background job, folded from its events (browser-safe). */
import { isTerminalStatus, type JobEvent } from '$lib/schemas/jobs';

export type ProgressState = {
	lastEventId: number;
	status: string;
	phase: string | null;
	ticker: string[];
	highlights: string[];
	steps: string[];
	error: string | null;
	/** A failed attempt that will be retried. */
	retrying: string | null;
	summary: Record<string, unknown> | null;
	endedAt: string | null;
};

export function initialState(job: {
	status: string;
	phase: string | null;
	highlights: string[];
	error: string | null;
	summary: Record<string, unknown> | null;
	completedAt: Date | string | null;
}): ProgressState {
	return {
		lastEventId: 0,
		status: job.status,
		phase: job.phase,
		ticker: [],
		highlights: [...new Set(job.highlights)],
		steps: [],
		error: job.error,
		retrying: null,
		summary: job.summary,
		endedAt: job.completedAt ? new Date(job.completedAt).toISOString() : null
	};
}

/** Applies one event; events at or before the last one seen are ignored (replays, reconnects). */
export function applyEvent(state: ProgressState, event: JobEvent): ProgressState {
	if (event.id <= state.lastEventId) return state;
	const next = { ...state, lastEventId: event.id };
	switch (event.type) {
		case 'status': {
			const { status, retrying, error, summary } = event.payload;
			next.status = status;
			if (status === 'processing')
				next.retrying = retrying ? (error ?? 'Something went wrong') : null;
			if (error !== undefined && status === 'failed') next.error = error;
			if (summary) next.summary = summary;
			if (isTerminalStatus(status)) next.endedAt = event.createdAt;
			break;
		}
		case 'phase':
			next.phase = event.payload.phase;
			next.ticker = event.payload.ticker ?? [];
			break;
		case 'highlight': {
			const { text } = event.payload;
			if (!next.highlights.includes(text)) next.highlights = [...next.highlights, text];
			break;
		}
		case 'step':
			if (!next.steps.includes(event.payload.name))
				next.steps = [...next.steps, event.payload.name];
			break;
	}
	return next;
}
