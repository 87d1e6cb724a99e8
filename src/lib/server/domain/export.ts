import { humanPeriod } from '../../dates';
import type { ExportFormat } from '../../schemas/api';
import type { JsonResume } from '../../schemas/profile';
import type { ProfileView } from '../../schemas/views';
import type { ExportedFile } from '../../schemas/views';

/**
 * A tailored profile as a file: Markdown (everything, for notes), JSON Resume (the tailored resume,
 * for any JSON Resume theme) or print-ready HTML (the resume with the narrative as its summary,
 * then the talking points on a page of their own). Every piece of user text is escaped; the HTML
 * also forbids scripts in its Content-Security-Policy, so a stored `<script>` cannot run.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strings = (v: unknown): string[] =>
	Array.isArray(v) ? v.map(str).filter((s) => s.length > 0) : [];

/** The tailored resume as plain JSON Resume: the provenance arrays are dropped. */
export function cleanResume(resume: JsonResume): JsonResume {
	const strip = (v: unknown): unknown => {
		if (Array.isArray(v)) return v.map(strip);
		if (!isObj(v)) return v;
		return Object.fromEntries(
			Object.entries(v)
				.filter(([k]) => k !== 'highlightClaimIds' && k !== 'claimIds')
				.map(([k, x]) => [k, strip(x)])
		);
	};
	return strip(resume) as JsonResume;
}

const slug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60) || 'profile';

function filenameFor(view: ProfileView, ext: string) {
	const { title, company } = view.opportunity;
	return `${slug([title, company].filter(Boolean).join(' '))}.${ext}`;
}

const period = (e: Obj) => humanPeriod(e, 'Present');

/** One resume entry, section-agnostic: what to show as its heading, subtitle, dates and bullets. */
type Entry = { heading: string; sub: string; when: string; text: string; bullets: string[] };

function entries(resume: JsonResume): { title: string; items: Entry[] }[] {
	const r = resume as Obj;
	const section = (key: string, title: string, map: (e: Obj) => Entry) => ({
		title,
		items: list(r[key]).map(map)
	});
	const job = (org: string, role: string) => (e: Obj) => ({
		heading: str(e[role]) || str(e[org]),
		sub: str(e[role]) ? str(e[org]) : '',
		when: period(e),
		text: str(e.summary) || str(e.description),
		bullets: strings(e.highlights)
	});
	return [
		section('work', 'Experience', job('name', 'position')),
		section('projects', 'Projects', job('entity', 'name')),
		section('volunteer', 'Volunteering', job('organization', 'position')),
		section('education', 'Education', (e) => ({
			heading: [str(e.studyType), str(e.area)].filter(Boolean).join(', ') || str(e.institution),
			sub: str(e.studyType) || str(e.area) ? str(e.institution) : '',
			when: period(e),
			text: str(e.score),
			bullets: strings(e.courses)
		})),
		section('skills', 'Skills', (e) => ({
			heading: str(e.name),
			sub: str(e.level),
			when: '',
			text: strings(e.keywords).join(', '),
			bullets: []
		})),
		section('certificates', 'Certificates', (e) => ({
			heading: str(e.name),
			sub: str(e.issuer),
			when: str(e.date),
			text: '',
			bullets: []
		})),
		section('awards', 'Awards', (e) => ({
			heading: str(e.title),
			sub: str(e.awarder),
			when: str(e.date),
			text: str(e.summary),
			bullets: []
		})),
		section('publications', 'Publications', (e) => ({
			heading: str(e.name),
			sub: str(e.publisher),
			when: str(e.releaseDate),
			text: str(e.summary),
			bullets: []
		})),
		section('languages', 'Languages', (e) => ({
			heading: str(e.language),
			sub: str(e.fluency),
			when: '',
			text: '',
			bullets: []
		}))
	].filter((s) => s.items.some((i) => i.heading || i.text || i.bullets.length));
}

function basics(resume: JsonResume) {
	const b = isObj(resume.basics) ? resume.basics : {};
	const loc = isObj(b.location) ? b.location : {};
	const contact = [
		str(b.email),
		str(b.phone),
		[str(loc.city), str(loc.region), str(loc.countryCode)].filter(Boolean).join(', '),
		str(b.url)
	].filter(Boolean);
	return { name: str(b.name), label: str(b.label), contact };
}

// ---------------------------------------------------------------------------------- Markdown

