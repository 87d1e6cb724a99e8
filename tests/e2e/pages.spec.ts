import { expect, test, type Page } from '@playwright/test';
import { checkPage, signUp } from './support';

test.use({ viewport: { width: 375, height: 812 } });

/** Nothing wider than the phone's screen. */
async function fitsTheScreen(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(375);
}

test('a first run on a phone: the demo record, facts added by hand, an opportunity, settings', async ({
	page
}) => {
	await signUp(page, 'Sam Okafor');
	await checkPage(page, 'phone-dashboard-empty');
	await page.getByRole('button', { name: 'Load a demo record' }).click();
	await expect(page.getByRole('status')).toContainText('Loaded the demo record');
	await expect(page.getByText(/Your career record has \d+ facts/)).toBeVisible();
	await fitsTheScreen(page);

	await page.getByRole('link', { name: 'Review it' }).click();
	await expect(page.getByRole('heading', { name: 'Your career record' })).toBeVisible();
	// A fact of one's own, outside any entry.
	await page.getByRole('button', { name: '+ Add a fact of your own' }).click();
	await page.getByLabel('Add a fact of your own').fill('Speaks at the Manchester Go meetup');
	await page.getByLabel('Kind').selectOption('award');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Fact added.');
	const own = page.locator('article', { hasText: 'Speaks at the Manchester Go meetup' });
	await expect(own).toContainText('award');
	// A fact added to the first work entry shows under it.
	const entry = page.locator('article.item').filter({ hasText: 'Parcelwise' });
	await entry.getByRole('button', { name: '+ Add a fact to this entry' }).click();
	await entry.getByLabel('Add a fact to this entry').fill('Ran the 2024 peak-season load tests');
	await entry.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(entry).toContainText('Ran the 2024 peak-season load tests');
	// An empty fact is refused with a message, and nothing is lost.
	await entry.getByRole('button', { name: '+ Add a fact to this entry' }).click();
	await entry.getByLabel('Add a fact to this entry').fill('   ');
	await entry.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(entry.getByRole('alert')).toHaveText('Write the fact first.');
	await entry.getByRole('button', { name: 'Cancel' }).click();
	await fitsTheScreen(page);
	await checkPage(page, 'phone-career');

	await page.goto('/opportunities/new');
	await page.getByRole('button', { name: 'Fill in a sample posting' }).click();
	await expect(page.getByLabel('Job posting')).toHaveValue(/Lumen Pay/);
	await checkPage(page, 'phone-new-opportunity');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Senior Backend Engineer, Payments Platform'
	);
	await expect(page.getByRole('heading', { name: 'What they ask for' })).toBeVisible();
	await fitsTheScreen(page);
	await checkPage(page, 'phone-opportunity');

	await page.goto('/settings');
	await page.getByLabel(/Name/).fill('laptop');
	await page.getByRole('button', { name: 'Create key' }).click();
	await expect(page.getByRole('status')).toContainText('it will not be shown again');
	await expect(page.locator('code.key')).toHaveText(/\S{20,}/);
	await fitsTheScreen(page);
	await checkPage(page, 'phone-settings');
});

test('the pages can be used with the keyboard alone', async ({ page }) => {
	await signUp(page);
	// Tab from the top of the dashboard to the demo record button and press it.
	const target = page.getByRole('button', { name: 'Load a demo record' });
	for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(target).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Loaded the demo record');
});
