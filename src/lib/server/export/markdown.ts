import { entryLine, type ResumeModel } from './resume-model';

/**
 * Markdown renderers pass raw HTML through, so anything that looks like a tag or an entity is
 * neutralised; a plain "&" ("Marrow & Finch") stays as it is.
 */
export const md = (s: string) =>
	s.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
export const mdLine = (s: string) => md(s.replace(/\s*\n\s*/g, ' '));
/** Link text: brackets would end it early. */
const mdLinkText = (s: string) => mdLine(s).replace(/[[\]]/g, '\\$&');

/** The tailored resume as Markdown: the person, the summary, then each section's entries. */
export function toMarkdown(model: ResumeModel): string {
	const out: string[] = [`# ${mdLine(model.name || 'Resume')}`, ''];
	if (model.label) out.push(`**${mdLine(model.label)}**`, '');
	if (model.contact.length)
		out.push(
			model.contact
				.map((c) =>
					c.href
						? `[${mdLinkText(c.text)}](${c.href.replace(/[()]/g, (p) => encodeURIComponent(p))})`
						: mdLine(c.text)
				)
				.join(' · '),
			''
		);
	if (model.summary.length) out.push('## Summary', '', model.summary.map(md).join('\n\n'), '');
	for (const s of model.sections) {
		out.push(`## ${s.title}`, '');
		if (s.layout === 'lines') {
			for (const e of s.entries) {
				const { lead, rest } = entryLine(s, e);
				out.push(
					`- ${lead ? `**${mdLine(lead)}**` : ''}${mdLine(rest)}${e.when ? ` — ${mdLine(e.when)}` : ''}`
				);
			}
			out.push('');
			continue;
		}
		for (const e of s.entries) {
			out.push(`### ${mdLine(e.heading || e.sub)}`, '');
			const meta = [e.heading && e.sub ? `*${mdLine(e.sub)}*` : '', e.when ? mdLine(e.when) : '']
				.filter(Boolean)
				.join(' · ');
			if (meta) out.push(meta, '');
			if (e.text) out.push(md(e.text), '');
			if (e.bullets.length) out.push(...e.bullets.map((b) => `- ${mdLine(b)}`), '');
		}
	}
	return `${out.join('\n').trimEnd()}\n`;
}
