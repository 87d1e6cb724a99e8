import { expect, test } from '@playwright/test';
import { addOpportunityAndTailor, checkPage, importCareer, signUp } from './support';

// This project's server fails the first narrative it is asked for (tests/e2e/engine-wrapper.js).
test('a failed job says why and a retry succeeds', async ({ page }) => {
	await signUp(page);
	await importCareer(page);
	await addOpportunityAndTailor(page);
	const failedJob = page.url();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This job failed.');
	await expect(alert).toContainText('narrative step failed');
	await expect(page.locator('.head .badge')).toHaveText('Failed');
	await checkPage(page, 'progress-failed');

	await page.getByRole('button', { name: 'Retry' }).click();
	await page.waitForURL(
		(url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== failedJob
	);
	// Seen finishing live, the page moves on to the profile by itself; a job that had already
	// finished when its page loaded (this server's engine is fast) offers the link instead.
	const open = page.getByRole('link', { name: 'Open your tailored profile' });
	const profile = page.getByRole('heading', { name: 'Talking points' });
	await expect(open.or(profile)).toBeVisible();
	if (await open.isVisible()) await open.click({ timeout: 5_000 }).catch(() => {});
	await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);
	await expect(profile).toBeVisible();
});
