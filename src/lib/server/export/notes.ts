import type { ProfileView } from '../domain/profiles';
import { mdLine } from './markdown';

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
