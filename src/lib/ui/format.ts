/** Small display helpers shared by pages (browser-safe). */

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (d: Date | string | null | undefined) =>
	d ? dateFormat.format(new Date(d)) : '—';

export const statusLabel: Record<string, string> = {
	pending: 'Waiting',
	processing: 'Running',
	completed: 'Done',
	failed: 'Failed',
	cancelled: 'Cancelled'
};

export const jobTypeLabel: Record<string, string> = {
	tailor: 'Tailor profile',
	resume: 'Import resume',
	opportunity: 'Read posting'
};

/** Seconds as `m:ss`. */
export function formatElapsed(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
