import resumeSchema, { type SchemaValidationError } from '@jsonresume/schema';
import type {
	CareerExtract,
	CareerItem,
	CareerItemInput,
	ClaimInput,
	ClaimKind
} from '../../schemas/career';
import type { JsonResume } from '../../schemas/profile';
import { findUnstorable, printable } from '../../schemas/storable';
import { findSkills } from '../engines/lexicon';
import { parsePointer, toPointer } from './pointer';

/** Import and export of JSON Resume documents (https://jsonresume.org/schema). */

export type ImportIssue = { path: string; message: string };

/** A document that cannot be imported; `message` names the first problem and its JSON Pointer. */
export class CareerImportError extends Error {
	readonly issues: ImportIssue[];
	constructor(message: string, issues: ImportIssue[] = []) {
		super(message);
		this.name = 'CareerImportError';
		this.issues = issues;
	}
}

const CONTENT_SECTIONS = ['basics', 'work', 'projects', 'education', 'skills'] as const;

/**
 * Ceilings of one document. A long career has a few dozen entries and a few hundred facts; these
 * leave ample room while keeping one import's inserts within what PostgreSQL takes in a statement.
 */
export const IMPORT_LIMITS = { entriesPerSection: 500, claims: 5_000 } as const;
const KNOWN_KEYS = new Set([
	'$schema',
	'basics',
	'work',
	'volunteer',
	'education',
	'awards',
	'certificates',
	'publications',
	'skills',
	'languages',
	'interests',
	'references',
	'projects',
	'meta'
]);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function hasContent(value: unknown): boolean {
	if (typeof value === 'string') return value.trim().length > 0;
	if (Array.isArray(value)) return value.some(hasContent);
	if (isObject(value)) return Object.values(value).some(hasContent);
	return typeof value === 'number' || typeof value === 'boolean';
}

function describe(error: SchemaValidationError): ImportIssue {
	const path = toPointer(error.path);
	const hint =
		error.name === 'pattern' && /date$/i.test(String(error.path.at(-1)))
			? ' (expected YYYY, YYYY-MM or YYYY-MM-DD)'
			: '';
	return { path, message: `${error.message}${hint}` };
}

export type ValidateOptions = {
	/**
	 * Also refuse values that break the schema's `format` rules (`uri`, `email`). Off by default:
	 * the schema's own sample resume has an empty profile URL and a URL without a scheme, and a
	 * person should not lose an import over a link; types, required shapes and date patterns are
	 * always enforced.
	 */
	strictFormats?: boolean;
};

/**
 * Checks that `input` is a JSON Resume document worth importing and returns it typed.
 * Throws `CareerImportError` naming the RFC 6901 path of the first problem.
 *
 * Documents in other resume formats are refused rather than mapped: guessing which foreign field
 * is a job, a title or a date would put words in the person's record that they never wrote in
 * that place. Such a resume can be pasted as text instead (`parseTextResume`).
 */
