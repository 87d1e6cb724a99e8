import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	addOpportunityAndTailor,
	checkPage,
	importCareer,
	profileFor,
	recordProgress,
	signUp,
	timeline
} from './support';

const highlightList = (page: Page) => page.getByRole('list', { name: 'Highlights' }).locator('li');

test('from sign-up to a tailored profile, with the progress shown live', async ({ page }) => {
	await recordProgress(page);
	await signUp(page);
	await expect(page.getByRole('heading', { name: 'Get started' })).toBeVisible();
	await checkPage(page, 'dashboard-first-run');
	await page.getByRole('link', { name: 'Import your resume' }).click();
	await expect(page).toHaveURL(/\/career$/);
	await importCareer(page);
	await expect(page.getByRole('heading', { name: /Record/ })).toContainText(/\d+ facts/);

	await addOpportunityAndTailor(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Tailor');
	await checkPage(page, 'progress-running');
	// The page goes on to the profile by itself once the job is done.
	await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);

	const seen = await timeline(page);
	expect(seen.phases).toEqual(['Analyzing', 'Generating', 'Evaluating']);
	const beforeResult = seen.highlights.filter((h) => h.status !== 'Done');
	expect(beforeResult.length).toBeGreaterThanOrEqual(2);
	expect(seen.statuses).toContain('Done');

	await expect(page.getByRole('heading', { name: /Your profile for/ })).toBeVisible();
	const points = page.locator('ol.points > li');
	expect(await points.count()).toBeGreaterThan(0);
	// Each talking point's evidence quotes the facts it cites.
	const first = points.first();
	await first.getByText(/Evidence \(\d+\)/).click();
	await expect(first.locator('blockquote').first()).toHaveText(/^“.+”$/);
	// Each narrative sentence shows the facts it rests on when focused.
	const sentence = page.locator('p.narrative .cited').first();
	await sentence.focus();
	await expect(sentence.getByRole('tooltip')).toBeVisible();
	await expect(sentence.getByRole('tooltip')).toContainText('Based on');
	await checkPage(page, 'profile');

	await page.goto('/');
	await expect(page.getByRole('link', { name: /Match score/ }).first()).toBeVisible();
	await checkPage(page, 'dashboard');
});

test('edit the narrative, revert it, and export it as Markdown', async ({ page }) => {
	await profileFor(page);
	const narrative = page.locator('p.narrative');
	// The visible text (the sources' tooltips are hidden until hover or focus).
	const original = (await narrative.innerText()).trim();
	expect(original.length).toBeGreaterThan(40);

	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page
		.getByLabel('Edit the narrative')
		.fill('I turn product data into decisions people act on.');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(narrative).toHaveText('I turn product data into decisions people act on.');
	await expect(page.locator('#nar ~ * .badge', { hasText: 'edited' })).toBeVisible();

	await page.getByRole('button', { name: 'Revert to generated' }).click();
	// Away from the text, so no sentence shows its sources' tooltip.
	await page.mouse.move(0, 0);
	await expect.poll(async () => (await narrative.innerText()).trim()).toBe(original);
	await expect(page.locator('.badge', { hasText: /^edited$/ })).toHaveCount(0);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Markdown' }).click();
	const file = await (await download).path();
	const markdown = readFileSync(file, 'utf8');
	expect(markdown).toContain(original.slice(0, 80));
});

test('edit the resume in place and put it back', async ({ page }) => {
	await profileFor(page);
	const resume = page.locator('#resume');
	await resume.getByRole('button', { name: 'Edit resume' }).click();
	const firstLine = resume.locator('textarea[name^="h:work:0:"]').first();
	await firstLine.fill('Ran the pricing experiments that set the 2024 plans');
	await resume.getByRole('button', { name: '+ Add a line' }).first().click();
	await resume.locator('textarea[name^="h:work:0:"]').last().fill('Mentored two analysts');
	await resume.getByRole('button', { name: 'Save resume' }).click();
	await expect(
		resume.getByText('Ran the pricing experiments that set the 2024 plans')
	).toBeVisible();
	await expect(resume.getByText('Mentored two analysts')).toBeVisible();
	await expect(resume.locator('.badge', { hasText: 'edited' })).toBeVisible();
	// The edit is checked at once: the year it adds is not in the record.
	const evaluation = page.getByRole('region', { name: 'Evaluation' });
	await expect(evaluation.getByText('Grounding failed')).toBeVisible();
	await expect(evaluation.locator('li', { hasText: '2024' })).toContainText('your edit');

	await resume.getByRole('button', { name: 'Revert to generated' }).click();
	await expect(resume.getByText('Mentored two analysts')).toHaveCount(0);
	await expect(resume.locator('.badge', { hasText: 'edited' })).toHaveCount(0);
	await expect(evaluation.getByText('Grounded', { exact: true })).toBeVisible();

	// Regenerate: asks first, then a new job makes a new version beside the current one.
	const profileUrl = page.url();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Make a new version' }).click();
	await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('list', { name: 'Highlights' })).toContainText(
		'New version saved beside the current one'
	);
	await page.waitForURL(profileUrl);
	await expect(page.getByRole('heading', { name: 'Talking points' })).toBeVisible();
	await expect(page.getByText(/version 2 ·/)).toBeVisible();
});

