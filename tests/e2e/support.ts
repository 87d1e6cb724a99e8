import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const root = path.resolve(import.meta.dirname, '../..');
export const careerFile = path.join(root, 'tests/fixtures/careers/ines-varga.json');
export const posting = readFileSync(
	path.join(root, 'tests/fixtures/postings/tern-senior-data-scientist.txt'),
	'utf8'
);
const screens = path.join(root, 'test-results/screens');

/** Signs up a new person through the form and lands on the dashboard. */
export async function signUp(page: Page, name = 'Ines Varga') {
	const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
	await page.goto('/signup');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct horse battery');
	await page.getByRole('button', { name: /sign up|create/i }).click();
	await expect(page.getByRole('heading', { name: new RegExp(`Welcome, ${name}`) })).toBeVisible();
	return { email };
}

/** Imports the fixture career as a JSON Resume file on the career page (no review: it is exact). */
export async function importCareer(page: Page) {
	await page.goto('/career');
	await page.getByLabel('Resume file').setInputFiles(careerFile);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/Imported \d+ items and \d+ facts/);
}

/** Chooses a generated document in the career page's file input and sends it for review. */
export async function uploadResume(page: Page, name: string, bytes: Uint8Array, mimeType: string) {
	await page.goto('/career');
	await page
		.getByLabel('Resume file')
		.setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.waitForURL(/\/career\/review$/);
}

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Presses a download button of the profile page; the file's suggested name and bytes. */
export async function downloaded(page: Page, button: string) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button, exact: true }).click();
	const file = await download;
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** Adds the fixture posting and starts tailoring; resolves on the progress page. */
export async function addOpportunityAndTailor(page: Page) {
	await page.goto('/opportunities/new');
	await page.getByLabel('Job posting').fill(posting);
	await page.getByRole('button', { name: 'Save and tailor' }).click();
	await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
}

/** Signs up, imports, tailors, and waits for the profile page. */
export async function profileFor(page: Page) {
	await signUp(page);
	await importCareer(page);
	await addOpportunityAndTailor(page);
	await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { name: 'Talking points' })).toBeVisible();
}

export type Timeline = {
	phases: string[];
	/** Each highlight with the status shown when it first appeared. */
	highlights: { text: string; status: string }[];
	statuses: string[];
};

/**
 * Records what the progress page shows as it changes (the current phase, the highlights, the
 * status badge), from a MutationObserver installed before any page script runs.
 */
export async function recordProgress(page: Page) {
	await page.addInitScript(() => {
		const t: Timeline = { phases: [], highlights: [], statuses: [] };
		(window as unknown as { __timeline: Timeline }).__timeline = t;
		const look = () => {
			const phase = document.querySelector('.stepper [aria-current="step"] .label')?.textContent;
			if (phase && t.phases.at(-1) !== phase) t.phases.push(phase);
			const status = document.querySelector('.head .badge')?.textContent?.trim() ?? '';
			if (status && t.statuses.at(-1) !== status) t.statuses.push(status);
			for (const li of document.querySelectorAll('ul[aria-label="Highlights"] li')) {
				const text = li.textContent ?? '';
				if (!t.highlights.some((h) => h.text === text)) t.highlights.push({ text, status });
			}
		};
		new MutationObserver(look).observe(document, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true,
			attributeFilter: ['aria-current', 'class']
		});
	});
}

export const timeline = (page: Page) =>
	page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);

/** No serious or critical accessibility violation, and a full-page screenshot for review. */
export async function checkPage(page: Page, name: string) {
	// Without motion: a chip fading in while axe reads it would be measured at part opacity.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	const results = await new AxeBuilder({ page }).analyze();
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	const bad = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(', ')}`);
	expect(bad, `accessibility violations on ${name}`).toEqual([]);
	mkdirSync(screens, { recursive: true });
	await page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
}