export function validateJsonResume(input: unknown, options: ValidateOptions = {}): JsonResume {
	let doc = input;
	if (typeof doc === 'string') {
		try {
			doc = JSON.parse(doc);
		} catch (e) {
			throw new CareerImportError(`This is not valid JSON: ${printable((e as Error).message)}`);
		}
	}
	if (!isObject(doc)) {
		const got = Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`;
		throw new CareerImportError(`A JSON Resume document is a JSON object, but this is ${got}.`, [
			{ path: '', message: 'is not an object' }
		]);
	}
	const unstorable = findUnstorable(doc);
	if (unstorable) {
		throw new CareerImportError(
			`Invalid JSON Resume: ${printable(unstorable.path) || '/'}: ${unstorable.message}`,
			[unstorable]
		);
	}
	const crowded = Object.entries(doc).find(
		([, v]) => Array.isArray(v) && v.length > IMPORT_LIMITS.entriesPerSection
	);
	if (crowded) {
		const path = toPointer([crowded[0]]);
		const message = `has ${(crowded[1] as unknown[]).length} entries; at most ${IMPORT_LIMITS.entriesPerSection} can be imported`;
		throw new CareerImportError(`Invalid JSON Resume: ${path}: ${message}`, [{ path, message }]);
	}
	const keys = Object.keys(doc);
	if (!keys.some((k) => KNOWN_KEYS.has(k) && k !== '$schema' && k !== 'meta')) {
		const found = printable(keys.slice(0, 5).join(', ')) || 'nothing';
		throw new CareerImportError(
			`This is not a JSON Resume document (no basics, work, education, skills or projects; ` +
				`found ${found}). Convert it to JSON Resume (https://jsonresume.org/schema) or paste ` +
				`the resume as text instead.`,
			[{ path: '', message: 'is not a JSON Resume document' }]
		);
	}
	// JSON Resume allows extra properties, so another resume format can validate. A document with
	// neither basics nor work but with content under foreign keys is such a format.
	const foreign = keys.filter((k) => !KNOWN_KEYS.has(k) && hasContent(doc[k]));
	if (!hasContent(doc.basics) && !hasContent(doc.work) && foreign.length > 0) {
		throw new CareerImportError(
			`This is not a JSON Resume document: it has no basics or work section but has ` +
				`${printable(foreign.slice(0, 5).join(', '))}${foreign.length > 5 ? ', …' : ''}. Convert it to ` +
				`JSON Resume (https://jsonresume.org/schema) or paste the resume as text instead.`,
			[{ path: '', message: 'is not a JSON Resume document' }]
		);
	}
	let errors: SchemaValidationError[] = [];
	resumeSchema.validate(doc, (errs) => {
		errors = errs ?? [];
	});
	const fatal = options.strictFormats ? errors : errors.filter((e) => e.name !== 'format');
	if (fatal.length > 0) {
		const issues = fatal.map(describe);
		const first = issues[0] as ImportIssue;
		const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
		throw new CareerImportError(
			`Invalid JSON Resume: ${first.path || '/'}: ${first.message}${more}`,
			issues
		);
	}
	if (!CONTENT_SECTIONS.some((s) => hasContent(doc[s]))) {
		throw new CareerImportError(
			'This JSON Resume has no content: basics, work, projects, education and skills are all empty.',
			[{ path: '', message: 'has no content' }]
		);
	}
	return doc as JsonResume;
}

type ClaimSink = (
	kind: ClaimKind,
	text: string,
	path: (string | number)[],
	extra?: string[]
) => void;

function joinParts(...parts: string[]): string {
	return parts.filter(Boolean).join(', ');
}

/** Claims of one entry; `path` is the entry's own path. */
function entryClaims(section: string, data: Obj, path: (string | number)[], add: ClaimSink) {
	const highlights = Array.isArray(data.highlights) ? data.highlights : [];
	switch (section) {
		case 'education': {
			// "Bachelor of Science in Nursing" with area "Nursing" names its field already.
			const type = str(data.studyType);
			const area = str(data.area);
			const named = area && type.toLowerCase().endsWith(area.toLowerCase());
			const degree = named ? type : [type, area].filter(Boolean).join(' in ');
			const text = joinParts(degree, str(data.institution));
			if (text) add('degree', text, path);
			(Array.isArray(data.courses) ? data.courses : []).forEach((c, k) => {
				if (str(c)) add('course', str(c), [...path, 'courses', k]);
			});
			return;
		}
		case 'certificates': {
			const text = joinParts(str(data.name), str(data.issuer));
			if (text) add('certificate', text, path);
			return;
		}
		case 'awards': {
			const head = joinParts(str(data.title), str(data.awarder));
			const text = str(data.summary) ? `${head}: ${str(data.summary)}` : head;
			if (text) add('award', text, path);
			return;
		}
		case 'publications': {
			const head = joinParts(str(data.name), str(data.publisher));
			const text = str(data.summary) ? `${head}: ${str(data.summary)}` : head;
			if (text) add('publication', text, path);
			return;
		}
		case 'languages': {
			const text = str(data.fluency)
				? `${str(data.language)} (${str(data.fluency)})`
				: str(data.language);
			if (text) add('language', text, path);
			return;
		}
		case 'skills': {
			const keywords = Array.isArray(data.keywords) ? data.keywords : [];
			keywords.forEach((k, i) => {
				if (str(k)) add('skill', str(k), [...path, 'keywords', i]);
			});
			if (!keywords.some((k) => str(k)) && str(data.name)) add('skill', str(data.name), path);
			return;
		}
		case 'interests':
		case 'references':
		case 'meta':
			return;
		case 'projects': {
			const keywords = (Array.isArray(data.keywords) ? data.keywords : []).map(str);
			const keywordSkills = keywords.flatMap((k) => findSkills(k));
			if (str(data.description)) {
				add('project', str(data.description), [...path, 'description'], keywordSkills);
			} else if (str(data.name) && highlights.length === 0) {
				add('project', str(data.name), [...path, 'name'], keywordSkills);
			}
			break;
		}
		default:
			if (str(data.summary)) add('summary', str(data.summary), [...path, 'summary']);
			if (str(data.description)) add('summary', str(data.description), [...path, 'description']);
	}
	highlights.forEach((h, j) => {
		if (str(h)) add('highlight', str(h), [...path, 'highlights', j]);
	});
}

