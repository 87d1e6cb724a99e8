import { expect, test } from '@playwright/test';
import { checkPage, profileFor } from './support';

test('regenerate then cancel: the profile, its URL and its share link still work', async ({
	page,
	browser
}) => {
	await profileFor(page);
	const profileUrl = page.url();
	const narrative = (await page.locator('p.narrative').textContent())!;
	await page.getByRole('button', { name: 'Create a share link' }).click();
	const href = (await page.locator('a[href^="/s/"]').first().getAttribute('href'))!;

	// Make a new version, and cancel it while it runs.
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Make a new version' }).click();
	await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
	await expect(page.locator('.head .badge')).toHaveText('Running');

	// While it runs (the job page stays open), the profile and its link still answer, with what
	// they said.
	const stranger = await browser.newContext();
	const visitor = await stranger.newPage();
	const mid = await page.context().newPage();
	const [shared] = await Promise.all([
		visitor.goto(new URL(href, profileUrl).toString()),
		mid.goto(profileUrl)
	]);
	expect(shared?.status()).toBe(200);
	await expect(mid.getByText('A new version is being made')).toBeVisible();
	await expect(mid.locator('p.narrative')).toHaveText(narrative);
	await mid.close();
	await expect(page.locator('.head .badge')).toHaveText('Running');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.locator('.head .badge')).toHaveText('Cancelled');
	await expect(visitor.getByRole('heading', { name: 'Narrative' })).toBeVisible();

	await page.goto(profileUrl);
	await expect(page.getByRole('heading', { name: /Your profile for/ })).toBeVisible();
	await expect(page.getByText(/version 1 ·/)).toBeVisible();
	await expect(page.locator('p.narrative')).toHaveText(narrative);
	const versions = page.getByRole('region', { name: 'Versions' });
	await expect(versions.getByText('Version 1')).toBeVisible();
	await expect(versions.getByText('Version 2')).toHaveCount(0);
	await checkPage(page, 'profile-after-cancel');
	expect((await visitor.reload())?.status()).toBe(200);
	await expect(visitor.getByRole('heading', { name: 'Narrative' })).toBeVisible();
	await stranger.close();
});

test('regenerate to the end: same URL, the earlier version listed, compared and restored', async ({
	page
}) => {
	await profileFor(page);
	const profileUrl = page.url();

	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Make a new version' }).click();
	await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
	await page.waitForURL(profileUrl, { timeout: 60_000 });
	await expect(page.getByText(/version 2 ·/)).toBeVisible();

	const versions = page.getByRole('region', { name: 'Versions' });
	await expect(versions.getByText('Version 1')).toBeVisible();
	await versions.getByRole('link', { name: 'Compare' }).click();
	await expect(page.getByRole('heading', { name: /Version 1 beside version 2/ })).toBeVisible();
	await checkPage(page, 'profile-compare');

	page.once('dialog', (d) => d.accept());
	await versions.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').first()).toContainText('Version 1 is your profile again');
	await expect(page.getByText(/version 1 ·/)).toBeVisible();
	expect(new URL(page.url()).pathname).toBe(new URL(profileUrl).pathname);
});
