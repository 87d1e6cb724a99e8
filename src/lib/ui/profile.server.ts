import type { ProfileView } from '$lib/server/domain/profiles';

/** The text of every claim the profile cites, for showing its sources. */
export { citedClaims as profileClaims } from '$lib/server/domain/cited';

/** What the profile pages render: the view without server-only details. */
export function profileForPage(view: ProfileView) {
	return {
		id: view.id,
		opportunityId: view.opportunityId,
		opportunity: view.opportunity,
		talkingPoints: view.talkingPoints,
		narrative: view.narrative,
		narrativeSentences: view.narrativeSentences,
		resume: view.resume,
		evaluation: view.evaluation,
		matchScore: view.matchScore,
		engine: view.engine,
		model: view.model,
		editedFields: view.editedFields,
		version: view.version,
		generatedAt: view.generatedAt,
		recordOutdated: view.recordOutdated,
		updatedAt: view.updatedAt
	};
}
