import { humanPeriod } from '../../dates';
import type { JsonResume } from '../../schemas/profile';
import { placeLine } from '../../places';

/**
 * The tailored resume as every export lays it out: the person, a summary (the narrative), then
 * sections of entries with a heading, a subtitle, dates, a paragraph and bullets. Markdown, HTML,
 * PDF and Word all render this one model, so they say the same thing in the same order.
 */

export type ContactItem = {
	kind: 'email' | 'phone' | 'location' | 'url';
	text: string;
	/** A `mailto:` or http(s) address; never anything else. */
	href?: string;
};

export type ResumeEntry = {
	heading: string;
	sub: string;
	when: string;
	text: string;
	bullets: string[];
};

export type ResumeSection = {
	title: string;
	/**
	 * `entries`: a header line, then text and bullets; `lines`: one line each, the subtitle in
	 * parentheses ("Python (Advanced): pandas") or after a comma ("AWS Developer, Amazon").
	 */
	layout: 'entries' | 'lines';
	subJoin: 'parens' | 'comma';
	entries: ResumeEntry[];
};

export type ResumeModel = {
	name: string;
	label: string;
	contact: ContactItem[];
	/** Paragraphs. */
	summary: string[];
	sections: ResumeSection[];
	/** `basics.location.countryCode`, upper case, or ''. */
	countryCode: string;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

const UNPRINTABLE =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFD-\uFFFF]/g;
/**
 * Text a document can hold: lone surrogates and control characters are dropped (Word refuses a
 * file whose XML holds them, and a PDF font has no glyph for them), and so are bidirectional
 * overrides, which could show a line reversed.
 */
export function printableText(s: string): string {
	return s.toWellFormed().replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
}

/** One line of text: whitespace runs (newlines too) become one space. */
const line = (v: unknown): string =>
	typeof v === 'string' ? printableText(v).replace(/\s+/g, ' ').trim() : '';
const lines = (v: unknown): string[] =>
	Array.isArray(v) ? v.map(line).filter((s) => s.length > 0) : [];
const joined = (parts: string[], sep = ', ') => parts.filter(Boolean).join(sep);

const period = (e: Obj) => line(humanPeriod(e, 'Present'));

