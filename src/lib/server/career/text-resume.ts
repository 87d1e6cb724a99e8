import type { JsonResume } from '../../schemas/profile';
import { CareerImportError, extractCareer, validateJsonResume } from './json-resume';
import { parseLocation, readContactLine, URL } from './text-contact';
import { DATE_RANGE, EXPIRY, takeDates, takeProgress } from './text-dates';

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
	| 'references';

/** One heading's words (qualifiers such as "professional" removed) → its section. */
const HEADING_WORDS: [Section, RegExp][] = [
	// A sidebar's "Contact" heading: what follows is more of the header (email, phone, links).
	[
		'header',
		/^(contact|contacts|contact details|contact information|contact info|personal details|personal information|personal info|details|get in touch)$/
	],
	[
		'summary',
		/^(summary|profile|about|about me|objective|overview|introduction|personal statement|statement|bio|summary of qualifications|qualifications summary|qualifications|highlights)$/
	],
	[
		'volunteer',
		/^(volunteer|volunteering|volunteer experience|volunteer work|volunteer roles|community|community service|community involvement|community engagement|civic engagement|service)$/
	],
	[
		'work',
		/^(experience|work|work experience|employment|employment history|work history|career history|positions|positions held|roles)$/
	],
	['education', /^(education|academic background|academics|academic history|schooling)$/],
	[
		'certificates',
		/^(certifications?|certificates?|licen[cs]es?|licensure|credentials|accreditations?|registrations?|training)$/
	],
	['languages', /^(languages|spoken languages|language skills|language proficiency)$/],
	[
		'skills',
		/^(skills|skill set|skillset|competencies|competences|technologies|tech stack|tools|expertise|abilities|proficiencies|strengths|capabilities)$/
	],
	['projects', /^(projects|open[- ]source|portfolio|open[- ]source contributions)$/],
	['awards', /^(awards?|honou?rs?|achievements|recognition|distinctions|scholarships)$/],
	['publications', /^(publications?|talks|presentations|speaking|papers|conference talks)$/],
	['interests', /^(interests|hobbies|activities|personal interests)$/],
	['references', /^(references|referees)$/]
];
/** Words before a heading's own that do not change it: "Professional Experience". */
const QUALIFIER =
	/^(professional|career|executive|relevant|industry|clinical|nursing|teaching|research|military|leadership|management|technical|core|key|other|additional|selected|personal|side|recent|previous|prior|related|notable|my)\s+/;
const BULLET = /^\s*(?:[-*+•·–—▪◦●○■►✓✔]|\d{1,2}[.)])\s+(.*)$/;
const JOB_WORD =
	/\b(engineer|developer|designer|manager|scientist|analyst|lead|director|architect|specialist|consultant|administrator|intern|head|officer|writer|researcher|coordinator|associate|assistant|recruiter|accountant|programmer|technician|strategist|owner|editor|executive|founder|co-founder|cto|ceo|vp|president|teacher|instructor|nurse|marketer|representative|tester|sre|devops|staff|principal|leader|mentor|tutor|volunteer|organi[sz]er|chair|treasurer|secretary|trustee|captain|coach|counsell?or|ambassador|clerk|cashier|driver|agent|advis[eo]r|planner|producer|buyer|supervisor|operator|therapist|pharmacist|physician|paramedic|aide|caregiver|chef|cook|barista|electrician|mechanic|fellow|professor|lecturer|librarian|midwife|dietitian|technologist|paralegal|attorney|lawyer|auditor|controller|bookkeeper)\b/i;
const SCHOOL =
	/\b(university|college|institute|school|academy|polytechnic|universit[äa]t|conservatory)\b/i;
