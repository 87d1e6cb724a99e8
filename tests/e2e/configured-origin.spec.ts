import { expect, test } from '@playwright/test';

// This project's server has ORIGIN set to http://localhost:PORT.
const port = Number(process.env.E2E_FAILING_PORT);

test('opened at another address than ORIGIN, the sign-in form says why it was refused', async ({
	page
}) => {
	// The form reads the refusal once the page has started; a click before that is a plain
	// browser POST, answered by the framework's own one-line refusal.
	await page.goto(`http://127.0.0.1:${port}/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill('someone@example.com');
	await page.getByLabel('Password').fill('a long password');
	const answer = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Sign in' }).click();
	expect((await answer).status()).toBe(403);
	await expect(page.getByRole('alert')).toHaveText(
		'Tailor refused this form because the page was opened at another address than the one ' +
			'Tailor serves. Open Tailor at the address it printed when it started, then try again.'
	);
	await expect(page.getByLabel('Email')).toHaveValue('someone@example.com');
});
