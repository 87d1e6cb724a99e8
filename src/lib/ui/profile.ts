/** Browser-safe types for showing a tailored profile. */
import type { TailoredProfile } from '$lib/schemas/profile';

export type { ClaimIndex } from '$lib/server/domain/cited';

export type PageProfile = TailoredProfile & {
	id: string;
	opportunityId: string;
	model: string;
	editedFields: string[];
	updatedAt: Date;
};
