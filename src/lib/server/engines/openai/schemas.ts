import { z } from 'zod';

/**
 * The JSON the model must answer with, one schema per call. Every field is required (nullable
 * where it may be empty) so the schemas work as strict OpenAI structured outputs. Claim ids are
 * checked against the person's record afterwards; the schemas only check the shape.
 */

export const postingAnswer = z.object({
	title: z.string(),
	company: z.string().nullable(),
	requirements: z.array(
		z.object({
			text: z.string(),
			kind: z.enum(['required', 'preferred'])
		})
	)
});
export type PostingAnswer = z.infer<typeof postingAnswer>;

const claimIds = z.array(z.string());

export const talkingPointsAnswer = z.object({
	points: z.array(
		z.object({
			/** The requirement's number as shown in the prompt (R1 → 1). */
			requirement: z.number(),
			point: z.string(),
			claimIds
		})
	)
});
export type TalkingPointsAnswer = z.infer<typeof talkingPointsAnswer>;

export const narrativeAnswer = z.object({
	sentences: z.array(z.object({ text: z.string(), claimIds }))
});
export type NarrativeAnswer = z.infer<typeof narrativeAnswer>;

export const resumeAnswer = z.object({
	/** Entries to show, most relevant first; `claimIds` are the highlights to keep, in order. */
	entries: z.array(z.object({ itemId: z.string(), claimIds }))
});
export type ResumeAnswer = z.infer<typeof resumeAnswer>;

export const judgeAnswer = z.object({
	passed: z.boolean(),
	issues: z.array(z.object({ statement: z.string(), problem: z.string() }))
});
export type JudgeAnswer = z.infer<typeof judgeAnswer>;