test('a share link opens the profile logged out until it is revoked', async ({ page, browser }) => {
	await profileFor(page);
	const title = (await page.getByRole('heading', { name: /Your profile for/ }).textContent())!;
	await page.getByRole('button', { name: 'Create a share link' }).click();
	const link = page.locator('a[href^="/s/"]').first();
	await expect(link).toBeVisible();
	const href = (await link.getAttribute('href'))!;

	const stranger = await browser.newContext();
	const visitor = await stranger.newPage();
	const response = await visitor.goto(new URL(href, page.url()).toString());
	expect(response?.status()).toBe(200);
	await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	// A recruiter sees the narrative and the resume, none of the person's notes or scores.
	await expect(visitor.getByRole('heading', { name: 'Narrative' })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: 'Tailored resume' })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: 'Talking points' })).toHaveCount(0);
	await expect(visitor.getByRole('heading', { name: 'Evaluation' })).toHaveCount(0);
	await expect(visitor.getByText(/support \d+%|Match score/)).toHaveCount(0);
	await checkPage(visitor, 'share');
	// Printed, the page is the resume: the person's contact line, none of the app's headings.
	await visitor.emulateMedia({ media: 'print' });
	await expect(visitor.getByText(/ines\.varga@example\.net/)).toBeVisible();
	await expect(visitor.getByRole('heading', { name: 'Tailored resume' })).toBeHidden();
	await expect(visitor.getByText('Shared profile · read-only')).toBeHidden();
	await visitor.emulateMedia({ media: 'screen' });

	await page.reload();
	await expect(page.getByText(/1 view\b/)).toBeVisible();
	await page.getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByRole('status')).toContainText('revoked');

	const gone = await visitor.reload();
	expect(gone?.status()).toBe(404);
	await expect(visitor.getByRole('heading', { name: 'Narrative' })).toHaveCount(0);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await stranger.close();
});

test('a reload in the middle of a job picks up where it was, with nothing repeated', async ({
	page
}) => {
	await signUp(page);
	await importCareer(page);
	await addOpportunityAndTailor(page);
	// Mid-job: the first highlight is in and the job is still running.
	await expect(highlightList(page).first()).toBeVisible();
	await expect(page.locator('.head .badge')).toHaveText('Running');
	const before = await highlightList(page).allTextContents();
	await page.reload();
	await expect(page.locator('.head .badge')).toHaveText('Running');
	expect((await highlightList(page).allTextContents()).slice(0, before.length)).toEqual(before);
	await expect(page.getByText('Finished.')).toBeVisible();
	const live = await highlightList(page).allTextContents();
	expect(new Set(live).size).toBe(live.length);

	// The stored history (a fresh load from the server) is exactly what the live page showed.
	const jobUrl = page.url();
	await page.goto(jobUrl);
	await expect(page.getByText('Finished.')).toBeVisible();
	expect(await highlightList(page).allTextContents()).toEqual(live);
	await checkPage(page, 'progress-finished');
});

test('cancel stops a running job at the next step and offers to start again', async ({ page }) => {
	await signUp(page);
	await importCareer(page);
	await addOpportunityAndTailor(page);
	await expect(highlightList(page).first()).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.locator('.head .badge')).toHaveText('Cancelled');
	await expect(page.getByText('This job was cancelled.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
	// Nothing was kept: the opportunity has no profile.
	await page.getByRole('link', { name: 'Open the opportunity' }).click();
	await expect(page.getByRole('button', { name: 'Tailor my profile' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'View tailored profile' })).toHaveCount(0);
});
