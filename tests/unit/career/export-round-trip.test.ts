import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { resumeTemplates } from '../../../src/lib/schemas/api';
import type { JsonResume } from '../../../src/lib/schemas/profile';
import type { ProfileView } from '../../../src/lib/server/domain/profiles';
import { importDocument } from '../../../src/lib/server/career/document';
import { exportProfile } from '../../../src/lib/server/export';
import { expectEverything } from '../../helpers/expect-resume';
import { describeJsonResume } from '../../helpers/resume-documents';

// A resume Tailor wrote, imported again: every template's PDF and Word file of each career
// fixture reads back into the record it was made from, field by field.

const careers = path.resolve(import.meta.dirname, '../../fixtures/careers');

const viewOf = (resume: JsonResume) =>
	({
		resume,
		narrative: String((resume.basics as { summary?: string }).summary ?? ''),
		opportunity: { title: 'Role', company: 'Company' }
	}) as unknown as ProfileView;

describe('the resumes Tailor exports import again with every field', () => {
	for (const file of readdirSync(careers).filter((f) => f.endsWith('.json'))) {
		const resume = JSON.parse(readFileSync(path.join(careers, file), 'utf8')) as JsonResume;
		for (const template of resumeTemplates)
			for (const format of ['pdf', 'docx'] as const)
				it(`${file} as ${template} ${format}`, async () => {
					const exported = await exportProfile(viewOf(resume), format, { template });
					const bytes = exported.content as Uint8Array;
					expectEverything(
						await importDocument(bytes, exported.filename),
						describeJsonResume(resume)
					);
				});
	}
});
