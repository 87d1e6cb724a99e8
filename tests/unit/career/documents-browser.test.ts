import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { importDocument } from '../../../src/lib/server/career/document';
import { expectEverything } from '../../helpers/expect-resume';
import { resumeHtml, resumePeople } from '../../helpers/resume-documents';

// Resumes as online builders and "print to PDF" make them: HTML printed by Chromium, where a
// list's bullets are drawn shapes and the dates sit in flex rows. Needs a Chromium (Debian's, or
// E2E_CHROMIUM); without one these tests are skipped, and say so.

const executablePath =
	process.env.E2E_CHROMIUM ??
	['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const people = resumePeople();

describe.skipIf(!executablePath)(
	`PDFs printed by a browser${executablePath ? '' : ' (skipped: no Chromium found)'}`,
	() => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await chromium.launch({
				executablePath,
				args: ['--no-sandbox', '--disable-gpu']
			});
		});
		afterAll(() => browser?.close());

		async function printed(html: string): Promise<Uint8Array> {
			const page = await browser.newPage();
			await page.setContent(html);
			const pdf = await page.pdf({
				format: 'Letter',
				margin: { top: '0.6in', bottom: '0.6in', left: '0.6in', right: '0.6in' }
			});
			await page.close();
			return new Uint8Array(pdf);
		}

		for (const { who, resume } of people) {
			for (const layout of ['single', 'sidebar'] as const) {
				it(`${who} resume, ${layout === 'single' ? 'one column' : 'with a sidebar'}, imports with every field`, async () => {
					const pdf = await printed(resumeHtml(resume, layout));
					expectEverything(await importDocument(pdf, 'resume.pdf'), resume);
				});
			}
		}
	}
);
