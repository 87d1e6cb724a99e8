/** The live state of a background job, folded from its events (browser-safe). */

export type ProgressEvent = {
	id: number;
	type: 'status' | 'phase' | 'highlight' | 'step';
	payload: Record<string, unknown>;
	createdAt: string;
};

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

export const PHASES: Record<string, { name: string; label: string }[]> = {
	tailor: [
		{ name: 'analyzing', label: 'Analyzing' },
		{ name: 'generating', label: 'Generating' },
		{ name: 'evaluating', label: 'Evaluating' }
	],
	resume: [
		{ name: 'parsing', label: 'Reading' },
		{ name: 'extracting', label: 'Saving' }
	],
	opportunity: [
		{ name: 'parsing', label: 'Reading' },
		{ name: 'extracting', label: 'Saving' }
	]
};

export const TERMINAL = ['completed', 'failed', 'cancelled'];

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
export function applyEvent(state: ProgressState, event: ProgressEvent): ProgressState {
	if (event.id <= state.lastEventId) return state;
	const next = { ...state, lastEventId: event.id };
	const p = event.payload;
	switch (event.type) {
		case 'status': {
			const status = String(p.status ?? next.status);
			next.status = status;
			if (status === 'processing' && p.retrying) {
				next.retrying = typeof p.error === 'string' ? p.error : 'Something went wrong';
			} else if (status === 'processing') {
				next.retrying = null;
			}
			if (typeof p.error === 'string' && status === 'failed') next.error = p.error;
			if (p.summary && typeof p.summary === 'object')
				next.summary = p.summary as Record<string, unknown>;
			if (TERMINAL.includes(status)) next.endedAt = event.createdAt;
			break;
		}
		case 'phase':
			next.phase = typeof p.phase === 'string' ? p.phase : next.phase;
			next.ticker = Array.isArray(p.ticker) ? p.ticker.map(String) : [];
			break;
		case 'highlight': {
			const text = typeof p.text === 'string' ? p.text : null;
			if (text && !next.highlights.includes(text)) next.highlights = [...next.highlights, text];
			break;
		}
		case 'step':
			if (typeof p.name === 'string' && !next.steps.includes(p.name))
				next.steps = [...next.steps, p.name];
			break;
	}
	return next;
}
