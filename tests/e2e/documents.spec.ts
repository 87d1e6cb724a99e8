import { expect, test, type Page } from '@playwright/test';
import { docxText, pdfText } from '../helpers/read-documents';
import {
	headingsDocx,
	nurse,
	salesRep,
	twoColumnPdf,
	type ResumeDescription
} from '../helpers/resume-documents';
import { DOCX_TYPE, downloaded, PDF_TYPE, signUp, uploadResume } from './support';

// The documents people have, end to end: a Word resume and then a PDF one uploaded and reviewed,
// the record tailored to a posting, and the tailored resume downloaded as PDF and Word — read back
// as an employer's software reads them: the person, their contact details, every selected line,
// and nothing of the person's own notes.

const nursePosting = `Clinical Nurse Educator — Emergency Department
Mount Carmel Health, Columbus, OH

We are looking for an experienced emergency nurse to educate and develop our ED nursing staff.

Responsibilities
- Precept and orient newly hired and new graduate nurses
- Lead sepsis and trauma education and track protocol compliance
- Partner with charge nurses on staffing, triage and patient flow

Requirements
- Active RN licence in Ohio
- 5+ years of emergency or critical care nursing experience
- BLS, ACLS and PALS certification
- Experience precepting or teaching nurses

Preferred
- MSN or enrolment in an MSN programme
- TNCC or CEN certification`;

async function review(page: Page, resume: ResumeDescription) {
	await expect(page.getByRole('heading', { name: 'Review your import' })).toBeVisible();
	await expect(page.getByRole('heading', { name: resume.name })).toBeVisible();
	await expect(page.getByText(resume.email, { exact: true })).toBeVisible();
	for (const bullet of resume.experience.flatMap((r) => r.bullets))
		await expect(page.getByRole('listitem').filter({ hasText: bullet })).toHaveCount(1);
	await page.getByRole('button', { name: 'Replace my career record' }).click();
	await page.waitForURL(/\/career$/);
	await expect(page.getByRole('status')).toHaveText(/^Imported \d+ items and \d+ facts\.$/);
}

test('upload Word and PDF resumes, review, tailor, download PDF and Word', async ({ page }) => {
	test.setTimeout(120_000);
	await signUp(page, 'Zoë Adebayo-Lindqvist');

	await uploadResume(page, 'sales-resume.docx', await headingsDocx(salesRep), DOCX_TYPE);
	await review(page, salesRep);
	await expect(page.getByText(salesRep.experience[0]!.bullets[0]!)).toBeVisible();

	await uploadResume(page, 'Zoë Adebayo-Lindqvist.pdf', await twoColumnPdf(nurse), PDF_TYPE);
	await review(page, nurse);
	await expect(page.getByText(nurse.experience[0]!.bullets[1]!)).toBeVisible();
	// The PDF replaced the Word import: the sales roles are gone.
	await expect(page.getByText(salesRep.experience[0]!.bullets[0]!)).toHaveCount(0);

	await page.goto('/opportunities/new');
	await page.getByLabel('Job posting').fill(nursePosting);
	await page.getByRole('button', { name: 'Save and tailor' }).click();
	await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/, { timeout: 90_000 });
	await expect(page.getByRole('heading', { name: 'Talking points' })).toBeVisible();

	// Every line the tailored resume selected, as its JSON Resume export has them.
	const json = await (await page.request.get(`${page.url()}/export/json-resume`)).json();
	const selected: string[] = [...(json.work ?? []), ...(json.volunteer ?? [])].flatMap(
		(e: { highlights?: string[] }) => e.highlights ?? []
	);
	expect(selected.length).toBeGreaterThan(1);
	for (const line of selected)
		expect(
			nurse.experience.flatMap((r) => r.bullets).concat(nurse.volunteer.flatMap((r) => r.bullets))
		).toContain(line);

	const group = page.getByRole('region', { name: 'Export and share' });
	await group.getByLabel('Template').selectOption('classic');
	const pdf = await downloaded(page, 'PDF');
	expect(pdf.name).toMatch(/\.pdf$/);
	const word = await downloaded(page, 'Word (.docx)');
	expect(word.name).toMatch(/\.docx$/);

	const name = nurse.name.replace(/,.*$/, '');
	for (const text of [(await pdfText(pdf.bytes)).text, await docxText(word.bytes)]) {
		expect(text).toContain(name);
		expect(text).toContain(nurse.email);
		expect(text).toContain(nurse.phone);
		for (const line of selected) expect(text).toContain(line);
		expect(text).not.toMatch(/match score|talking point|support \d|\d+\s*%\s*match|\d+\/100/i);
	}
});
