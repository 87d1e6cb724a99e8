import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CareerItem, Claim } from '../../../src/lib/schemas/career';
import type { Requirement } from '../../../src/lib/schemas/profile';
import { importJsonResume } from '../../../src/lib/server/career/json-resume';
import { findSkills } from '../../../src/lib/server/engines/lexicon';

/** Test helpers: fixture files and a career record with ids, as the database would give it. */

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
/** `../shared/fixtures` from the project root (SPEC §9); absent on a fresh clone. */
export const SHARED_FIXTURES =
	process.env.SHARED_FIXTURES ??
	fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

/** A fixed "today", so experience computed from open-ended jobs does not drift. */
export const NOW = '2025-09-01';

export function readText(path: string): string {
	return readFileSync(path, 'utf8');
}

export function readJson(path: string): unknown {
	return JSON.parse(readText(path));
}

/** Imports a JSON Resume and gives every item and claim an id. */
export function careerRecord(resume: unknown): { items: CareerItem[]; claims: Claim[] } {
	const extract = importJsonResume(resume);
	const items = extract.items.map((item, i) => ({ ...item, id: `item-${i}` }));
	const claims = extract.claims.map((c, i) => ({
		id: `claim-${i}`,
		kind: c.kind,
		text: c.text,
		sourcePath: c.sourcePath,
		skills: c.skills,
		itemId: c.itemIndex === null ? null : `item-${c.itemIndex}`
	}));
	return { items, claims };
}

/** A requirement as the posting parser gives it: its text, its kind and the skills it names. */
export const requirement = (text: string, kind: Requirement['kind'] = 'required'): Requirement => ({
	text,
	kind,
	skills: findSkills(text)
});
