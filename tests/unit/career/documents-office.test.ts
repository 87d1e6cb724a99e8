import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { importDocument } from '../../../src/lib/server/career/document';
import { expectEverything } from '../../helpers/expect-resume';
import { headingsDocx, tableDocx, resumePeople } from '../../helpers/resume-documents';

// Word documents saved as PDF, as people send them: the generated .docx files converted by
// LibreOffice (a word processor's own PDF export: its fonts, tab stops, tables and bullets).
// Needs LibreOffice (`soffice`), which Tailor itself never uses and CI does not install (it is a
// large package); without it these tests are skipped, and their title says so.

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const people = resumePeople();
const layouts = [
	{ name: 'headings and bullets', make: headingsDocx },
	{ name: 'tables', make: tableDocx }
];

describe.skipIf(!soffice)(
	`Word documents saved as PDF${soffice ? '' : ' (skipped: LibreOffice not found)'}`,
	() => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tailor-office-'));
		const name = (who: string, layout: string) => `${who} ${layout}`.replace(/\W+/g, '-');
		beforeAll(async () => {
			const files: string[] = [];
			for (const { who, resume } of people)
				for (const layout of layouts) {
					const file = path.join(dir, `${name(who, layout.name)}.docx`);
					writeFileSync(file, await layout.make(resume));
					files.push(file);
				}
			// One run converts them all (LibreOffice takes a few seconds to start).
			const run = spawnSync(
				soffice!,
				['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files],
				{ env: { ...process.env, HOME: dir }, timeout: 120_000, encoding: 'utf8' }
			);
			if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
		}, 150_000);
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		for (const { who, resume } of people)
			for (const layout of layouts)
				it(`${who} resume laid out with ${layout.name} imports with every field`, async () => {
					const pdf = readFileSync(path.join(dir, `${name(who, layout.name)}.pdf`));
					expectEverything(await importDocument(new Uint8Array(pdf), 'resume.pdf'), resume);
				});
	}
);
