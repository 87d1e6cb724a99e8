import type { JsonResume } from '../../schemas/profile';
import { CareerImportError, extractCareer, validateJsonResume } from './json-resume';
import { takeDates } from './text-dates';

/**
 * Turns a pasted plain-text or Markdown resume into a JSON Resume: contact lines and summary at
 * the top, then sections recognised by their headings (Experience, Education, Skills, …).
 * Entries are a header (title, company, dates in any order) followed by bullets. Never throws
 * anything but `CareerImportError`, and only when nothing usable is found.
 */

type Obj = Record<string, unknown>;
type Section =
	| 'header'
	| 'summary'
	| 'work'
	| 'volunteer'
	| 'education'
	| 'skills'
	| 'projects'
	| 'certificates'
	| 'awards'
	| 'publications'
	| 'languages'
	| 'interests'
	| 'other';

const HEADINGS: [Section, RegExp][] = [
	[
		'summary',
		/^(professional |career |executive )?(summary|profile|about( me)?|objective|overview|introduction)$/
	],
	['volunteer', /^(volunteer(ing)?|volunteer (experience|work)|community( involvement)?)$/],
	[
		'work',
		/^((professional|work|relevant|industry|employment|career)\s+)?(experience|history|employment|work history)( history)?$/
	],
	['education', /^(education|academic (background|history)|education (and|&) training)$/],
	[
		'skills',
		/^((technical|core|key|professional)\s+)?(skills|competencies|technologies|tech stack|tools|expertise|skills (and|&) (tools|technologies))$/
	],
	['projects', /^((personal|side|selected|open[- ]source|key)\s+)?projects$|^open[- ]source$/],
	[
		'certificates',
		/^(certifications?|certificates?|licen[cs]es?( (and|&) certifications?)?|certifications? (and|&) licen[cs]es?)$/
	],
	['awards', /^(awards?|honou?rs?( (and|&) awards)?|awards (and|&) honou?rs|achievements)$/],
	['publications', /^(publications?|talks|talks (and|&) publications|speaking)$/],
	['languages', /^(spoken )?languages$/],
	['interests', /^(interests|hobbies|hobbies (and|&) interests)$/]
];

const BULLET = /^\s*(?:[-*+•·–—▪◦●○■►✓✔]|\d{1,2}[.)])\s+(.*)$/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /\bhttps?:\/\/[^\s)>\]]+/;
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/;
const JOB_WORD =
	/\b(engineer|developer|designer|manager|scientist|analyst|lead|director|architect|specialist|consultant|administrator|intern|head|officer|writer|researcher|coordinator|associate|assistant|recruiter|accountant|programmer|technician|strategist|owner|editor|executive|founder|co-founder|cto|ceo|vp|president|teacher|instructor|nurse|marketer|representative|tester|sre|devops|staff|principal)\b/i;
const SCHOOL =
	/\b(university|college|institute|school|academy|polytechnic|universit[äa]t|conservatory)\b/i;