const DEGREE =
	/\b(bachelor(?:'s)?|master(?:'s)?|ph\.?\s?d|doctorate|mba|associate(?:'s)? (?:degree|of)|diploma|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng|m\.?\s?eng|bsn|msn|dnp|adn|asn|bba|bfa|mfa|mph|mpa|msw|llb|llm|jd|md|edd|pgce|pgdip|hnd|ged|a\.a\.s?\.?|a\.s\.|bs|ms|ba|ma)\b/i;
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

function sectionOfWords(words: string): Section | null {
	let t = words.trim();
	for (let i = 0; i < 3 && QUALIFIER.test(t); i++) t = t.replace(QUALIFIER, '');
	return HEADING_WORDS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/** The section a heading line opens ("## Experience", "LICENSES & CERTIFICATIONS:"), or null. */
export function headingOf(line: string): Section | null {
	const t = line
		.replace(/^#{1,6}\s*/, '')
		.replace(/[:：]\s*$/, '')
		.replace(/^[=\-_*\s]+|[=\-_*\s]+$/g, '')
		.trim()
		.toLowerCase()
		.replace(/\s*(?:&|\+|\/|,)\s*/g, ' and ')
		.replace(/\s+/g, ' ');
	if (!t || t.length > 60 || t.split(' ').length > 7) return null;
	const whole = sectionOfWords(t);
	if (whole) return whole;
	// "Licenses and Certifications", "Awards and Honors": the first part names the section, and
	// every other part must be a heading too (so "Customer Experience and Retention" is not one).
	const parts = t.split(/\s+and\s+/);
	if (parts.length < 2) return null;
	const first = sectionOfWords(parts[0] ?? '');
	return first && parts.slice(1).every((p) => sectionOfWords(p)) ? first : null;
}

/** Splits a text at the characters `separator` matches outside parentheses and brackets. */
function splitOutside(text: string, separator: RegExp): string[] {
	const out: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(' || ch === '[') depth++;
		if ((ch === ')' || ch === ']') && depth > 0) depth--;
		if (depth === 0 && separator.test(ch)) {
			out.push(current);
			current = '';
		} else current += ch;
	}
	out.push(current);
	return out;
}

/** Splits "a, b (c, d); e" on commas, semicolons and bullets outside parentheses. */
export function splitList(text: string): string[] {
	const out = splitOutside(text, /[,;•·|]/);
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

const hasDate = (text: string) => DATE_RANGE.test(text);

/**
 * Groups section lines into entries: header lines, then bullets (and prose) until a new header.
 * A header line with dates after a header line with dates starts another entry too, so that two
 * degrees on consecutive lines stay two.
 */
function entries(lines: string[]): Entry[] {
	const out: Entry[] = [];
	let current: Entry | null = null;
	let afterBullet = false;
	for (const line of lines) {
		const bullet = BULLET.exec(line);
		if (bullet) {
			current ??= { header: [], bullets: [], prose: [] };
			if (!out.includes(current)) out.push(current);
			current.bullets.push((bullet[1] ?? '').trim());
			afterBullet = true;
			continue;
		}
		const text = line.trim();
		// A bullet wrapped onto the next line: it goes on in lower case or "(", or indented (and
		// reads as a sentence or has no dates, unlike an indented header of the next entry).
		const wrapped =
			/^[a-z(]/.test(text) || (/^\s/.test(line) && (/[.!?;,]$/.test(text) || !hasDate(text)));
		if (current && afterBullet && current.bullets.length > 0 && wrapped) {
			current.bullets[current.bullets.length - 1] += ' ' + text;
			continue;
		}
		afterBullet = false;
		// A long line is prose unless it reads as a header: "Title | Employer | City | dates".
		const prose =
			(text.length > 90 && !hasDate(text) && !SEPARATORS.test(text)) ||
			(/[.!?]$/.test(text) && text.split(/\s+/).length > 8);
		if (prose && current) {
			current.prose.push(text);
			continue;
		}
		if (
			!current ||
			current.bullets.length > 0 ||
			current.prose.length > 0 ||
			current.header.length >= 3 ||
			(hasDate(text) && current.header.some(hasDate)) ||
			(degreeLine(text) && current.header.some(degreeLine) && current.header.some(schoolLine))
		) {
			current = { header: [], bullets: [], prose: [] };
			out.push(current);
		}
		(prose ? current.prose : current.header).push(text);
	}
	return out.filter((e) => e.header.length + e.bullets.length + e.prose.length > 0);
}

/** "BSc Mathematics, University of York": a line naming a degree (not "Cambridge, MA"). */
const degreeLine = (text: string) =>
	DEGREE.test(text) && !commaPieces(text).some((_, i, all) => isPlace(all.slice(i).join(', ')));
const schoolLine = (text: string) => SCHOOL.test(text);

type HeaderParts = {
	parts: string[];
	startDate?: string;
	endDate?: string;
	open?: boolean;
	single?: boolean;
};

/** Header pieces of an entry without its dates: "Senior Engineer — Acme (2019 – 2021)". */
function headerParts(header: string[]): HeaderParts {
	const out: HeaderParts = { parts: [] };
	for (const line of header) {
		const d = takeDates(line);
		if (d.startDate && !out.startDate) {
			out.startDate = d.startDate;
			out.endDate = d.endDate;
			out.open = d.open;
			out.single = d.single;
		}
		const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(d.rest);
		const pieces = at ? [at[1] ?? '', at[2] ?? ''] : d.rest.split(SEPARATORS);
		for (const p of pieces) {
			const clean = tidy(p);
			if (clean) out.parts.push(clean);
		}
	}
	return out;
}

/** Without the separators and stray brackets around it; parentheses with content are kept. */
function tidy(text: string): string {
	let t = text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim();
	// A bracket left open or closed by a split ("(Remote", "Acme)") goes; a whole "(…)" stays.
	for (let i = 0; i < 3; i++) {
		const opens = (t.match(/\(/g) ?? []).length;
		const closes = (t.match(/\)/g) ?? []).length;
		if (opens > closes && t.startsWith('(')) t = t.slice(1);
		else if (closes > opens && t.endsWith(')')) t = t.slice(0, -1);
		else if (opens > closes && t.endsWith('(')) t = t.slice(0, -1);
		else break;
		t = t.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim();
	}
	return t;
}

/** Splits on commas outside parentheses: "Registered Nurse (RN, BSN), Ohio" → two pieces. */
function commaPieces(text: string): string[] {
	return splitOutside(text, /,/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/** "Remote", "Chicago, IL", "Leeds, UK": a place a job is in (a known region or country). */
function isPlace(text: string): boolean {
	return (
		/^(remote|hybrid|on-?site)\b/i.test(text) ||
		!!parseLocation(text)?.countryCode ||
		/^[\p{Lu}][\p{L} .'-]+,\s*[\p{Lu}]{2,3}$/u.test(text)
	);
}

/** "Riverside Hospital, Columbus, OH" → the place it is in and the rest. */
function trailingPlace(text: string): { rest: string; place: string } | null {
	const pieces = commaPieces(text);
	for (const n of [3, 2, 1]) {
		if (pieces.length <= n - 1) continue;
		const place = pieces.slice(-n).join(', ');
		const test = n === 1 ? `X, ${place}` : place;
		if ((n > 1 && isPlace(test)) || (n === 1 && parseLocation(test)?.countryCode)) {
			return { rest: pieces.slice(0, -n).join(', '), place: n === 1 ? place : place };
		}
	}
	return null;
}

const set = (o: Obj, key: string, value: unknown) => {
	if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
		o[key] = value;
};

function workEntry(e: Entry, nameKey: 'name' | 'organization'): Obj | null {
	const h = headerParts(e.header);
	let location: string | undefined;
	let rest: string[] = [];
	for (const p of h.parts) {
		if (!location && isPlace(p)) {
			location = p;
			continue;
		}
		const tail = location ? null : trailingPlace(p);
		if (tail?.rest) {
			location = tail.place;
			rest.push(tail.rest);
		} else rest.push(p);
	}
	// "Marketing Manager, Brightwell Foods": a title and an employer on one line.
	const only = rest.length === 1 ? commaPieces(rest[0] ?? '') : [];
	if (only.length === 2 && JOB_WORD.test(only[0] ?? '') !== JOB_WORD.test(only[1] ?? '')) {
		rest = only;
	}
	const position = rest.find((p) => JOB_WORD.test(p)) ?? (rest.length > 1 ? rest[1] : undefined);
	const name = rest.find((p) => p !== position);
	const more = rest.filter((p) => p !== position && p !== name);
	const out: Obj = {};
	set(out, nameKey, name);
	set(out, 'position', position);
	set(out, 'location', location);
	set(out, 'description', more.join(', '));
	set(out, 'startDate', h.startDate);
	// One date alone is the whole period ("2019"); "since 2019" or "– present" is still going.
	set(out, 'endDate', h.single ? h.startDate : h.endDate);
	set(out, 'summary', e.prose.join(' '));
	set(out, 'highlights', e.bullets);
	// A lone line with no dates, bullets or job title ("Floated to ICU twice a month") is not an
	// entry of its own: the caller keeps it with the entry before.
	const stray =
		e.bullets.length === 0 &&
		e.prose.length === 0 &&
		!h.startDate &&
		!JOB_WORD.test(position ?? '');
	if (stray) return null;
	return Object.keys(out).length > 0 && (e.bullets.length > 0 || name || position) ? out : null;
}

/** "Bachelor of Science in Nursing (BSN)", "BSc (Hons) Mathematics", "MSc Data Science". */
function splitDegree(text: string): { studyType: string; area?: string } {
	const m = /^(.*?)\s+in\s+(.+?)(\s*\([^)]*\))?$/i.exec(text);
	if (m) return { studyType: `${m[1] ?? ''}${m[3] ?? ''}`, area: m[2] };
	const short = /^([A-Z][A-Za-z.]{1,6}(?:\s*\([^)]*\))?)\s+(?!in\b|of\b)(\p{Lu}.*)$/u.exec(text);
	if (short && DEGREE.test(short[1] ?? '') && !DEGREE.test(short[2] ?? '')) {
		return { studyType: short[1] ?? '', area: short[2] };
	}
	return { studyType: text };
}

const GRADE = /\b(gpa|grade|cum laude|honou?rs|distinction|first[- ]class|dean'?s list|merit)\b/i;

function educationEntry(e: Entry): Obj | null {
	let expected = false;
	let inProgress = false;
	const lines = [...e.header, ...e.prose].map((l) => {
		const p = takeProgress(l);
		expected ||= p.expected;
		inProgress ||= p.inProgress;
		return p.rest;
	});
	const h = headerParts(lines);
	// Pieces, with "Columbus, OH" kept as one place.
	const raw = h.parts.flatMap(commaPieces);
	const pieces: { text: string; place: boolean }[] = [];
	for (let i = 0; i < raw.length; i++) {
		const two = i + 1 < raw.length ? `${raw[i]}, ${raw[i + 1]}` : '';
		if (two && parseLocation(two)?.countryCode && !SCHOOL.test(raw[i] ?? '')) {
			pieces.push({ text: two, place: true });
			i++;
		} else pieces.push({ text: raw[i] ?? '', place: false });
	}
	const others = pieces.filter((p) => !p.place).map((p) => p.text);
	const places = pieces.filter((p) => p.place).map((p) => p.text);
	const school = others.find((p) => SCHOOL.test(p)) ?? others.find((p) => !DEGREE.test(p));
	const degreeText = others.find((p) => p !== school && DEGREE.test(p));
	let left = others.filter((p) => p !== school && p !== degreeText);
	const out: Obj = {};
	// The school's town stays with its name: "Capital University, Columbus, OH".
	set(out, 'institution', school && [school, ...places].join(', '));
	if (degreeText) {
		const degree = splitDegree(degreeText);
		set(out, 'studyType', degree.studyType);
		// "Nursing, Nursing Education": the field and what is studied in it.
		const more = left.filter((p) => !GRADE.test(p));
		set(out, 'area', [degree.area, ...more].filter(Boolean).join(', '));
		left = left.filter((p) => !more.includes(p));
	}
	const grade = left.filter((p) => GRADE.test(p));
	set(out, 'score', grade.join(', '));
	left = left.filter((p) => !GRADE.test(p));
	if (expected && h.startDate) {
		// "expected May 2026", "(anticipated 2026)": the date the degree is due.
		if (h.single) set(out, 'endDate', h.startDate);
		else {
			set(out, 'startDate', h.startDate);
			set(out, 'endDate', h.endDate);
		}
	} else if (inProgress && h.single) {
		set(out, 'startDate', h.startDate);
	} else {
		// One date on a degree is when it was completed, not the start of something ongoing.
		if (!h.single) set(out, 'startDate', h.startDate);
		set(out, 'endDate', h.single ? h.startDate : h.endDate);
	}
	if ((inProgress || expected) && !out.startDate && !out.endDate) {
		// No date to tell from: the words themselves say it is not finished.
		const key = out.area ? 'area' : 'studyType';
		if (out[key]) out[key] = `${String(out[key])} (in progress)`;
		else left.push('in progress');
	}
	set(out, 'courses', [...left, ...e.bullets]);
	return school || degreeText ? out : null;
}

function projectEntry(e: Entry): Obj | null {
	const h = headerParts(e.header);
	const url = [...e.header, ...e.prose].join(' ').match(URL)?.[0];
	const out: Obj = {};
	set(out, 'name', h.parts[0]?.replace(URL, '').trim());
	set(out, 'description', tidy([...h.parts.slice(1), ...e.prose].join(' ').replace(URL, ' ')));
	set(out, 'highlights', e.bullets);
	set(out, 'startDate', h.startDate);
	set(out, 'endDate', h.single ? undefined : h.endDate);
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

/** One line per entry; an indented line without a bullet goes on with the line before it. */
function entryLines(lines: string[]): string[] {
	const out: string[] = [];
	for (const line of lines) {
		const bullet = BULLET.exec(line);
		const text = (bullet?.[1] ?? line).trim();
		if (!text) continue;
		if (!bullet && out.length > 0 && (/^\s/.test(line) || /^[a-z(]/.test(text))) {
			out[out.length - 1] += ' ' + text;
		} else out.push(text);
	}
	return out;
}

function simpleEntries(lines: string[], key: string, dateKey = 'date'): Obj[] {
	return entryLines(lines).map((text) => {
		const { startDate, rest } = takeDates(text);
		const out: Obj = { [key]: tidy(rest) || text };
		set(out, dateKey, startDate);
		return out;
	});
}

/** Bodies that issue certificates and licences, to tell the issuer from the credential. */
const ISSUER =
	/\b(board|association|council|society|institute|commission|college|academy|department|ministry|agency|foundation|federation|red cross|university|aha|aacn|ancc|ncsbn|pmi|isc2|\(isc\)²|comptia|cisco|microsoft|google|amazon|aws|oracle|salesforce|hubspot|scrum\.org|scrum alliance|cncf|linux foundation|shrm|hrci|asq|iiba|cfa institute|aicpa)\b/i;

/**
 * "Registered Nurse (RN), Ohio Board of Nursing, License #RN.512345 (exp. 08/2027)": the
 * credential with its number and expiry kept whole, the issuer, and the date it was issued.
 */
function certificateEntry(text: string): Obj {
	const expiry = EXPIRY.exec(text)?.[0];
	const withoutExpiry = expiry ? text.replace(expiry, ' ') : text;
	const d = takeDates(withoutExpiry);
	// "2019 – 2024" on a certificate: the date it was issued, and the range kept in its name.
	const body = (d.single || !d.startDate ? d.rest : withoutExpiry).replace(/\s+/g, ' ');
	const pieces = commaPieces(body.replace(/\s+[—–|]\s+/g, ', '))
		.map(tidy)
		.filter(Boolean);
	const issuerAt = pieces.findIndex((p, i) => i > 0 && ISSUER.test(p));
	const issuer = issuerAt > 0 ? pieces[issuerAt] : undefined;
	const name = [pieces.filter((_, i) => i !== issuerAt).join(', '), expiry?.trim()]
		.filter(Boolean)
		.join(' ');
	const out: Obj = { name: name || tidy(text) || text };
	set(out, 'issuer', issuer);
	set(out, 'date', d.startDate);
	return out;
}

const URL_ANYWHERE = new RegExp(URL.source, 'g');

/** "“Teaching Recursion”, Mathematics Today, Nov. 2022": the title, publisher, date and link. */
function publicationEntry(text: string): Obj {
	const url = text.match(URL)?.[0];
	const out = simpleEntries([text.replace(URL_ANYWHERE, ' ')], 'name', 'releaseDate')[0] ?? {};
	const quoted = /^["“]([^"”]+)["”][\s,.:;–—-]*(.*)$/.exec(String(out.name ?? ''));
	if (quoted?.[1] && quoted[2]) {
		out.name = quoted[1].replace(/[,.]$/, '');
		set(out, 'publisher', tidy(quoted[2]));
	}
	set(out, 'url', url);
	return out;
}

/** "Dean's List, University of York, 2017": the award, who gave it and when. */
function awardEntry(text: string): Obj {
	const out = simpleEntries([text], 'title')[0] ?? {};
	const pieces = commaPieces(String(out.title ?? '').replace(/\s+[—–|]\s+/g, ', '));
	const by = pieces.length > 1 ? pieces.findIndex((p, i) => i > 0 && ISSUER.test(p)) : -1;
	if (by > 0) {
		out.title = pieces.filter((_, i) => i !== by).join(', ');
		set(out, 'awarder', pieces[by]);
	}
	return out;
}

const NAME_WORD = "[\\p{Lu}][\\p{L}'’.-]*";
const PARTICLE = '(?:van|von|de|da|del|della|der|den|di|du|la|le|bin|binti|al|el|dos|das|y|ter)';
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+){0,3}${NAME_WORD}){1,4}$`, 'u');
/** ", RN", ", PhD, MBA" after a name. */
const CREDENTIALS = /^(.*?)((?:,\s*[A-Z][A-Za-z.-]{1,7}){1,4})$/;

/** "Priya Nwosu, RN", "JORDAN M. OKAFOR", "Ana de la Cruz": a person's name. */
function isName(text: string, firstLine: boolean): boolean {
	const m = CREDENTIALS.exec(text);
	const credentials = m ? commaPieces(m[2] ?? '') : [];
	const base = m && credentials.every((c) => /[A-Z].*[A-Z]/.test(c)) ? (m[1] ?? '') : text;
	if (!NAME.test(base.trim()) || /\d/.test(base)) return false;
	// A later line may be the person's title ("Registered Nurse") rather than their name.
	return firstLine || !JOB_WORD.test(base);
}

/** Reads the lines above the first section; returns bullets found there. */
function parseHeader(lines: string[], resume: Obj, basics: Obj): string[] {
	const prose: string[] = [];
	const bullets: string[] = [];
	let firstLine = true;
	/** The headline is the line after the name, or a later one that names a job. */
	let afterName = false;
	let lineAfterName = false;
	const place = (text: string, first: boolean) => {
		const [head, label] = text.split(/\s+[—–|·-]\s+/);
		if (!basics.name && isName(text, first)) {
			set(basics, 'name', text);
		} else if (!basics.name && head && label && isName(head.trim(), first)) {
			set(basics, 'name', head.trim());
			set(basics, 'label', text.slice(text.indexOf(label)).trim());
		} else if (
			basics.name &&
			!basics.label &&
			(afterName || JOB_WORD.test(text)) &&
			text.length <= 80 &&
			!/[.!?]$/.test(text)
		) {
			set(basics, 'label', text);
		} else prose.push(text);
	};
	for (const raw of lines) {
		const line = raw.replace(/^#{1,6}\s*/, '').trim();
		if (!line) continue;
		const first = firstLine;
		firstLine = false;
		afterName = !!basics.name && !basics.label && lineAfterName;
		lineAfterName = false;
		const bullet = BULLET.exec(raw);
		if (bullet) {
			bullets.push((bullet[1] ?? '').trim());
			continue;
		}
		if (/^skills?\s*:/i.test(line)) {
			const group = skillGroup(line, 'Skills');
			if (group) (resume.skills as Obj[]).push(group);
			continue;
		}
		const left = readContactLine(line, basics);
		if (left) {
			// "Priya Nwosu | priya@example.com": what is not a contact detail is read on its own.
			for (const piece of left) place(piece, first && piece === left[0]);
			continue;
		}
		const hadName = !!basics.name;
		place(line, first);
		lineAfterName = !hadName && !!basics.name;
	}
	if (prose.length > 0) set(basics, 'summary', prose.join(' '));
	return bullets;
}

/** Texts from two places as one: "Open to relocation" and "I …" → "Open to relocation. I …". */
function sentences(pieces: (string | undefined)[]): string {
	const kept = pieces.map((p) => p?.trim()).filter((p): p is string => !!p);
	return kept.map((p, i) => (i < kept.length - 1 && !/[.!?:;,]$/.test(p) ? `${p}.` : p)).join(' ');
}

const listItems = (lines: string[]) =>
	lines.flatMap((l) => splitList((BULLET.exec(l)?.[1] ?? l).trim()));

const FLUENCY =
	/^(native|native speaker|mother tongue|bilingual|fluent|proficient|professional|full professional|working|working proficiency|limited working|advanced|upper intermediate|intermediate|conversational|elementary|basic|beginner|limited|[abc][12])(\s+(proficiency|level|\([^)]*\)))?$/i;

/**
 * "English | Native", a language and its level in the columns of a table: "English (Native)";
 * "Portuguese (Native) English (Fluent)", two languages run together on one line: two.
 */
const languageLines = (lines: string[]) =>
	lines.map((l) =>
		l
			.replace(/^([^|,;]+?)\s+\|\s+([^|,;]+)$/, (whole, language: string, level: string) =>
				FLUENCY.test(level.trim()) ? `${language} (${level.trim()})` : whole
			)
			.replace(/\)\s+(?=\p{Lu})/gu, '), ')
	);

function build(text: string): Obj {
	// A real resume line is short; capping them keeps every regex below linear in practice.
	const lines = text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => plain(l.slice(0, MAX_LINE)));
	const sections = new Map<Section, string[]>();
	let section: Section = 'header';
	for (const raw of lines) {
		let line = raw;
		const heading = BULLET.test(line) ? null : headingOf(line);
		if (heading) {
			section = heading;
			continue;
		}
		// "PROFILE | Emergency nurse with …": a heading in a table's first column, beside its text.
		const cell = BULLET.test(line) ? null : /^([^|]{2,40}?)\s+\|\s+(\S.*)$/.exec(line);
		const inCell = cell ? headingOf(cell[1] ?? '') : null;
		if (inCell) {
			section = inCell;
			line = cell?.[2] ?? '';
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

	// The summary section, after any prose above it (nothing the person wrote is dropped).
	const summary = get('summary').map((l) => (BULLET.exec(l)?.[1] ?? l).trim());
	if (summary.length > 0) {
		basics.summary = sentences([basics.summary as string | undefined, summary.join(' ')]);
	}
	resume.basics = basics;
	/** Text that fits no entry goes to the entry before it or, failing that, to the summary. */
	const keep = (list: Obj[], key: string, e: Entry) => {
		const lost = [...e.header, ...e.prose, ...e.bullets].filter(Boolean);
		const previous = list.at(-1);
		if (previous) previous[key] = [...((previous[key] as string[] | undefined) ?? []), ...lost];
		else basics.summary = sentences([basics.summary as string | undefined, lost.join(' ')]);
	};
	const parsed = (lines: string[], key: string, read: (e: Entry) => Obj | null) => {
		const list: Obj[] = [];
		for (const e of entries(lines)) {
			const entry = read(e);
			if (entry) list.push(entry);
			else keep(list, key, e);
		}
		return list;
	};

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
	set(
		resume,
		'work',
		parsed(
			workLines.filter((l) => !inlineSkills(l)),
			'highlights',
			(e) => workEntry(e, 'name')
		)
	);
	set(
		resume,
		'volunteer',
		parsed(get('volunteer'), 'highlights', (e) => workEntry(e, 'organization'))
	);
	set(resume, 'education', parsed(get('education'), 'courses', educationEntry));
	set(resume, 'projects', parsed(get('projects'), 'highlights', projectEntry));
	set(resume, 'certificates', entryLines(get('certificates')).map(certificateEntry));
	set(resume, 'awards', entryLines(get('awards')).map(awardEntry));
	set(resume, 'publications', entryLines(get('publications')).map(publicationEntry));
	set(
		resume,
		'languages',
		listItems(languageLines(get('languages'))).map((l) => {
			const m = /^(.+?)\s*[(:–—-]\s*([^)]+)\)?$/.exec(l);
			return m ? { language: (m[1] ?? '').trim(), fluency: (m[2] ?? '').trim() } : { language: l };
		})
	);
	const interests = listItems(get('interests'));
	if (interests.length > 0) resume.interests = [{ name: 'Interests', keywords: interests }];
	const references = entryLines(get('references')).filter(
		(l) => !/^(references\s+)?(are\s+)?available\s+(up)?on\s+request\.?$/i.test(l)
	);
	set(
		resume,
		'references',
		references.map((reference) => ({ reference }))
	);
	if (skills.length === 0) delete resume.skills;
	// JSON Resume's usual section order, for a document that reads naturally.
	const order = ['basics', 'work', 'volunteer', 'education', 'awards', 'certificates'];
	order.push('publications', 'skills', 'languages', 'interests', 'references', 'projects');
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
