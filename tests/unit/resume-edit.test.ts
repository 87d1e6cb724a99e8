import { describe, expect, it } from 'vitest';
import { applyResumeEdit, parseResumeForm, resumeDraft } from '../../src/lib/ui/resume-edit';

const resume = {
	basics: { name: 'Ines', summary: 'Engineer.' },
	work: [
		{
			name: 'Acme',
			highlights: ['Cut latency by 40%', 'Led 4 engineers'],
			highlightClaimIds: [['c1'], ['c2']]
		},
		{ name: 'Beta', highlights: ['Shipped billing'], highlightClaimIds: [['c3']] }
	]
};

function form(fields: [string, string][]) {
	const f = new FormData();
	for (const [k, v] of fields) f.append(k, v);
	return f;
}

describe('inline resume editing', () => {
	it('keeps the citations of unchanged lines and drops them for rewritten or new ones', () => {
		const edit = parseResumeForm(
			form([
				['summary', '  Platform engineer.  '],
				['e:work:0', ''],
				['h:work:0:0', 'Led 4 engineers'],
				['h:work:0:1', 'Cut latency by half'],
				['h:work:0:2', ''],
				['e:work:1', '']
			])
		);
		const next = applyResumeEdit(resume, edit);
		expect(next.basics).toEqual({ name: 'Ines', summary: 'Platform engineer.' });
		expect(next.work![0]).toMatchObject({
			highlights: ['Led 4 engineers', 'Cut latency by half'],
			highlightClaimIds: [['c2'], []]
		});
		// Every line of the second entry was removed.
		expect(next.work![1]).toMatchObject({ highlights: [], highlightClaimIds: [] });
		// The original is untouched.
		expect(resume.work[0]!.highlights).toHaveLength(2);
	});

	it('orders lines by their index, not by field order, and leaves unmentioned entries alone', () => {
		const edit = parseResumeForm(
			form([
				['h:work:0:1', 'second'],
				['h:work:0:0', 'first'],
				['h:nope:0:0', 'ignored'],
				['summary', '']
			])
		);
		const next = applyResumeEdit(resume, edit);
		expect(next.work![0]!.highlights).toEqual(['first', 'second']);
		expect(next.work![1]!.highlights).toEqual(['Shipped billing']);
		expect(next.basics).toEqual({ name: 'Ines' });
	});
});

describe('resumeDraft', () => {
	it('opens the editor on the summary and the lines of each entry, sections without entries left out', () => {
		expect(
			resumeDraft({ ...resume, work: [{ position: 'Lead', name: 'Acme', highlights: ['A'] }] })
		).toEqual({
			summary: 'Engineer.',
			sections: [
				{ key: 'work', label: 'Experience', entries: [{ title: 'Lead · Acme', lines: ['A'] }] }
			]
		});
		expect(resumeDraft({ projects: [{}] }).sections[0]!.entries).toEqual([
			{ title: 'Entry', lines: [] }
		]);
	});
});
