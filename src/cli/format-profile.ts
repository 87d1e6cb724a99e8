import type { TailoredProfile } from '../lib/schemas/profile';
import { highlightsWithClaims } from '../lib/schemas/profile';

const wrap = (text: string, indent = '  ', width = 96) => {
	const words = text.split(/\s+/);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if ((line + ' ' + w).trim().length > width - indent.length && line) {
			lines.push(line);
			line = w;
		} else line = (line + ' ' + w).trim();
	}
	if (line) lines.push(line);
	return lines.map((l) => indent + l).join('\n');
};

/** The profile as a person reads it in a terminal. */
export function formatProfile(p: TailoredProfile): string {
	const out: string[] = [];
	const at = p.opportunity.company ? ` at ${p.opportunity.company}` : '';
	out.push(
		`${p.opportunity.title}${at}`,
		`Match score ${p.matchScore}/100 · engine ${p.engine}`,
		''
	);
	out.push('TALKING POINTS');
	for (const t of p.talkingPoints) {
		out.push(`• [${t.kind}] ${t.requirement}`, wrap(t.point, '    '));
		for (const e of t.evidence)
			out.push(wrap(`“${e.text}” (${e.sourcePath ?? 'added by hand'})`, '      — '));
	}
	out.push('', 'NARRATIVE', wrap(p.narrative), '', 'TAILORED RESUME');
	const work = Array.isArray(p.resume.work) ? (p.resume.work as Record<string, unknown>[]) : [];
	for (const w of work) {
		out.push(
			`  ${String(w.position ?? '')}, ${String(w.name ?? '')} (${String(w.startDate ?? '')} – ${String(w.endDate ?? 'present')})`
		);
		for (const h of highlightsWithClaims(w)) out.push(wrap(`- ${h.text}`, '    '));
	}
	const e = p.evaluation;
	out.push('', 'EVALUATION');
	out.push(
		`  Grounding: ${e.grounding.passed ? 'every statement is backed by your record' : `${e.grounding.hallucinations.length} unsupported statement(s)`}`
	);
	for (const h of e.grounding.hallucinations) out.push(wrap(`! ${h.text}: ${h.reason}`, '    '));
	out.push(`  Gaps (${e.gaps.length}):`);
	for (const g of e.gaps) out.push(wrap(`- [${g.kind}] ${g.requirement}`, '    '));
	out.push(`  Strong facts left out (${e.utilization.missed.length}):`);
	for (const m of e.utilization.missed) out.push(wrap(`- ${m.text}`, '    '));
	return `${out.join('\n')}\n`;
}
