/** A JSON Resume shaped for reading back to the person it was read from (browser-safe). */
import { humanDate, humanPeriod } from '$lib/dates';
import { placeLine } from '$lib/places';
import type { JsonResume } from '$lib/schemas/profile';

type Obj = Record<string, unknown>;
export type ImportedEntry = {
	title: string;
	subtitle: string;
	dates: string;
	text: string;
	bullets: string[];
};
export type ImportedSection = { id: string; title: string; entries: ImportedEntry[] };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '');
const list = (v: unknown): Obj[] =>
	Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : [];
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);
const join = (parts: string[], by = ' · ') => parts.filter(Boolean).join(by);
const bare = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');

/** Every section, entry and bullet of `resume`, in the order a resume reads; empty ones left out. */
export function readImportedResume(resume: JsonResume, now: Date) {
	const r = resume as Obj;
	const basics = (resume.basics ?? {}) as Obj;
	const contact = [
		str(basics.email),
		str(basics.phone),
		placeLine((basics.location ?? {}) as Obj),
		...list(basics.profiles).map((p) => bare(str(p.url) || str(p.username))),
		bare(str(basics.url))
	].filter(Boolean);

	/** "May 2026" on a degree not finished yet reads "expected May 2026". */
	function degreeDates(e: Obj): string {
		const end = str(e.endDate);
		const ahead = end && !str(e.startDate) && new Date(`${end}-01`.slice(0, 10)) > now;
		return ahead ? `expected ${humanDate(end)}` : humanPeriod(e);
	}

	const roles = (key: 'work' | 'volunteer', org: string) =>
		list(r[key]).map((e): ImportedEntry => ({
			title: str(e.position) || str(e[org]) || 'Untitled role',
			subtitle: join([str(e.position) ? str(e[org]) : '', str(e.location)]),
			dates: humanPeriod(e),
			text: join([str(e.summary), str(e.description)], ' '),
			bullets: strings(e.highlights)
		}));

	const sections: ImportedSection[] = [
		{ id: 'work', title: 'Work', entries: roles('work', 'name') },
		{ id: 'volunteer', title: 'Volunteering', entries: roles('volunteer', 'organization') },
		{
			id: 'education',
			title: 'Education',
			entries: list(r.education).map((e) => ({
				title:
					join([str(e.studyType), str(e.area)], str(e.studyType) && str(e.area) ? ' in ' : '') ||
					str(e.institution),
				subtitle: str(e.studyType) || str(e.area) ? str(e.institution) : '',
				dates: degreeDates(e),
				text: str(e.score),
				bullets: strings(e.courses)
			}))
		},
		{
			id: 'projects',
			title: 'Projects',
			entries: list(r.projects).map((e) => ({
				title: str(e.name) || 'Untitled project',
				subtitle: bare(str(e.url)),
				dates: humanPeriod(e),
				text: str(e.description),
				bullets: strings(e.highlights)
			}))
		},
		{
			id: 'certificates',
			title: 'Certificates and licences',
			entries: list(r.certificates).map((e) => ({
				title: str(e.name),
				subtitle: str(e.issuer),
				dates: humanPeriod(e),
				text: '',
				bullets: []
			}))
		},
		{
			id: 'awards',
			title: 'Awards',
			entries: list(r.awards).map((e) => ({
				title: str(e.title),
				subtitle: str(e.awarder),
				dates: humanPeriod(e),
				text: str(e.summary),
				bullets: []
			}))
		},
		{
			id: 'publications',
			title: 'Publications',
			entries: list(r.publications).map((e) => ({
				title: str(e.name),
				subtitle: join([str(e.publisher), bare(str(e.url))]),
				dates: humanPeriod(e),
				text: str(e.summary),
				bullets: []
			}))
		},
		{
			id: 'references',
			title: 'References',
			entries: list(r.references).map((e) => ({
				title: str(e.name),
				subtitle: '',
				dates: '',
				text: str(e.reference),
				bullets: []
			}))
		}
	];

	const groups = (key: 'skills' | 'interests') =>
		list(r[key]).map((g) => ({ name: str(g.name), keywords: strings(g.keywords) }));
	return {
		name: str(basics.name),
		label: str(basics.label),
		summary: str(basics.summary),
		contact,
		sections: sections.filter((s) => s.entries.length > 0),
		skills: groups('skills'),
		interests: groups('interests'),
		languages: list(resume.languages).map((l) => join([str(l.language), str(l.fluency)], ' — '))
	};
}
