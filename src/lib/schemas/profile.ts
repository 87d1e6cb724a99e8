import { z } from 'zod';

/**
 * The tailored profile contract (SPEC §6) and the parsed posting it is built for.
 * Browser-safe: no server imports.
 */

export const requirementKindSchema = z.enum(['required', 'preferred']);
export type RequirementKind = z.infer<typeof requirementKindSchema>;

export const requirementSchema = z.object({
	text: z.string().min(1),
	kind: requirementKindSchema,
	/** Canonical skill names the requirement mentions (lexicon). */
	skills: z.array(z.string())
});
export type Requirement = z.infer<typeof requirementSchema>;

export const parsedPostingSchema = z.object({
	title: z.string(),
	company: z.string().nullable(),
	requirements: z.array(requirementSchema),
	/** What the job involves (its responsibilities), a second source for matching requirements. */
	duties: z.array(z.string()).optional()
});
export type ParsedPosting = z.infer<typeof parsedPostingSchema>;

const stringList = z.array(z.string());

/**
 * A JSON Resume entry that can carry provenance. JSON Resume requires `highlights` to be strings,
 * so the claim ids of each highlight travel in the parallel array `highlightClaimIds`
 * (`highlightClaimIds[i]` belongs to `highlights[i]`); extra properties are allowed by the schema,
 * so the document stays a valid JSON Resume.
 */
const entryWithHighlights = z.looseObject({
	highlights: stringList.optional(),
	highlightClaimIds: z.array(stringList).optional()
});

/**
 * JSON Resume (https://jsonresume.org/schema), loosely: every section is optional and unknown
 * properties are kept. Full validation happens on import with `@jsonresume/schema`.
 */
export const jsonResumeSchema = z.looseObject({
	basics: z.looseObject({}).optional(),
	work: z.array(entryWithHighlights).optional(),
	volunteer: z.array(entryWithHighlights).optional(),
	education: z.array(z.looseObject({})).optional(),
	awards: z.array(z.looseObject({})).optional(),
	certificates: z.array(z.looseObject({})).optional(),
	publications: z.array(z.looseObject({})).optional(),
	skills: z.array(z.looseObject({ keywords: stringList.optional() })).optional(),
	languages: z.array(z.looseObject({})).optional(),
	interests: z.array(z.looseObject({})).optional(),
	references: z.array(z.looseObject({})).optional(),
	projects: z.array(entryWithHighlights).optional()
});
export type JsonResume = z.infer<typeof jsonResumeSchema>;

export const evidenceSchema = z.object({
	claimId: z.string(),
	sourcePath: z.string().nullable(),
	text: z.string()
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const talkingPointSchema = z.object({
	requirement: z.string(),
	kind: requirementKindSchema,
	point: z.string(),
	evidence: z.array(evidenceSchema),
	strength: z.number().min(0).max(1)
});
export type TalkingPoint = z.infer<typeof talkingPointSchema>;

export const narrativeSentenceSchema = z.object({
	text: z.string(),
	claimIds: z.array(z.string())
});
export type NarrativeSentence = z.infer<typeof narrativeSentenceSchema>;

export const hallucinationSchema = z.object({
	text: z.string(),
	reason: z.string(),
	/** `edit` when the fact came from the person's own edit rather than from generation. */
	origin: z.enum(['generated', 'edit']).optional()
});
export type Hallucination = z.infer<typeof hallucinationSchema>;

export const gapSchema = z.object({ requirement: z.string(), kind: requirementKindSchema });
export type Gap = z.infer<typeof gapSchema>;

export const evaluationSchema = z.object({
	passed: z.boolean(),
	grounding: z.object({ passed: z.boolean(), hallucinations: z.array(hallucinationSchema) }),
	utilization: z.object({ missed: z.array(evidenceSchema) }),
	gaps: z.array(gapSchema),
	model: z.string(),
	costCents: z.number().min(0)
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const engineNameSchema = z.enum(['local', 'openai']);
export type EngineName = z.infer<typeof engineNameSchema>;

export const tailoredProfileSchema = z.object({
	opportunity: z.object({ title: z.string(), company: z.string().nullable() }),
	talkingPoints: z.array(talkingPointSchema),
	narrative: z.string(),
	narrativeSentences: z.array(narrativeSentenceSchema),
	resume: jsonResumeSchema,
	evaluation: evaluationSchema,
	matchScore: z.number().min(0).max(100),
	engine: engineNameSchema
});
export type TailoredProfile = z.infer<typeof tailoredProfileSchema>;

/** The highlights of a tailored work/project entry paired with the claims each rests on. */
export function highlightsWithClaims(entry: {
	highlights?: string[];
	highlightClaimIds?: string[][];
}): { text: string; claimIds: string[] }[] {
	return (entry.highlights ?? []).map((text, i) => ({
		text,
		claimIds: entry.highlightClaimIds?.[i] ?? []
	}));
}
