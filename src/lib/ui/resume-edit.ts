import type { JsonResume } from '$lib/schemas/profile';

/** The resume sections whose entries carry highlights a person can edit in place. */
export const EDITABLE_SECTIONS = ['work', 'projects', 'volunteer'] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];

/** What the inline editor sends: the summary, and each entry's highlight lines in order. */
export type ResumeTextEdit = {
	summary: string;
	highlights: Partial<Record<EditableSection, string[][]>>;
};

/** The resume's text as the inline editor holds it: the summary and each entry's lines. */
export type ResumeDraft = {
	summary: string;
	sections: {
		key: EditableSection;
		label: string;
		entries: { title: string; lines: string[] }[];
	}[];
};

const sectionLabels: Record<EditableSection, string> = {
	work: 'Experience',
	projects: 'Projects',
	volunteer: 'Volunteering'
};

/** The draft the editor opens with: the resume's summary and the sections that have entries. */
export function resumeDraft(resume: JsonResume): ResumeDraft {
	const r = resume as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	return {
		summary: text((r.basics as Record<string, unknown> | undefined)?.summary),
		sections: EDITABLE_SECTIONS.map((key) => ({
			key,
			label: sectionLabels[key],
			entries: ((r[key] ?? []) as Record<string, unknown>[]).map((e) => ({
				title:
					[text(e.position), text(e.name), text(e.organization)].filter(Boolean).join(' · ') ||
					'Entry',
				lines: [...((e.highlights ?? []) as string[])]
			}))
		})).filter((s) => s.entries.length)
	};
}

const FIELD = /^h:(work|projects|volunteer):(\d{1,4}):(\d{1,4})$/;
const ENTRY = /^e:(work|projects|volunteer):(\d{1,4})$/;

/**
 * The editor's form fields: `summary`, `e:<section>:<entry>` for each entry shown (so an entry
 * whose lines were all removed is emptied) and `h:<section>:<entry>:<line>`; blank lines are dropped.
 */
export function parseResumeForm(form: FormData): ResumeTextEdit {
	const edit: ResumeTextEdit = {
		summary: String(form.get('summary') ?? '').trim(),
		highlights: {}
	};
	const lines: { section: EditableSection; entry: number; line: number; text: string }[] = [];
	const ensure = (section: EditableSection, entry: number) => {
		const entries = (edit.highlights[section] ??= []);
		while (entries.length <= entry) entries.push([]);
		return entries[entry]!;
	};
	for (const name of form.keys()) {
		const e = ENTRY.exec(name);
		if (e) ensure(e[1] as EditableSection, Number(e[2]));
	}
	for (const [name, value] of form.entries()) {
		const m = FIELD.exec(name);
		if (!m || typeof value !== 'string') continue;
		lines.push({
			section: m[1] as EditableSection,
			entry: Number(m[2]),
			line: Number(m[3]),
			text: value.trim()
		});
	}
	lines.sort((a, b) => a.entry - b.entry || a.line - b.line);
	for (const l of lines) {
		const entry = ensure(l.section, l.entry);
		if (l.text) entry.push(l.text);
	}
	return edit;
}

/**
 * The resume with the edited text. A highlight kept word for word keeps the facts it cites; a
 * rewritten or new one cites none (it is the person's own words). Entries the edit does not
 * mention are left as they are.
 */
export function applyResumeEdit(resume: JsonResume, edit: ResumeTextEdit): JsonResume {
	const next = structuredClone(resume) as JsonResume & Record<string, unknown>;
	const basics = { ...((next.basics ?? {}) as Record<string, unknown>) };
	if (edit.summary) basics.summary = edit.summary;
	else delete basics.summary;
	next.basics = basics;
	for (const section of EDITABLE_SECTIONS) {
		const edited = edit.highlights[section];
		const entries = next[section] as
			{ highlights?: string[]; highlightClaimIds?: string[][] }[] | undefined;
		if (!edited || !entries) continue;
		entries.forEach((entry, i) => {
			const lines = edited[i];
			if (!lines) return;
			const old = entry.highlights ?? [];
			const used = new Set<number>();
			const ids = lines.map((text) => {
				const at = old.findIndex((o, j) => !used.has(j) && o.trim() === text);
				if (at < 0) return [];
				used.add(at);
				return entry.highlightClaimIds?.[at] ?? [];
			});
			entry.highlights = lines;
			if (entry.highlightClaimIds || ids.some((x) => x.length)) entry.highlightClaimIds = ids;
		});
	}
	return next;
}
