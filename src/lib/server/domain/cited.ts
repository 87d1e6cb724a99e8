import type { JsonResume, NarrativeSentence, TalkingPoint } from '../../schemas/profile';

/** What a profile version says, as far as its provenance goes. */
export type CitingContent = {
	talkingPoints: TalkingPoint[];
	narrativeSentences: NarrativeSentence[];
	resume: JsonResume;
};

/** Every claim id a profile cites: talking points, narrative sentences and resume highlights. */
export function citedClaimIds(content: CitingContent): string[] {
	const ids = new Set<string>();
	for (const tp of content.talkingPoints) for (const e of tp.evidence) ids.add(e.claimId);
	for (const s of content.narrativeSentences) for (const id of s.claimIds) ids.add(id);
	for (const section of [content.resume.work, content.resume.projects, content.resume.volunteer])
		for (const entry of section ?? [])
			for (const list of entry.highlightClaimIds ?? []) for (const id of list) ids.add(id);
	return [...ids];
}
