import type { CareerItem, Claim } from './career';
import type { JobStatus, JobType } from './jobs';
import type { TailoredProfile } from './profile';

/**
 * What the API returns, as plain shapes: the public API's types are built from these and from the
 * other schemas here, never from the database or server modules, so a client's types stand alone.
 * Browser-safe: no server imports.
 */

/** Who is asking: a signed-in user (browser session or API key), or nobody. */
export type ApiUser = { id: string; email: string; name: string };
export type AuthMethod = 'session' | 'apiKey';

/** One problem with an input: an RFC 6901 pointer to the value at fault and what is wrong. */
export type Issue = { path: string; message: string };

/** The career record: its entries (roles, degrees, …) and the atomic facts under them. */
export type CareerRecord = { items: CareerItem[]; claims: Claim[] };

/** A background job as its owner sees it (the input, which may be a whole resume, is left out). */
export type JobView = {
	id: string;
	type: JobType;
	status: JobStatus;
	phase: string | null;
	highlights: string[];
	error: string | null;
	/** What the finished job made: e.g. `profileId`, `opportunityId`, `title`, `shareToken`. */
	summary: Record<string, unknown> | null;
	opportunityId: string | null;
	profileId: string | null;
	attempt: number;
	cancelRequested: boolean;
	createdAt: Date;
	startedAt: Date | null;
	completedAt: Date | null;
};

/** A stored profile as the API returns it: SPEC §6's TailoredProfile plus its identity and edits. */
export type ProfileView = TailoredProfile & {
	id: string;
	opportunityId: string;
	editedFields: string[];
	model: string;
	/** The version shown (the current one unless an earlier version was asked for). */
	version: number;
	generatedAt: Date;
	/** Some claim it cites has left the career record since: "based on an earlier record". */
	recordOutdated: boolean;
	createdAt: Date;
	updatedAt: Date;
};

/** One version of a profile in its history. */
export type VersionSummary = {
	version: number;
	current: boolean;
	generatedAt: Date;
	archivedAt: Date | null;
	matchScore: number;
	engine: string;
	model: string;
	edited: boolean;
	grounded: boolean | null;
	recordOutdated: boolean;
};

/** Profiles created this month, tailor jobs still running (each may add one), and the limit. */
export type Usage = { month: string; used: number; inProgress: number; limit: number };

/** An API key's completion webhook, as listed: never its secret. */
export type WebhookView = {
	url: string;
	lastAttemptAt: Date | null;
	/** `delivered`, or what went wrong last time (`HTTP 500`, `timed out`…). */
	lastResult: string | null;
};

/** An API key as listed: never the key itself. */
export type ApiKeySummary = {
	id: string;
	name: string | null;
	/** The visible start of the key, e.g. `tlr_AbC12…`. */
	start: string | null;
	createdAt: Date;
	lastUsedAt: Date | null;
	revoked: boolean;
	/** Where notices go when a job this key started ends, if anywhere. */
	webhook: WebhookView | null;
};

/** An exported profile as the API returns it: text as it is, a PDF or Word file base64-encoded. */
export type ExportedFile = {
	filename: string;
	contentType: string;
	encoding: 'utf-8' | 'base64';
	content: string;
};

/**
 * The running app's services, as the server declares them (by augmenting this interface); to a
 * client it is opaque, so the API's types carry nothing of the server.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the server
export interface ApiServices {}

/** What every procedure sees: who is asking and how, and the running app. */
export type ApiContext = ApiServices & {
	user: ApiUser | null;
	authMethod: AuthMethod | null;
	/** The API key of the request, when one authenticated it. */
	apiKeyId: string | null;
};
