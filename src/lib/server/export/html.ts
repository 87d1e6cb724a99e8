import type { ResumeTemplate } from '../../schemas/api';
import { entryLine, type ResumeModel } from './resume-model';
import { TEMPLATES } from './templates';

/**
 * The resume as one print-ready HTML page in the look of a template. Every piece of user text is
 * escaped, and the page's Content-Security-Policy forbids scripts, so a stored `<script>` cannot
 * run even if it got through.
 */

export const escapeHtml = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

function css(template: ResumeTemplate): string {
	const t = TEMPLATES[template];
	const pt = (n: number) => `${n}pt`;
	return `
*{box-sizing:border-box}
body{font:${pt(t.size.body + 1)}/${t.leading + 0.1} ${t.cssFont};color:#111;max-width:50rem;margin:2rem auto;padding:0 1.5rem}
header{text-align:${t.align}}
h1{font-size:${pt(t.size.name + 2)};margin:0;color:#${t.accent}}
.label{font-size:${pt(t.size.label + 1)};margin:.15em 0 0}.contact{color:#${t.muted};margin:.35em 0 0}
.contact span+span::before{content:' · ';color:#${t.muted}}
h2{font-size:${pt(t.size.heading + 1)};color:#${t.accent};margin:1.3em 0 .45em;${t.upperHeadings ? 'text-transform:uppercase;letter-spacing:.04em;' : ''}${t.rule ? `border-bottom:1px solid #${t.accent};padding-bottom:.1em;` : ''}}
h3{font-size:1em;margin:0}section>p{margin:.3em 0 .5em}
.entry{margin:0 0 .75em;break-inside:avoid}.entry header{display:flex;justify-content:space-between;gap:1em;text-align:left}
.when{color:#${t.muted};white-space:nowrap}.sub{${t.italicSub ? 'font-style:italic' : `color:#${t.muted}`}}
.entry p{margin:.2em 0 0}ul{margin:.25em 0 0 1.2em;padding:0}li{margin:.1em 0}
.lines{list-style:none;margin:0;padding:0}.lines li{display:flex;justify-content:space-between;gap:1em}
a{color:inherit}
@page{size:auto;margin:14mm 14mm}
@media print{body{margin:0;max-width:none;padding:0}a{text-decoration:none}}
`;
}

/** Only web and mail links become links; anything else (`javascript:` …) stays text. */
const link = (href: string, text: string) =>
	/^(https?:\/\/|mailto:)/i.test(href) && !/[\s"'<>]/.test(href)
		? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`
		: escapeHtml(text);

export function toHtml(model: ResumeModel, template: ResumeTemplate): string {
	const h = escapeHtml;
	const body: string[] = ['<header>', `<h1>${h(model.name || 'Resume')}</h1>`];
	if (model.label) body.push(`<p class="label">${h(model.label)}</p>`);
	if (model.contact.length)
		body.push(
			`<p class="contact">${model.contact.map((c) => `<span>${c.href ? link(c.href, c.text) : h(c.text)}</span>`).join('')}</p>`
		);
	body.push('</header>');
	if (model.summary.length) {
		body.push('<section><h2>Summary</h2>');
		for (const p of model.summary) body.push(`<p>${h(p)}</p>`);
		body.push('</section>');
	}
	for (const s of model.sections) {
		body.push(`<section><h2>${h(s.title)}</h2>`);
		if (s.layout === 'lines') {
			body.push('<ul class="lines">');
			for (const e of s.entries) {
				const { lead, rest } = entryLine(s, e);
				const when = e.when ? `<span class="when">${h(e.when)}</span>` : '';
				body.push(
					`<li><span>${lead ? `<strong>${h(lead)}</strong>` : ''}${h(rest)}</span>${when}</li>`
				);
			}
			body.push('</ul></section>');
			continue;
		}
		for (const e of s.entries) {
			body.push('<div class="entry"><header><div>');
			body.push(`<h3>${h(e.heading || e.sub)}</h3>`);
			if (e.heading && e.sub) body.push(`<div class="sub">${h(e.sub)}</div>`);
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
		`<title>${h(model.name ? `${model.name} — Resume` : 'Resume')}</title>`,
		`<style>${css(template)}</style>`,
		'</head>',
		`<body>\n${body.join('\n')}\n</body>`,
		'</html>',
		''
	].join('\n');
}