/**
 * Splits a JSON Resume into items (one per entry, `basics` included) and atomic claims, each
 * claim carrying the RFC 6901 pointer of the text it came from. Non-object entries of arrays
 * and top-level scalars (`$schema`) are not items.
 */
export function extractCareer(resume: JsonResume): CareerExtract {
	const items: CareerItemInput[] = [];
	const claims: ClaimInput[] = [];
	for (const [section, value] of Object.entries(resume as Obj)) {
		const entries: [Obj, (string | number)[], number][] = isObject(value)
			? [[value, [section], 0]]
			: Array.isArray(value)
				? value.flatMap((v, i) =>
						isObject(v) ? [[v, [section, i], i] as [Obj, (string | number)[], number]] : []
					)
				: [];
		for (const [data, path, position] of entries) {
			const itemIndex = items.length;
			items.push({ section, position, sourcePath: toPointer(path), data });
			const add: ClaimSink = (kind, text, claimPath, extra = []) => {
				const skills = [...new Set([...findSkills(text), ...extra])];
				claims.push({ itemIndex, kind, text, sourcePath: toPointer(claimPath), skills });
			};
			if (section === 'basics') {
				if (str(data.summary)) add('summary', str(data.summary), [...path, 'summary']);
			} else {
				entryClaims(section, data, path, add);
			}
		}
	}
	return { items, claims };
}

/** Validates and extracts in one go; a document with more facts than can be imported is refused. */
export function importJsonResume(input: unknown, options?: ValidateOptions): CareerExtract {
	const extract = extractCareer(validateJsonResume(input, options));
	if (extract.claims.length > IMPORT_LIMITS.claims) {
		const counts = new Map<string, number>();
		for (const c of extract.claims) {
			const section = c.sourcePath.split('/')[1] ?? '';
			counts.set(section, (counts.get(section) ?? 0) + 1);
		}
		const [section] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
		const path = `/${section}`;
		const message = `holds ${counts.get(section)} of the document's ${extract.claims.length} facts; at most ${IMPORT_LIMITS.claims} can be imported`;
		throw new CareerImportError(`Too much to import: ${path}: ${message}`, [{ path, message }]);
	}
	return extract;
}

/**
 * Rebuilds a JSON Resume from stored items: an item whose pointer has one segment (`/basics`)
 * is an object section, the others are array entries ordered by `position`. Sections keep the
 * order in which they first appear among the items, so import → export → import is stable.
 */
export function exportJsonResume(
	items: Pick<CareerItem, 'section' | 'position' | 'sourcePath' | 'data'>[]
): JsonResume {
	const out: Obj = {};
	const arrays = new Map<string, { position: number; data: Obj }[]>();
	for (const item of items) {
		const segments = item.sourcePath ? parsePointer(item.sourcePath) : [];
		if (item.section === 'basics' || (segments.length === 1 && !arrays.has(item.section))) {
			out[item.section] ??= item.data;
			continue;
		}
		if (!arrays.has(item.section)) {
			arrays.set(item.section, []);
			out[item.section] = [];
		}
		arrays.get(item.section)?.push({ position: item.position, data: item.data });
	}
	for (const [section, list] of arrays) {
		out[section] = list.sort((a, b) => a.position - b.position).map((e) => e.data);
	}
	return out as JsonResume;
}
