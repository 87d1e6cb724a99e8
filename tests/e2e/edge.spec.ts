import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addOpportunityAndTailor, checkPage, root, signUp } from './support';

// This project's server runs without ORIGIN, as `npm start` on a fresh clone does.

const port = Number(process.env.E2E_PORT);
const lanAddress = Object.values(networkInterfaces())
	.flat()
	.find((a) => a && !a.internal && a.family === 'IPv4')?.address;

/** Signs up at `origin` through the form, signs out, and signs in again. */
async function signUpAndIn(page: Page, origin: string) {
	const email = `edge-${randomUUID().slice(0, 8)}@example.com`;
	await page.goto(`${origin}/signup`);
	await page.getByLabel('Name').fill('Lan User');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct horse battery');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: /Welcome, Lan User/ })).toBeVisible();
	expect(new URL(page.url()).origin).toBe(origin);
	await page.getByRole('button', { name: /sign out/i }).click();
	await expect(page).toHaveURL(`${origin}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('correct horse battery');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: /Welcome, Lan User/ })).toBeVisible();
}

test('without ORIGIN, sign-up and sign-in work at 127.0.0.1', async ({ page }) => {
	await signUpAndIn(page, `http://127.0.0.1:${port}`);
});

test('without ORIGIN, sign-up and sign-in work at this machine’s network address', async ({
	page
}) => {
	// Reaching the app by a non-loopback address needs the machine to have one: a container with
	// only `lo` has none, so there is nothing to try there (the 127.0.0.1 test above still runs).
	test.skip(!lanAddress, 'this machine has no network address besides loopback');
	await signUpAndIn(page, `http://${lanAddress}:${port}`);
});

/** Collects Content-Security-Policy violations from before any page script runs. */
async function recordViolations(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
}
const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('pages run under their Content-Security-Policy without a violation', async ({ page }) => {
	await recordViolations(page);
	await signUp(page);
	expect(await violations(page)).toEqual([]);
	// Hydrated under the policy: the demo record loads through an enhanced form.
	await page.getByRole('button', { name: 'Load a demo record' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	for (const path of ['/career', '/settings']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(page), path).toEqual([]);
	}
	// The live progress page (its event stream), the profile and the public share page.
	await addOpportunityAndTailor(page);
	expect(await violations(page), 'progress').toEqual([]);
	await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { name: 'Talking points' })).toBeVisible();
	await page.getByRole('button', { name: 'Create a share link' }).click();
	const link = page.locator('a[href^="/s/"]').first();
	await expect(link).toBeVisible();
	expect(await violations(page), 'profile').toEqual([]);
	await page.goto((await link.getAttribute('href'))!);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await violations(page), 'share page').toEqual([]);
});

test('a page cannot be framed by another site', async ({ page }) => {
	// setContent waits for the frame's load, blocked or not.
	await page.setContent(`<iframe title="framed" src="http://localhost:${port}/login"></iframe>`);
	const framed = page.frameLocator('iframe[title="framed"]');
	await expect(framed.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
});

/** A JSON Resume file of `bytes` bytes (the content does not matter to a size check). */
function fileOf(bytes: number) {
	const dir = path.join(root, 'test-results', 'edge');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `resume-${bytes}.json`);
	writeFileSync(file, `{${' '.repeat(bytes - 2)}}`);
	return file;
}

test('the career page states its limits, refuses a file over them at once and keeps the paste', async ({
	page
}) => {
	await signUp(page);
	await page.goto('/career');
	await expect(
		page.getByText(/^PDF, Word \(\.docx\), plain text or Markdown, up to 5 MB\./)
	).toBeVisible();
	const pasted = '{ "basics": { "name": "Kept" } }';
	await page.getByLabel('…or paste your resume').fill(pasted);
	await page.getByLabel('Resume file').setInputFiles(fileOf(5 * 1024 * 1024 + 1));
	await expect(page.getByRole('alert')).toHaveText(
		'That file is too large (5 MB at most). Choose a smaller file.'
	);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('That file is too large (5 MB at most).');
	await expect(page.getByLabel('…or paste your resume')).toHaveValue(pasted);
	await checkPage(page, 'career-file-too-large');

	// Pasted text states its own limit; over it, the server says so and the paste stays.
	await page.getByLabel('Resume file').setInputFiles([]);
	await expect(page.getByText(/Plain text or Markdown, up to 100,000 characters/)).toBeVisible();
	const long = 'Led a team of five. '.repeat(5_001);
	await page.getByLabel('…or paste your resume').fill(long);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'That is too long (100,000 characters at most).'
	);
	await expect(page.getByLabel('…or paste your resume')).toHaveValue(long);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a form body over the limit gets the career page back with the limit, not a raw 413', async ({
		page
	}) => {
		await signUp(page);
		await page.goto('/career');
		await page.getByLabel('Resume file').setInputFiles(fileOf(7 * 1024 * 1024));
		const answer = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		expect((await answer).status()).toBe(413);
		await expect(page.getByRole('heading', { name: 'Your career record' })).toBeVisible();
		await expect(page.getByRole('alert')).toHaveText('That file is too large (5 MB at most).');
	});
});

test.describe('the sign-in form reads any answer', () => {
	/** Answers the form's POST with `status`, `body` and `headers`; the page itself is real. */
	async function answerWith(
		page: Page,
		status: number,
		body: string,
		headers: Record<string, string> = {}
	) {
		await page.route('**/login*', (route) =>
			route.request().method() === 'POST'
				? route.fulfill({ status, body, headers })
				: route.fallback()
		);
	}

	async function signIn(page: Page) {
		// The form reads the answer once the page has started; a click before that is a plain
		// browser POST, which would show the answer's raw body instead.
		await page.goto('/login', { waitUntil: 'networkidle' });
		await page.getByLabel('Email').fill('someone@example.com');
		await page.getByLabel('Password').fill('a long password');
		await page.getByRole('button', { name: 'Sign in' }).click();
	}

	test('429 with Retry-After: the message and when to try again', async ({ page }) => {
		await answerWith(page, 429, JSON.stringify({ message: 'Too many sign-in attempts.' }), {
			'content-type': 'application/json',
			'retry-after': '30'
		});
		await signIn(page);
		await expect(page.getByRole('alert')).toHaveText(
			'Too many sign-in attempts. Try again in 30 seconds.'
		);
		await expect(page.getByLabel('Email')).toHaveValue('someone@example.com');
		await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
		await checkPage(page, 'login-429');
	});

	test('a 500 page: a readable line, not a blank form', async ({ page }) => {
		await answerWith(page, 500, '<!doctype html><h1>Internal Error</h1>', {
			'content-type': 'text/html'
		});
		await signIn(page);
		await expect(page.getByRole('alert')).toHaveText(
			'Something went wrong on the server (error 500). Try again in a moment.'
		);
	});

	test('the real server’s own refusal (a wrong password) still shows as before', async ({
		page
	}) => {
		await signIn(page);
		await expect(page.getByRole('alert')).toHaveText(
			'That email and password do not match an account.'
		);
	});
});
