import type { TailorEngine } from '../engine';
import {
	evaluateLocal,
	generateNarrative,
	generateResume,
	generateTalkingPoints,
	parsePosting,
	rankClaims
} from './index';
import type { RankOptions } from './rank';

/** The local engine behind the TailorEngine interface: offline, deterministic, free. */
export function createLocalEngine(options: RankOptions = {}): TailorEngine {
	return {
		name: 'local',
		model: 'local',
		async parsePosting(text) {
			return parsePosting(text);
		},
		async talkingPoints({ posting, claims, items }) {
			const ranking = rankClaims(posting.requirements, claims, items, options, posting.duties);
			return { ranking, talkingPoints: generateTalkingPoints(ranking, claims, items) };
		},
		async narrative({ ranking, claims, items }) {
			return generateNarrative(ranking, claims, items);
		},
		async resume({ ranking, claims, items }) {
			return generateResume(ranking, claims, items);
		},
		async evaluate(input) {
			return evaluateLocal(input);
		}
	};
}
