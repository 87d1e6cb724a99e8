import type { TailoredProfile } from '../../schemas/profile';
import { scorePair, type PairLabel, type PairScore } from './quality';

/** Scores several labelled pairs and formats the result for a terminal. */

export type ScoredPair = PairScore & { name: string };

export type QualityReport = {
	perPair: ScoredPair[];
	/**
	 * Precision and recall pool every citation and pointer across pairs (micro average), so a
	 * pair with more requirements weighs more; gap recall pools labelled gaps the same way.
	 */
	overall: {
		pairs: number;
		precision: number;
		recall: number;
		gapRecall: number;
		/** Met requirements reported as gaps, over all pairs. */
		falseGaps: number;
		forbiddenStated: number;
		groundingHallucinations: number;
		hallucinations: number;
	};
};

export function scoreAll(
	pairs: { name: string; label: PairLabel; profile: TailoredProfile }[]
): QualityReport {
	const perPair = pairs.map((p) => ({ name: p.name, ...scorePair(p.label, p.profile) }));
	const sum = (f: (s: ScoredPair) => number) => perPair.reduce((a, s) => a + f(s), 0);
	const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
	const forbiddenStated = sum((s) => s.forbiddenStated.length);
	const groundingHallucinations = sum((s) => s.groundingHallucinations);
	return {
		perPair,
		overall: {
			pairs: perPair.length,
			precision: ratio(
				sum((s) => s.evidence.correct),
				sum((s) => s.evidence.cited)
			),
			recall: ratio(
				sum((s) => s.evidence.covered),
				sum((s) => s.evidence.labelled)
			),
			gapRecall: ratio(
				sum((s) => s.gaps.found),
				sum((s) => s.gaps.labelled)
			),
			falseGaps: sum((s) => s.gaps.falseGaps.length),
			forbiddenStated,
			groundingHallucinations,
			hallucinations: forbiddenStated + groundingHallucinations
		}
	};
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);

export function formatReport(report: QualityReport, options: { verbose?: boolean } = {}): string {
	const rows = report.perPair.map((s) => {
		const line = [
			s.name.padEnd(28),
			pct(s.precision),
			pct(s.recall),
			pct(s.gapRecall),
			String(s.gaps.falseGaps.length).padStart(7),
			String(s.forbiddenStated.length + s.groundingHallucinations).padStart(6)
		].join('  ');
		if (!options.verbose) return line;
		const details = [
			s.missedPointers.length > 0 ? `    missed evidence: ${s.missedPointers.join(', ')}` : '',
			s.wrongCitations.length > 0
				? `    not in label: ${s.wrongCitations.map((w) => w.sourcePath).join(', ')}`
				: '',
			s.gaps.missing.length > 0 ? `    gaps not reported: ${s.gaps.missing.join('; ')}` : '',
			s.gaps.falseGaps.length > 0
				? `    met but reported as gaps: ${s.gaps.falseGaps.join('; ')}`
				: '',
			s.forbiddenStated.length > 0
				? `    forbidden terms stated: ${s.forbiddenStated.join(', ')}`
				: '',
			s.unmatchedTalkingPoints.length > 0
				? `    talking points without a label: ${s.unmatchedTalkingPoints.length}`
				: ''
		].filter(Boolean);
		return [line, ...details].join('\n');
	});
	const o = report.overall;
	const header = ['pair'.padEnd(28), 'precis.', ' recall', 'gap rec', 'f. gaps', ' hallu'].join(
		'  '
	);
	const total = [
		`overall (${o.pairs})`.padEnd(28),
		pct(o.precision),
		pct(o.recall),
		pct(o.gapRecall),
		String(o.falseGaps).padStart(7),
		String(o.hallucinations).padStart(6)
	].join('  ');
	return [header, ...rows, '-'.repeat(header.length), total].join('\n');
}