/** Markdown renderers pass raw HTML through, so anything that looks like a tag is neutralised. */
const md = (s: string) => s.replace(/&/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
const mdLine = (s: string) => md(s.replace(/\s*\n\s*/g, ' '));

/** The tailored resume as Markdown: the person, their profile paragraph and their items. */
export function toMarkdown(view: ProfileView): string {
	const who = basics(view.resume);
	const out: string[] = [`# ${mdLine(who.name || 'Resume')}`, ''];
	if (who.label) out.push(`**${mdLine(who.label)}**`);
	if (who.contact.length) out.push(who.contact.map(mdLine).join(' · '));
	out.push('', '## Profile', '', md(view.narrative));
	for (const s of entries(view.resume)) {
		out.push('', `## ${s.title}`, '');
		for (const e of s.items) {
			const head = [e.heading && `**${mdLine(e.heading)}**`, e.sub && mdLine(e.sub)]
				.filter(Boolean)
				.join(', ');
			out.push(
				`- ${head}${e.when ? ` (${mdLine(e.when)})` : ''}${e.text ? ` — ${mdLine(e.text)}` : ''}`
			);
			for (const b of e.bullets) out.push(`  - ${mdLine(b)}`);
		}
	}
	return `${out.join('\n')}\n`;
}

/**
 * Notes for the person, not for an employer: how well the record matches, the talking points with
 * the facts behind them, the requirements without evidence and strong facts left out.
 */
export function toNotes(view: ProfileView): string {
	const { title, company } = view.opportunity;
	const out: string[] = [
		`# Notes: ${mdLine(title)}${company ? ` — ${mdLine(company)}` : ''}`,
		'',
		`Match score: ${view.matchScore}/100`,
		'',
		'## Talking points',
		''
	];
	for (const tp of view.talkingPoints) {
		out.push(`- **${mdLine(tp.requirement)}** (${tp.kind})  `, `  ${mdLine(tp.point)}`);
		for (const e of tp.evidence) out.push(`  - ${mdLine(e.text)}`);
	}
	if (view.evaluation.gaps.length) {
		out.push('', '## Requirements without evidence', '');
		for (const g of view.evaluation.gaps) out.push(`- ${mdLine(g.requirement)} (${g.kind})`);
	}
	const missed = view.evaluation.utilization.missed;
	if (missed.length) {
		out.push('', '## Strong facts the profile leaves out', '');
		for (const m of missed) out.push(`- ${mdLine(m.text)}`);
	}
	return `${out.join('\n')}\n`;
}

// -------------------------------------------------------------------------------------- HTML

export const escapeHtml = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

/** Only web and mail links become links; anything else (`javascript:` …) stays text. */
function link(url: string): string {
	const safe = /^(https?:\/\/|mailto:)/i.test(url) && !/[\s"'<>]/.test(url);
	return safe ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);
}

const PRINT_CSS = `
*{box-sizing:border-box}
body{font:11pt/1.45 Georgia,'Times New Roman',serif;color:#111;max-width:52rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:20pt;margin:0}h2{font-size:12pt;text-transform:uppercase;letter-spacing:.08em;border-bottom:1px solid #999;margin:1.4em 0 .5em;padding-bottom:.15em}
h3{font-size:11pt;margin:0}.label{font-size:12pt;color:#333;margin:.1em 0}.contact{color:#333;margin:.3em 0 0}
.entry{margin:0 0 .8em;break-inside:avoid}.entry header{display:flex;justify-content:space-between;gap:1em}
.when{color:#444;white-space:nowrap}.sub{font-style:italic}ul{margin:.3em 0 0 1.2em;padding:0}
a{color:inherit}
@page{size:auto;margin:16mm 14mm}
@media print{body{margin:0;max-width:none;padding:0}a{text-decoration:none}}
`;

export function toHtml(view: ProfileView): string {
	const { title, company } = view.opportunity;
	const who = basics(view.resume);
	const target = `${title}${company ? ` — ${company}` : ''}`;
	const h = escapeHtml;
	const body: string[] = ['<header>'];
	body.push(`<h1>${h(who.name || 'Resume')}</h1>`);
	if (who.label) body.push(`<p class="label">${h(who.label)}</p>`);
	if (who.contact.length)
		body.push(
			`<p class="contact">${who.contact.map((c) => (c.includes('://') ? link(c) : h(c))).join(' · ')}</p>`
		);
	body.push('</header>');
	body.push('<section><h2>Profile</h2>');
	for (const p of view.narrative.split(/\n{2,}/)) if (p.trim()) body.push(`<p>${h(p.trim())}</p>`);
	body.push('</section>');
	for (const s of entries(view.resume)) {
		body.push(`<section><h2>${h(s.title)}</h2>`);
		for (const e of s.items) {
			body.push('<div class="entry"><header><div>');
			body.push(`<h3>${h(e.heading)}</h3>${e.sub ? `<div class="sub">${h(e.sub)}</div>` : ''}`);
			body.push(`</div>${e.when ? `<div class="when">${h(e.when)}</div>` : ''}</header>`);
			if (e.text) body.push(`<p>${h(e.text)}</p>`);
			if (e.bullets.length)
				body.push(`<ul>${e.bullets.map((b) => `<li>${h(b)}</li>`).join('')}</ul>`);
			body.push('</div>');
		}
		body.push('</section>');
	}
	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${h(who.name ? `${who.name} — resume` : `Resume — ${target}`)}</title>`,
		`<style>${PRINT_CSS}</style>`,
		'</head>',
		`<body>\n${body.join('\n')}\n</body>`,
		'</html>',
		''
	].join('\n');
}

export function exportProfile(view: ProfileView, format: ExportFormat): ExportedFile {
	switch (format) {
		case 'markdown':
			return {
				filename: filenameFor(view, 'md'),
				contentType: 'text/markdown; charset=utf-8',
				content: toMarkdown(view)
			};
		case 'json-resume':
			return {
				filename: filenameFor(view, 'json'),
				contentType: 'application/json',
				content: `${JSON.stringify(cleanResume(view.resume), null, 2)}\n`
			};
		case 'html':
			return {
				filename: filenameFor(view, 'html'),
				contentType: 'text/html; charset=utf-8',
				content: toHtml(view)
			};
		case 'notes':
			return {
				filename: filenameFor(view, 'notes.md'),
				contentType: 'text/markdown; charset=utf-8',
				content: toNotes(view)
			};
	}
}
