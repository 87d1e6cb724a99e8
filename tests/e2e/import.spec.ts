import { expect, test, type Page } from '@playwright/test';
import {
	headingsDocx,
	nurse,
	salesRep,
	scannedPdf,
	tableDocx,
	twoColumnPdf,
	type ResumeDescription
} from '../helpers/resume-documents';
import { checkPage, DOCX_TYPE, PDF_TYPE, signUp, uploadResume } from './support';

const pdf = PDF_TYPE;
const docx = DOCX_TYPE;

/** The review shows the person, their contact line and every bullet of every role. */
async function expectReview(page: Page, resume: ResumeDescription) {
	await expect(page.getByRole('heading', { name: 'Review your import' })).toBeVisible();
	await expect(page.getByRole('heading', { name: resume.name })).toBeVisible();
	await expect(page.getByText(resume.email, { exact: true })).toBeVisible();
	for (const role of [...resume.experience, ...resume.volunteer]) {
		await expect(page.getByRole('strong').filter({ hasText: role.title }).first()).toBeVisible();
		for (const bullet of role.bullets)
			await expect(page.getByRole('listitem').filter({ hasText: bullet })).toHaveCount(1);
	}
}

test('a PDF is reviewed before it replaces the record; a Word file can be discarded', async ({
	page
}) => {
	await signUp(page, 'Zoë Adebayo');
	await uploadResume(page, 'Zoë Adebayo-Lindqvist.pdf', await twoColumnPdf(nurse), pdf);
	await expectReview(page, nurse);
	await expect(page.getByText('Your record is empty, so this becomes your record.')).toBeVisible();
	await expect(page.getByText('Sep 2020 – present')).toBeVisible();
	await checkPage(page, 'career-review');

	// The draft waits: a reload shows it again, and the career page says it is there.
	await page.reload();
	await expect(page.getByRole('heading', { name: nurse.name })).toBeVisible();
	await page.getByRole('link', { name: '← Your career record' }).click();
	await expect(page.getByText('You have an import waiting for review')).toBeVisible();
	await checkPage(page, 'career-import-waiting');
	await page.getByRole('link', { name: 'Review it' }).click();

	await page.getByRole('button', { name: 'Replace my career record' }).click();
	await page.waitForURL(/\/career$/);
	await expect(page.getByRole('status')).toHaveText(/^Imported \d+ items and \d+ facts\.$/);
	await expect(page.getByText('You have an import waiting for review')).toHaveCount(0);
	await expect(page.getByText(nurse.experience[0]!.bullets[1]!)).toBeVisible();

	// A Word document next: the review says what it would replace; discarding keeps the record.
	await uploadResume(page, 'sales.docx', await headingsDocx(salesRep), docx);
	await expectReview(page, salesRep);
	await expect(page.getByText(/It replaces your record of 2 roles and \d+ facts\./)).toBeVisible();
	await page.getByRole('button', { name: 'Discard' }).click();
	await page.waitForURL(/\/career$/);
	await expect(page.getByRole('status')).toHaveText('Import discarded. Your record is as it was.');
	await expect(page.getByText(nurse.experience[0]!.bullets[1]!)).toBeVisible();
	await page.goto('/career/review');
	await expect(page).toHaveURL(/\/career$/);
});

test('a scanned PDF is refused on the career page with what to do instead', async ({ page }) => {
	await signUp(page);
	await page.goto('/career');
	await page.getByLabel('Resume file').setInputFiles({
		name: 'scan.pdf',
		mimeType: pdf,
		buffer: Buffer.from(await scannedPdf())
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'This PDF has no text layer — it looks like a scan. Export it from your word processor as PDF, or paste the text.'
	);
	await expect(page).toHaveURL(/\/career$/);
	await expect(page.getByText('You have an import waiting for review')).toHaveCount(0);
});

test('pasted text goes through the review as well', async ({ page }) => {
	await signUp(page, 'Mateus Gonçalves');
	await page.goto('/career');
	const role = salesRep.experience[0]!;
	await page
		.getByLabel('…or paste your resume')
		.fill(
			`${salesRep.name}\n${salesRep.email}\n\nExperience\n${role.title}, ${role.organization}, 2021 – present\n- ${role.bullets[0]}\n`
		);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.waitForURL(/\/career\/review$/);
	await expect(page.getByText('pasted text', { exact: true })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: role.bullets[0]! })).toHaveCount(1);
	await page.getByRole('button', { name: 'Replace my career record' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Imported \d+ items and \d+ facts\.$/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a Word document laid out in tables is uploaded, reviewed and imported', async ({
		page
	}) => {
		await signUp(page, 'Zoë Adebayo');
		await uploadResume(page, 'resume.docx', await tableDocx(nurse), docx);
		await expectReview(page, nurse);
		await page.getByRole('button', { name: 'Replace my career record' }).click();
		await page.waitForURL(/\/career$/);
		await expect(page.getByRole('status')).toHaveText(/^Imported \d+ items and \d+ facts\.$/);
		await page.reload();
		await expect(page.getByRole('status')).toHaveCount(0);
	});
});
