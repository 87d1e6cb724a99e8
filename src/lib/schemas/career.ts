import { z } from 'zod';

/**
 * The person's record as the engines see it: one item per JSON Resume entry and one claim per
 * atomic fact (SPEC §4). Browser-safe: no server imports.
 */

/** JSON Resume sections the importer knows; other top-level arrays are kept under their own name. */
export const careerSections = [
	'basics',
	'work',
	'volunteer',
	'projects',
	'education',
	'certificates',
	'awards',
	'publications',
	'skills',
	'languages',
	'interests',
	'references',
	'meta'
] as const;

export const claimKinds = [
	'summary',
	'highlight',
	'skill',
	'degree',
	'course',
	'certificate',
	'award',
	'project',
	'publication',
	'language',
	'other'
] as const;
export const claimKindSchema = z.enum(claimKinds);
export type ClaimKind = z.infer<typeof claimKindSchema>;

const jsonObject = z.record(z.string(), z.unknown());

/** A stored career item (a row of `career_items`). */
export const careerItemSchema = z.object({
	id: z.string(),
	section: z.string().min(1),
	position: z.number().int().min(0),
	/** RFC 6901 pointer of the item in the imported document, e.g. `/work/0`. */
	sourcePath: z.string().nullable(),
	data: jsonObject
});
export type CareerItem = z.infer<typeof careerItemSchema>;

/** A stored claim (a row of `claims`). */
export const claimSchema = z.object({
	id: z.string(),
	kind: claimKindSchema,
	text: z.string().min(1),
	/** RFC 6901 pointer into the imported JSON Resume, e.g. `/work/0/highlights/2`. */
	sourcePath: z.string().nullable(),
	/** Canonical skill names the text mentions (see the engines' lexicon). */
	skills: z.array(z.string()),
	itemId: z.string().nullable()
});
export type Claim = z.infer<typeof claimSchema>;

/** An item as produced by an import, before it has an id. */
export const careerItemInputSchema = careerItemSchema.omit({ id: true }).extend({
	sourcePath: z.string()
});
export type CareerItemInput = z.infer<typeof careerItemInputSchema>;

/** A claim as produced by an import: `itemIndex` points into the import's `items` array. */
export const claimInputSchema = claimSchema.omit({ id: true, itemId: true }).extend({
	itemIndex: z.number().int().min(0).nullable(),
	sourcePath: z.string()
});
export type ClaimInput = z.infer<typeof claimInputSchema>;

export type CareerExtract = { items: CareerItemInput[]; claims: ClaimInput[] };
