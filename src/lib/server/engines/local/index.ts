import type { CareerItem, Claim } from '../../../schemas/career';
import type { ParsedPosting, TailoredProfile } from '../../../schemas/profile';
import { evaluate } from '../grounding';
import { generateNarrative, generateResume, generateTalkingPoints } from './generate';
import { rankClaims, type RankOptions, type Ranking } from './rank';

/**
 * The local engine: offline and deterministic. Each step is a plain function with
 * JSON-serialisable input and output so a pipeline can checkpoint them one by one:
 * extract-requirements → `parsePosting`; generate-talking-points → `rankClaims` +
 * `generateTalkingPoints`; generate-narrative → `generateNarrative`; generate-resume →
 * `generateResume`; evaluate-profile → `evaluateLocal`.
 */

export { parsePosting } from './posting';
export {
	rankClaims,
	type Ranking,
	type RankedRequirement,
	type RankOptions,
	type ScoredEvidence
} from './rank';
export { generateNarrative, generateResume, generateTalkingPoints } from './generate';

export type TailorInput = { posting: ParsedPosting; claims: Claim[]; items: CareerItem[] };

/** The evaluate-profile step for the local engine (grounding, utilisation, gaps, match score). */
export function evaluateLocal(
	input: TailorInput & { ranking: Ranking } & Pick<
			TailoredProfile,
			'talkingPoints' | 'narrativeSentences' | 'resume'
		>
): { evaluation: TailoredProfile['evaluation']; matchScore: number } {
	return evaluate({
		requirements: input.posting.requirements,
		talkingPoints: input.talkingPoints,
		narrativeSentences: input.narrativeSentences,
		resume: input.resume,
		claims: input.claims,
		items: input.items,
		relevant: input.ranking.requirements.flatMap((r) => [...r.evidence, ...r.related])
	});
}

/** Runs every step in one go. `now` fixes "today" for experience computed from open-ended jobs. */
export function tailorLocal(input: TailorInput, options: RankOptions = {}): TailoredProfile {
	const { posting, claims, items } = input;
	const ranking = rankClaims(posting.requirements, claims, items, options, posting.duties);
	const talkingPoints = generateTalkingPoints(ranking, claims, items);
	const { narrative, narrativeSentences } = generateNarrative(ranking, claims, items);
	const resume = generateResume(ranking, claims, items);
	const { evaluation, matchScore } = evaluateLocal({
		...input,
		ranking,
		talkingPoints,
		narrativeSentences,
		resume
	});
	return {
		opportunity: { title: posting.title, company: posting.company },
		talkingPoints,
		narrative,
		narrativeSentences,
		resume,
		evaluation,
		matchScore,
		engine: 'local'
	};
}
