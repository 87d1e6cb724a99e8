import { describe, expect, it } from 'vitest';
import { generateResume, parsePosting, rankClaims } from '../../../src/lib/server/engines/local';
import { assembleResume } from '../../../src/lib/server/engines/openai/resume';
import { FIXTURES, NOW, careerRecord, readJson, readText } from '../engines/load';

const record = careerRecord(readJson(`${FIXTURES}careers/ines-varga.json`));
const posting = parsePosting(readText(`${FIXTURES}postings/tern-senior-data-scientist.txt`));
const ranking = rankClaims(posting.requirements, record.claims, record.items, { now: NOW });
const local = generateResume(ranking, record.claims, record.items);
const item = (path: string) => record.items.find((i) => i.sourcePath === path)!;
const claim = (path: string) => record.claims.find((c) => c.sourcePath === path)!;
const build = (entries: { itemId: string; claimIds: string[] }[]) =>
	assembleResume(ranking, { entries }, record.claims, record.items);

describe('assembleResume', () => {
	it('is the local resume when the model chose nothing', () => {
		expect(build([])).toEqual(local);
	});

	it('keeps the chosen highlights of an entry, in the model’s order, with their claim ids', () => {
		const a = claim('/work/2/highlights/1');
		const b = claim('/work/2/highlights/0');
		const resume = build([{ itemId: item('/work/2').id, claimIds: [a.id, b.id] }]);
		expect(resume.work?.[2]).toMatchObject({
			name: 'Halvard Insurance',
			highlights: [a.text, b.text],
			highlightClaimIds: [[a.id], [b.id]]
		});
		// Jobs the model left out keep the local engine's selection.
		expect(resume.work?.[0]).toEqual(local.work?.[0]);
	});

	it('never moves a highlight to another entry, and falls back when no chosen id is usable', () => {
		const foreign = claim('/work/0/highlights/0');
		const resume = build([{ itemId: item('/work/2').id, claimIds: [foreign.id, 'claim-999'] }]);
		expect(resume.work?.[2]?.highlights).not.toContain(foreign.text);
		expect(resume.work?.[2]).toEqual(local.work?.[2]);
	});

	it('keeps every job, in the record’s order, whatever order the model lists them in', () => {
		const resume = build(['/work/2', '/work/0'].map((p) => ({ itemId: item(p).id, claimIds: [] })));
		expect(resume.work?.map((w) => w.name)).toEqual([
			'Copperleaf Travel',
			'Marrow & Finch',
			'Halvard Insurance'
		]);
	});

	it('copies every other field of an entry from the record', () => {
		const resume = build([{ itemId: item('/work/1').id, claimIds: [] }]);
		const { highlights: _h, ...rest } = item('/work/1').data;
		expect(resume.work?.[1]).toMatchObject(rest);
		expect(resume.basics).toEqual(local.basics);
		expect(resume.skills).toEqual(local.skills);
		expect(resume.education).toEqual(local.education);
	});
});
