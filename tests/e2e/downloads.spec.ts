import { expect, test } from '@playwright/test';
import { docxText, pdfText } from '../helpers/read-documents';
import { checkPage, downloaded, profileFor } from './support';

// The resume an employer receives, downloaded from the profile page as a person would: PDF and
// Word in a chosen template, read back as recruiters' software reads them.

test('download the resume as PDF and Word in a chosen template, and print it', async ({ page }) => {
	await profileFor(page);
	const profileUrl = page.url();
	// Every selected line, as the JSON Resume export of the same profile has them.
	const json = await (await page.request.get(`${profileUrl}/export/json-resume`)).json();
	const bullets: string[] = [...(json.work ?? []), ...(json.projects ?? [])].flatMap(
		(e: { highlights?: string[] }) => e.highlights ?? []
	);
	expect(bullets.length).toBeGreaterThan(2);

	const group = page.getByRole('region', { name: 'Export and share' });
	await expect(group.getByRole('heading', { name: 'Download your resume' })).toBeVisible();
	await group.getByLabel('Template').selectOption('modern');
	await checkPage(page, 'profile-download');

	const pdf = await downloaded(page, 'PDF');
	expect(pdf.name).toMatch(/^ines-varga-.+\.pdf$/);
	const word = await downloaded(page, 'Word (.docx)');
	expect(word.name).toMatch(/^ines-varga-.+\.docx$/);
	// The form downloads; the page stays where it was.
	expect(page.url()).toBe(profileUrl);

	const texts = [(await pdfText(pdf.bytes)).text, await docxText(word.bytes)];
	for (const text of texts) {
		expect(text).toContain('Ines Varga');
		expect(text).toContain('ines.varga@example.net');
		for (const b of bullets) expect(text).toContain(b);
		expect(text).not.toMatch(/match score|talking point|support \d|\d+%\s*match|tailor/i);
	}

	// The notes stay a separate download for the person.
	await expect(page.getByRole('link', { name: 'Download notes', exact: true })).toBeVisible();

	// Printed, the page is the resume alone: no tools, scores or versions.
	await page.emulateMedia({ media: 'print' });
	await expect(group).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Versions' })).toBeHidden();
	await expect(page.getByText(/\d+% match/).filter({ visible: true })).toHaveCount(0);
	await expect(page.getByLabel(/Match score/)).toBeHidden();
	await expect(page.getByText('ines.varga@example.net').first()).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
});