/** A web address as people read it: no scheme, no `www.`, no trailing slash. */
const shortUrl = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+$/, '');
const webUrl = (url: string) => /^https?:\/\/[^\s"'<>]+$/i.test(url);

function contactOf(b: Obj): ContactItem[] {
	const loc = isObj(b.location) ? b.location : {};
	const items: ContactItem[] = [];
	const email = line(b.email);
	if (email) {
		const plain = /^[^\s@<>"']+@[^\s@<>"']+$/.test(email);
		items.push({ kind: 'email', text: email, ...(plain ? { href: `mailto:${email}` } : {}) });
	}
	const phone = line(b.phone);
	if (phone) items.push({ kind: 'phone', text: phone });
	const place = line(placeLine(loc));
	if (place) items.push({ kind: 'location', text: place });
	const links = [line(b.url), ...list(b.profiles).map((p) => line(p.url) || profileText(p))];
	for (const l of links.filter(Boolean)) {
		const item: ContactItem = webUrl(l)
			? { kind: 'url', text: shortUrl(l), href: l }
			: { kind: 'url', text: l };
		if (!items.some((i) => i.text === item.text)) items.push(item);
	}
	return items;
}

/** A profile without a URL: "GitHub: ivarga". */
const profileText = (p: Obj) => joined([line(p.network), line(p.username)], ': ');

const paragraphs = (text: string) =>
	printableText(text)
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean);

function sectionsOf(resume: JsonResume): ResumeSection[] {
	const r = resume as Obj;
	const section = (
		key: string,
		title: string,
		layout: ResumeSection['layout'] | 'lines, comma',
		map: (e: Obj) => ResumeEntry
	): ResumeSection => ({
		title,
		layout: layout === 'entries' ? 'entries' : 'lines',
		subJoin: layout === 'lines, comma' ? 'comma' : 'parens',
		entries: list(r[key])
			.map(map)
			.filter((e) => e.heading || e.text || e.bullets.length)
	});
	const job =
		(org: string, role: string) =>
		(e: Obj): ResumeEntry => ({
			heading: line(e[role]) || line(e[org]),
			sub: joined([line(e[role]) ? line(e[org]) : '', line(e.location)]),
			when: period(e),
			text: line(e.summary) || line(e.description),
			bullets: lines(e.highlights)
		});
	return [
		section('work', 'Experience', 'entries', job('name', 'position')),
		section('projects', 'Projects', 'entries', (e) => ({
			heading: line(e.name),
			sub: joined([joined(lines(e.roles)), line(e.entity)]),
			when: period(e),
			text: line(e.description),
			bullets: lines(e.highlights)
		})),
		section('volunteer', 'Volunteering', 'entries', job('organization', 'position')),
		section('education', 'Education', 'entries', (e) => {
			const degree = joined([line(e.studyType), line(e.area)]);
			const score = line(e.score);
			const courses = lines(e.courses);
			return {
				heading: degree || line(e.institution),
				sub: degree ? line(e.institution) : '',
				when: period(e),
				text: joined(
					[
						score && (/^[\d.,/ ]+$/.test(score) ? `Grade: ${score}` : score),
						courses.length ? `Courses: ${courses.join(', ')}` : ''
					],
					'. '
				),
				bullets: []
			};
		}),
		section('certificates', 'Certifications', 'lines, comma', (e) => ({
			heading: line(e.name),
			sub: line(e.issuer),
			when: period(e),
			text: '',
			bullets: []
		})),
		section('skills', 'Skills', 'lines', (e) => ({
			heading: line(e.name),
			sub: line(e.level),
			when: '',
			text: lines(e.keywords).join(', '),
			bullets: []
		})),
		section('awards', 'Awards', 'entries', (e) => ({
			heading: line(e.title),
			sub: line(e.awarder),
			when: period(e),
			text: line(e.summary),
			bullets: []
		})),
		section('publications', 'Publications', 'entries', (e) => ({
			heading: line(e.name),
			sub: line(e.publisher),
			when: period(e),
			text: line(e.summary),
			bullets: []
		})),
		section('languages', 'Languages', 'lines', (e) => ({
			heading: line(e.language),
			sub: line(e.fluency),
			when: '',
			text: '',
			bullets: []
		})),
		section('interests', 'Interests', 'lines', (e) => ({
			heading: line(e.name),
			sub: '',
			when: '',
			text: lines(e.keywords).join(', '),
			bullets: []
		}))
	].filter((s) => s.entries.length > 0);
}

/** The resume with the narrative as its summary (the tailored pitch replaces `basics.summary`). */
export function resumeModel(resume: JsonResume, narrative: string): ResumeModel {
	const b = isObj(resume.basics) ? resume.basics : {};
	const loc = isObj(b.location) ? b.location : {};
	return {
		name: line(b.name),
		label: line(b.label),
		contact: contactOf(b),
		summary: paragraphs(narrative),
		sections: sectionsOf(resume),
		countryCode: line(loc.countryCode).toUpperCase()
	};
}

/**
 * A lines-layout entry as one line: the heading (`lead`, set in bold) and the rest, as in
 * "Python (Advanced): pandas, NumPy" or "AWS Certified Developer, Amazon".
 */
export function entryLine(section: ResumeSection, e: ResumeEntry): { lead: string; rest: string } {
	const sub = !e.sub ? '' : section.subJoin === 'comma' ? `, ${e.sub}` : ` (${e.sub})`;
	const text = e.text ? `${e.heading ? ': ' : ''}${e.text}` : '';
	return { lead: e.heading, rest: `${sub}${text}` };
}
