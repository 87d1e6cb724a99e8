import { z } from 'zod';
import { claimKindSchema } from './career';
import { jobStatuses, jobTypes } from './jobs';
import { jsonResumeSchema } from './profile';

/**
 * The inputs of the tRPC API (SPEC §7). Browser-safe: the UI validates its forms with the same
 * schemas. Every string has a ceiling, so an oversized field is a BAD_REQUEST, never a 500.
 */

export const LIMITS = {
	/** A pasted posting or resume. */
	longText: 100_000,
	/** One claim, a title, a company name. */
	shortText: 2_000,
	title: 300,
	url: 2_048,
	narrative: 20_000,
	name: 64
} as const;

/** Database ids are UUIDs: a malformed one is BAD_REQUEST, another user's is NOT_FOUND. */
export const idSchema = z.uuid({ error: 'expected an id (UUID)' });

const trimmed = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: `at most ${max} characters` });
const required = (max: number) => trimmed(max).min(1, { error: 'is required' });

const httpUrl = z
	.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
	.max(LIMITS.url, { error: `at most ${LIMITS.url} characters` });

export const opportunityDraftSchema = z.object({
	title: trimmed(LIMITS.title).nullish(),
	company: trimmed(LIMITS.title).nullish(),
	description: required(LIMITS.longText),
	url: z.union([httpUrl, z.literal('')]).nullish()
});
export type OpportunityDraftInput = z.infer<typeof opportunityDraftSchema>;

export const careerInput = {
	/** The document is checked against the JSON Resume schema by the importer, which names paths. */
	importJsonResume: z.object({ resume: z.record(z.string(), z.unknown()) }),
	importText: z.object({ text: required(LIMITS.longText) })
};

export const claimsInput = {
	create: z.object({
		text: required(LIMITS.shortText),
		kind: claimKindSchema.optional(),
		itemId: idSchema.nullish()
	}),
	update: z
		.object({
			id: idSchema,
			text: required(LIMITS.shortText).optional(),
			kind: claimKindSchema.optional()
		})
		.refine((v) => v.text !== undefined || v.kind !== undefined, {
			error: 'give a new text or kind'
		}),
	delete: z.object({ id: idSchema })
};

export const opportunitiesInput = {
	create: opportunityDraftSchema,
	byId: z.object({ id: idSchema }),
	tailor: z.object({ opportunityId: idSchema, regenerate: z.boolean().optional() }),
	addAndTailor: z.object({ opportunity: opportunityDraftSchema })
};

export const jobTypeSchema = z.enum(jobTypes);
export const jobStatusSchema = z.enum(jobStatuses);

export const jobsInput = {
	byId: z.object({ jobId: idSchema }),
	list: z
		.object({
			limit: z.number().int().min(1).max(100).optional(),
			type: jobTypeSchema.optional(),
			status: z.array(jobStatusSchema).max(5).optional(),
			opportunityId: idSchema.optional()
		})
		.optional(),
	onProgress: z.object({
		jobId: idSchema,
		/** The last `job_events.id` seen; the client sends it back on reconnect. */
		lastEventId: z
			.string()
			.regex(/^\d{1,15}$/, { error: 'expected an event id' })
			.nullish()
	})
};

export const editableProfileFields = ['narrative', 'resume'] as const;
export const editableProfileFieldSchema = z.enum(editableProfileFields);
export type EditableProfileField = z.infer<typeof editableProfileFieldSchema>;

/**
 * `pdf`, `docx`, `markdown`, `html` and `json-resume` hold the tailored resume only (what an
 * employer may see); `notes` holds the rest, for the person: match score, talking points with their
 * evidence, gaps and strong facts left out.
 */
export const exportFormats = ['pdf', 'docx', 'markdown', 'json-resume', 'html', 'notes'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The looks of a resume file (PDF, Word, HTML); all single-column, with real, selectable text. */
export const resumeTemplates = ['classic', 'modern', 'compact'] as const;
export const resumeTemplateSchema = z.enum(resumeTemplates, {
	error: `expected a template: ${resumeTemplates.join(', ')}`
});
export type ResumeTemplate = z.infer<typeof resumeTemplateSchema>;

/** Paper for PDF and Word; left out, US Letter for a resume located in the US or Canada, else A4. */
export const paperSizes = ['a4', 'letter'] as const;
export const paperSizeSchema = z.enum(paperSizes, {
	error: `expected a paper size: ${paperSizes.join(', ')}`
});
export type PaperSize = z.infer<typeof paperSizeSchema>;

/** US Letter where it is the usual paper (the US and Canada), A4 everywhere else. */
export function defaultPaper(countryCode: string): PaperSize {
	return ['US', 'USA', 'CA', 'CAN'].includes(countryCode.trim().toUpperCase()) ? 'letter' : 'a4';
}

/** The download link's query (`?template=modern&paper=letter`); an empty field means the default. */
const emptyIsUnset = (v: unknown) => (v === '' ? undefined : v);
export const exportQuerySchema = z.object({
	template: z.preprocess(emptyIsUnset, resumeTemplateSchema.optional()),
	paper: z.preprocess(emptyIsUnset, paperSizeSchema.optional())
});

export const versionSchema = z
	.number({ error: 'expected a version number' })
	.int({ error: 'expected a version number' })
	.min(1, { error: 'expected a version number' })
	.max(1_000_000, { error: 'expected a version number' });

export const profilesInput = {
	get: z.object({ profileId: idSchema }),
	update: z
		.object({
			profileId: idSchema,
			narrative: required(LIMITS.narrative).optional(),
			resume: jsonResumeSchema.optional()
		})
		.refine((v) => v.narrative !== undefined || v.resume !== undefined, {
			error: 'give a narrative or a resume to save'
		}),
	revert: z.object({ profileId: idSchema, field: editableProfileFieldSchema }),
	export: z.object({
		profileId: idSchema,
		format: exportFormatSchema,
		template: resumeTemplateSchema.optional(),
		paper: paperSizeSchema.optional()
	}),
	versions: z.object({ profileId: idSchema }),
	/** One version by its number (as `versions` lists them). */
	version: z.object({ profileId: idSchema, version: versionSchema }),
	restore: z.object({ profileId: idSchema, version: versionSchema })
};

export const shareTokenSchema = z
	.string()
	.min(16, { error: 'not a share token' })
	.max(128, { error: 'not a share token' })
	.regex(/^[A-Za-z0-9_-]+$/, { error: 'not a share token' });

export const shareInput = {
	/** `version` pins the link to that version; without it the link follows the current one. */
	create: z.object({ profileId: idSchema, version: versionSchema.optional() }),
	revoke: z.object({ id: idSchema }),
	list: z.object({ profileId: idSchema.optional() }).optional(),
	view: z.object({ token: shareTokenSchema })
};

export const apiKeysInput = {
	create: z.object({ name: trimmed(LIMITS.name).optional() }).optional(),
	/** better-auth's key ids are opaque strings, not UUIDs. */
	revoke: z.object({
		id: z
			.string()
			.min(1)
			.max(128)
			.regex(/^[A-Za-z0-9_-]+$/, { error: 'not an API key id' })
	})
};