const DEGREE =
	/\b(bachelor(?:'s)?|master(?:'s)?|ph\.?\s?d|doctorate|mba|associate(?:'s)? degree|diploma|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng|m\.?\s?eng|bs|ms|ba|ma)\b/i;
const MIN_SUMMARY_WORDS = 12;
const MAX_LINE = 2_000;
const SEPARATORS = /\s+(?:at|@)\s+|\s+[—–|·•]\s+|\s+-\s+|\s*\|\s*/i;

function plain(line: string): string {
	return (
		line
			.replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, t: string, u: string) =>
				URL.test(u) && !t.includes(u) ? `${t} ${u}` : t
			)
			.replace(/(\*\*|__)(.*?)\1/g, '$2')
			.replace(/(^|[\s(])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=[\s).,;:]|$)/g, '$1$2')
			.replace(/`([^`]*)`/g, '$1')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g, '')
			.replace(/[\u200b\u00a0]/g, ' ')
			.replace(/\s+$/, '')
	);
}

function headingOf(line: string): Section | null {
	const t = line
		.replace(/^#{1,6}\s*/, '')
		.replace(/[:：]\s*$/, '')
		.replace(/^[=\-_*\s]+|[=\-_*\s]+$/g, '')
		.trim()
		.toLowerCase();
	if (!t || t.length > 45) return null;
	return HEADINGS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/** Splits "a, b (c, d); e" on commas, semicolons and bullets outside parentheses. */
export function splitList(text: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(' || ch === '[') depth++;
		if ((ch === ')' || ch === ']') && depth > 0) depth--;
		if (depth === 0 && /[,;•·|]/.test(ch)) {
			out.push(current);
			current = '';
		} else current += ch;
	}
	out.push(current);
	return out
		.map((s) =>
			s
				.trim()
				.replace(/^(and|or)\s+/i, '')
				.replace(/\.$/, '')
		)
		.filter(Boolean);
}

type Entry = { header: string[]; bullets: string[]; prose: string[] };

/** Groups section lines into entries: header lines, then bullets (and prose) until a new header. */
function entries(lines: string[]): Entry[] {
	const out: Entry[] = [];
	let current: Entry | null = null;
	for (const line of lines) {
		const bullet = BULLET.exec(line);
		if (bullet) {
			current ??= { header: [], bullets: [], prose: [] };
			if (!out.includes(current)) out.push(current);
			current.bullets.push((bullet[1] ?? '').trim());
			continue;
		}
		const text = line.trim();
		if (current && current.bullets.length > 0 && /^[a-z(]/.test(text)) {
			current.bullets[current.bullets.length - 1] += ' ' + text;
			continue;
		}
		const prose = text.length > 90 || (/[.!?]$/.test(text) && text.split(/\s+/).length > 8);
		if (prose && current) {
			current.prose.push(text);
			continue;
		}
		if (
			!current ||
			current.bullets.length > 0 ||
			current.prose.length > 0 ||
			current.header.length >= 3
		) {
			current = { header: [], bullets: [], prose: [] };
			out.push(current);
		}
		(prose ? current.prose : current.header).push(text);
	}
	return out.filter((e) => e.header.length + e.bullets.length + e.prose.length > 0);
}

/** Header pieces of an entry without its dates: "Senior Engineer — Acme (2019 – 2021)". */
function headerParts(header: string[]): { parts: string[]; startDate?: string; endDate?: string } {
	let startDate: string | undefined;
	let endDate: string | undefined;
	const parts: string[] = [];
	for (const line of header) {
		const d = takeDates(line);
		if (d.startDate && !startDate) {
			startDate = d.startDate;
			endDate = d.endDate;
		}
		const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(d.rest);
		const pieces = at ? [at[1] ?? '', at[2] ?? ''] : d.rest.split(SEPARATORS);
		for (const p of pieces) {
			const clean = p.replace(/^[\s,;:()–—-]+|[\s,;:()–—-]+$/g, '').trim();
			if (clean) parts.push(clean);
		}
	}
	return { parts, startDate, endDate };
}

const LOCATION =
	/^(remote|hybrid|on-?site)\b|^[\p{Lu}][\p{L} .'-]+,\s*[\p{Lu}]{2,}$|^[\p{Lu}][\p{L} .'-]+,\s*[\p{Lu}][\p{L}]+$/u;
const set = (o: Obj, key: string, value: unknown) => {
	if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
		o[key] = value;
};

function workEntry(e: Entry, nameKey: 'name' | 'organization'): Obj | null {
	const { parts, startDate, endDate } = headerParts(e.header);
	const location = parts.find((p) => LOCATION.test(p));
	const rest = parts.filter((p) => p !== location);
	const position = rest.find((p) => JOB_WORD.test(p)) ?? (rest.length > 1 ? rest[1] : undefined);
	const name = rest.find((p) => p !== position);
	const out: Obj = {};
	set(out, nameKey, name);
	set(out, 'position', position);
	set(out, 'location', location);
	set(out, 'startDate', startDate);
	set(out, 'endDate', endDate);
	set(out, 'summary', e.prose.join(' '));
	set(out, 'highlights', e.bullets);
	return Object.keys(out).length > 0 && (e.bullets.length > 0 || name || position) ? out : null;
}

function educationEntry(e: Entry): Obj | null {
	const { parts, startDate, endDate } = headerParts([...e.header, ...e.prose]);
	const pieces = parts.flatMap((p) => p.split(/,\s*/));
	const institution = pieces.find((p) => SCHOOL.test(p)) ?? pieces.find((p) => !DEGREE.test(p));
	const degreeText = pieces.find((p) => p !== institution && DEGREE.test(p));
	const out: Obj = {};
	set(out, 'institution', institution);
	if (degreeText) {
		const m = /^(.*?)\s+(?:in|of)\s+(.+)$/i.exec(degreeText);
		set(out, 'studyType', m ? m[1] : degreeText);
		set(out, 'area', m ? m[2] : pieces.find((p) => p !== institution && p !== degreeText));
	}
	set(out, 'startDate', startDate);
	set(out, 'endDate', endDate);
	set(out, 'courses', e.bullets);
	return institution || degreeText ? out : null;
}

function projectEntry(e: Entry): Obj | null {
	const { parts, startDate, endDate } = headerParts(e.header);
	const url = [...e.header, ...e.prose].join(' ').match(URL)?.[0];
	const out: Obj = {};
	set(out, 'name', parts[0]?.replace(URL, '').trim());
	set(out, 'description', [...parts.slice(1), ...e.prose].join(' ').replace(URL, '').trim());
	set(out, 'highlights', e.bullets);
	set(out, 'startDate', startDate);
	set(out, 'endDate', endDate);
	set(out, 'url', url);
	return out.name || out.description || e.bullets.length > 0 ? out : null;
}

/** "Languages: Go, Python" or "Go, Python, SQL" → a skill group. */
function skillGroup(line: string, fallbackName: string): Obj | null {
	const m = /^([^:]{1,40}):\s*(.+)$/.exec(line);
	const keywords = splitList(m ? (m[2] ?? '') : line).filter((k) => k.length <= 60);
	if (keywords.length === 0) return null;
	return { name: m ? (m[1] ?? '').trim() : fallbackName, keywords };
}

function simpleEntries(lines: string[], key: string): Obj[] {
	return lines.map((line) => {
		const text = (BULLET.exec(line)?.[1] ?? line).trim();
		const { startDate, rest } = takeDates(text);
		const out: Obj = { [key]: rest.replace(/[\s,;:()–—-]+$/, '') || text };
		set(out, 'date', startDate);
		return out;
	});
}

/** Reads the lines above the first section; returns bullets found there. */
function parseHeader(lines: string[], resume: Obj, basics: Obj): string[] {
	const prose: string[] = [];
	const bullets: string[] = [];
	for (const raw of lines) {
		const line = raw.replace(/^#{1,6}\s*/, '').trim();
		if (!line) continue;
		const bullet = BULLET.exec(raw);
		if (bullet) {
			bullets.push((bullet[1] ?? '').trim());
			continue;
		}
		const email = line.includes('@') ? line.match(EMAIL)?.[0] : undefined;
		const url = line.match(URL)?.[0];
		if (email || url || PHONE.test(line)) {
			set(basics, 'email', basics.email ?? email);
			set(basics, 'url', basics.url ?? url);
			const phone = line.replace(EMAIL, ' ').replace(URL, ' ').match(PHONE)?.[0];
			set(basics, 'phone', basics.phone ?? phone?.trim());
			continue;
		}
		if (/^skills?\s*:/i.test(line)) {
			const group = skillGroup(line, 'Skills');
			if (group) (resume.skills as Obj[]).push(group);
			continue;
		}
		const words = line.split(/\s+/);
		if (
			!basics.name &&
			words.length >= 2 &&
			words.length <= 5 &&
			/^[\p{Lu}][\p{L}'’.-]*(\s+[\p{Lu}][\p{L}'’.-]*)+$/u.test(line.split(/\s+[—–|·-]\s+/)[0] ?? '')
		) {
			const [name, label] = line.split(/\s+[—–|·-]\s+/);
			set(basics, 'name', name?.trim());
			set(basics, 'label', label?.trim());
			continue;
		}
		if (basics.name && !basics.label && line.length <= 60 && !/[.!?]$/.test(line)) {
			set(basics, 'label', line);
			continue;
		}
		prose.push(line);
	}
	if (prose.length > 0 && !basics.summary) set(basics, 'summary', prose.join(' '));
	return bullets;
}

function build(text: string): Obj {
	// A real resume line is short; capping them keeps every regex below linear in practice.
	const lines = text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => plain(l.slice(0, MAX_LINE)));
	const sections = new Map<Section, string[]>();
	let section: Section = 'header';
	for (const line of lines) {
		const heading = BULLET.test(line) ? null : headingOf(line);
		if (heading) {
			section = heading;
			continue;
		}
		if (/^\s*([=\-_*]\s*){3,}$/.test(line)) continue;
		if (!sections.has(section)) sections.set(section, []);
		sections.get(section)?.push(line);
	}
	const resume: Obj = { skills: [] };
	const basics: Obj = {};
	const get = (s: Section) => (sections.get(s) ?? []).filter((l) => l.trim());
	const noSections = [...sections.keys()].every((s) => s === 'header');
	const header = get('header');
	// Without any headings, everything after the first paragraph is treated as experience.
	const firstBlank = lines.findIndex(
		(l, i) => i > 0 && !l.trim() && lines.slice(0, i).some((x) => x.trim())
	);
	const headerBullets = parseHeader(
		noSections && firstBlank > 0 ? lines.slice(0, firstBlank) : header,
		resume,
		basics
	);
	const workLines =
		noSections && firstBlank > 0 ? lines.slice(firstBlank).filter((l) => l.trim()) : get('work');
	// Bullets above any job belong to an (unnamed) role rather than to the summary.
	if (headerBullets.length > 0) workLines.unshift(...headerBullets.map((b) => `- ${b}`));

	const summary = get('summary').map((l) => (BULLET.exec(l)?.[1] ?? l).trim());
	if (summary.length > 0) basics.summary = summary.join(' ');
	resume.basics = basics;

	const skillLines = get('skills');
	const skills = resume.skills as Obj[];
	const looseKeywords: string[] = [];
	for (const line of skillLines) {
		const text = (BULLET.exec(line)?.[1] ?? line).trim();
		if (/^[^:]{1,40}:\s*\S/.test(text)) {
			const group = skillGroup(text, 'Skills');
			if (group) skills.push(group);
		} else looseKeywords.push(...splitList(text));
	}
	if (looseKeywords.length > 0) skills.push({ name: 'Skills', keywords: looseKeywords });

	const inlineSkills = (l: string) => /^\s*(?:[-*•]\s*)?(?:technical\s+)?skills?\s*:/i.test(l);
	for (const line of workLines.filter(inlineSkills)) {
		const group = skillGroup(line.replace(/^\s*[-*•]\s*/, ''), 'Skills');
		if (group) skills.push(group);
	}
	const work = entries(workLines.filter((l) => !inlineSkills(l)))
		.map((e) => workEntry(e, 'name'))
		.filter((e): e is Obj => e !== null);
	set(resume, 'work', work);
	set(
		resume,
		'volunteer',
		entries(get('volunteer'))
			.map((e) => workEntry(e, 'organization'))
			.filter((e): e is Obj => e !== null)
	);
	set(
		resume,
		'education',
		entries(get('education'))
			.map(educationEntry)
			.filter((e): e is Obj => e !== null)
	);
	set(
		resume,
		'projects',
		entries(get('projects'))
			.map(projectEntry)
			.filter((e): e is Obj => e !== null)
	);
	set(resume, 'certificates', simpleEntries(get('certificates'), 'name'));
	set(resume, 'awards', simpleEntries(get('awards'), 'title'));
	set(resume, 'publications', simpleEntries(get('publications'), 'name'));
	set(
		resume,
		'languages',
		get('languages')
			.flatMap((l) => splitList((BULLET.exec(l)?.[1] ?? l).trim()))
			.map((l) => {
				const m = /^(.+?)\s*[(:–—-]\s*([^)]+)\)?$/.exec(l);
				return m
					? { language: (m[1] ?? '').trim(), fluency: (m[2] ?? '').trim() }
					: { language: l };
			})
	);
	const interests = get('interests').flatMap((l) => splitList((BULLET.exec(l)?.[1] ?? l).trim()));
	if (interests.length > 0) resume.interests = [{ name: 'Interests', keywords: interests }];
	if (skills.length === 0) delete resume.skills;
	// JSON Resume's usual section order, for a document that reads naturally.
	const order = ['basics', 'work', 'volunteer', 'education', 'awards', 'certificates'];
	order.push('publications', 'skills', 'languages', 'interests', 'projects');
	return Object.fromEntries(order.filter((k) => k in resume).map((k) => [k, resume[k]]));
}

/** True when the parse found more than a few stray words. */
function usable(resume: Obj): boolean {
	const sections = ['work', 'education', 'skills', 'projects', 'certificates', 'volunteer'];
	if (sections.some((s) => Array.isArray(resume[s]) && (resume[s] as unknown[]).length > 0)) {
		return extractCareer(resume as JsonResume).claims.length > 0;
	}
	const summary = String((resume.basics as Obj | undefined)?.summary ?? '');
	return (summary.match(/\p{L}{2,}/gu) ?? []).length >= MIN_SUMMARY_WORDS;
}

export function parseTextResume(text: unknown): JsonResume {
	if (typeof text !== 'string' || !text.trim()) {
		throw new CareerImportError('The resume text is empty: paste a resume to import.');
	}
	let resume: Obj;
	try {
		resume = build(text.slice(0, 200_000));
	} catch (e) {
		throw new CareerImportError(`Could not read this resume: ${(e as Error).message}`);
	}
	if (!usable(resume)) {
		throw new CareerImportError(
			'No resume content was found. Use headings such as Experience, Education and Skills, ' +
				'with one line per job (title, company, dates) followed by bullet points.'
		);
	}
	return validateJsonResume(resume);
}
