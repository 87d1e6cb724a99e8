import type { ActionResult } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pendingEnhance, type PendingOptions } from '../../src/lib/ui/enhance';

/** Runs the submit function as `use:enhance` does; `sent` says whether the form went out. */
async function submit(
	options: PendingOptions,
	result: ActionResult = { type: 'success', status: 200 },
	log: string[] = []
) {
	let cancelled = false;
	const submitter = { getAttribute: () => 'tailor' } as unknown as HTMLElement;
	const callback = await pendingEnhance({
		...options,
		pending: (busy, by) => {
			log.push(`pending ${busy}`);
			options.pending?.(busy, by);
		}
	})({
		action: new URL('http://localhost/?/save'),
		formData: new FormData(),
		formElement: {} as HTMLFormElement,
		controller: new AbortController(),
		submitter,
		cancel: () => (cancelled = true)
	});
	if (cancelled || !callback) return { sent: false, log };
	await callback({
		action: new URL('http://localhost/?/save'),
		formData: new FormData(),
		formElement: {} as HTMLFormElement,
		result,
		update: async (opts) => void log.push(`update reset=${opts?.reset}`)
	});
	return { sent: true, log };
}

afterEach(() => vi.unstubAllGlobals());

describe('pendingEnhance', () => {
	it('marks the form pending until its result is applied', async () => {
		const { sent, log } = await submit({});
		expect(sent).toBe(true);
		expect(log).toEqual(['pending true', 'update reset=undefined', 'pending false']);
	});

	it('tells which button sent the form', async () => {
		const seen: (string | null)[] = [];
		await submit({ pending: (busy, by) => seen.push(busy ? by!.getAttribute('value') : null) });
		expect(seen).toEqual(['tailor', null]);
	});

	it('keeps what was typed when asked, or decides from the result', async () => {
		expect((await submit({ reset: false })).log).toContain('update reset=false');
		const reset = (r: ActionResult) => r.type === 'success';
		expect((await submit({ reset }, { type: 'failure', status: 400 })).log).toContain(
			'update reset=false'
		);
		expect((await submit({ reset })).log).toContain('update reset=true');
	});

	it('runs `after` with the result once it is applied', async () => {
		const log: string[] = [];
		await submit({ after: (r) => log.push(`after ${r.type}`) }, undefined, log);
		expect(log).toEqual([
			'pending true',
			'update reset=undefined',
			'after success',
			'pending false'
		]);
	});

	it('sends nothing when the person declines the confirmation', async () => {
		vi.stubGlobal('confirm', () => false);
		expect(await submit({ confirm: 'Delete this fact?' })).toEqual({ sent: false, log: [] });
		vi.stubGlobal('confirm', () => true);
		expect((await submit({ confirm: 'Delete this fact?' })).sent).toBe(true);
	});

	it('sends nothing when `before` says no', async () => {
		expect(await submit({ before: () => false })).toEqual({ sent: false, log: [] });
		expect((await submit({ before: () => {} })).sent).toBe(true);
	});

	it('clears the pending flag even when applying the result fails', async () => {
		const log: string[] = [];
		const callback = await pendingEnhance({ pending: (busy) => log.push(`pending ${busy}`) })({
			action: new URL('http://localhost/'),
			formData: new FormData(),
			formElement: {} as HTMLFormElement,
			controller: new AbortController(),
			submitter: null,
			cancel: () => {}
		});
		await expect(
			callback!({
				action: new URL('http://localhost/'),
				formData: new FormData(),
				formElement: {} as HTMLFormElement,
				result: { type: 'success', status: 200 },
				update: () => Promise.reject(new Error('navigation failed'))
			})
		).rejects.toThrow('navigation failed');
		expect(log).toEqual(['pending true', 'pending false']);
	});
});
