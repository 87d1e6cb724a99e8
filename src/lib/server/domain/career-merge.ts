import type { CareerExtract, ClaimInput } from '../../schemas/career';

/**
 * How a re-import meets the stored record (pure: no database). Items are matched by a stable
 * identity (their section plus the fields that name the entry), claims by kind, text and item.
 * What matches keeps its id; the rest of the new import is new; the rest of the stored record
 * leaves it (items deleted, claims retired).
 */

export type StoredItem = {
	id: string;
	section: string;
	position: number;
	sourcePath: string | null;
	data: Record<string, unknown>;
};

export type StoredClaim = {
	id: string;
	itemId: string | null;
	kind: string;
	text: string;
	sourcePath: string | null;
	skills: string[];
	retired: boolean;
};

export type MergePlan = {
	/** Per item of the import (by index): the stored item it keeps, or null for a new one. */
	keptItemIds: (string | null)[];
	/** Stored items the import no longer has. */
	deletedItemIds: string[];
	/** Per claim of the import (by index): the stored claim it keeps (un-retired if need be), or null. */
	keptClaims: (StoredClaim | null)[];
	/** Live stored claims the import no longer has. */
	retiredClaimIds: string[];
};

/**
 * The fields that name an entry of each section, in order; a list of alternatives takes the first
 * that has a value (`company` is the older JSON Resume name of a work entry's `name`).
 */
const IDENTITY_FIELDS: Record<string, string[][]> = {
	work: [['name', 'company'], ['position'], ['startDate']],
	volunteer: [['organization'], ['position'], ['startDate']],
	education: [['institution'], ['area'], ['studyType']],
	awards: [['title'], ['awarder'], ['date']],
	certificates: [['name'], ['issuer']],
	publications: [['name'], ['publisher']],
	skills: [['name']],
	languages: [['language']],
	interests: [['name']],
	references: [['name']],
	projects: [['name']]
};

/** For a section the importer does not know. */
const GENERIC_FIELDS = [
	['name', 'title'],
	['organization', 'company', 'institution'],
	['position'],
	['startDate', 'date']
];

const normalized = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number'
		? String(value).trim().replace(/\s+/g, ' ').toLowerCase()
		: '';

/**
 * The stable identity of an item: an object section (`basics`) is its section; an array entry is
 * its section plus its naming fields (case and spacing aside). An entry with none of them falls
 * back to its position in the section, so an unnamed entry matches the one in the same place.
 */
export function itemIdentity(
	item: Pick<StoredItem, 'section' | 'position' | 'sourcePath' | 'data'>
) {
	const isSectionObject = item.sourcePath !== null && !item.sourcePath.slice(1).includes('/');
	if (isSectionObject) return JSON.stringify([item.section]);
	const fields = IDENTITY_FIELDS[item.section] ?? GENERIC_FIELDS;
	const values = fields.map(
		(alternatives) => alternatives.map((f) => normalized(item.data[f])).find(Boolean) ?? ''
	);
	if (values.every((v) => !v)) return JSON.stringify([item.section, '@', item.position]);
	return JSON.stringify([item.section, ...values]);
}

const claimKey = (itemId: string | null, kind: string, text: string) =>
	JSON.stringify([itemId, kind, text]);

/** Groups values under a key, keeping their order; `take` hands each one out once. */
class Queues<T> {
	readonly #map = new Map<string, T[]>();
	add(key: string, value: T) {
		const list = this.#map.get(key);
		if (list) list.push(value);
		else this.#map.set(key, [value]);
	}
	take(key: string): T | undefined {
		return this.#map.get(key)?.shift();
	}
}

function matchItems(stored: StoredItem[], extract: CareerExtract) {
	const byIdentity = new Queues<StoredItem>();
	for (const item of [...stored].sort((a, b) => a.position - b.position))
		byIdentity.add(itemIdentity(item), item);
	const keptItemIds = extract.items.map((item) => byIdentity.take(itemIdentity(item))?.id ?? null);
	const kept = new Set(keptItemIds);
	const deletedItemIds = stored.filter((i) => !kept.has(i.id)).map((i) => i.id);
	return { keptItemIds, deletedItemIds };
}

/**
 * A claim of a kept item matches a stored claim of that item; a claim of a new item can take a
 * stored claim that has no item left (its item was deleted by an earlier import, or it never had
 * one), which is how a fact that comes back gets its old id. Live claims go before retired ones.
 */
function matchClaims(stored: StoredClaim[], claims: ClaimInput[], keptItemIds: (string | null)[]) {
	const candidates = new Queues<StoredClaim>();
	for (const claim of [...stored].sort((a, b) => Number(a.retired) - Number(b.retired)))
		candidates.add(claimKey(claim.itemId, claim.kind, claim.text), claim);
	const keptClaims = claims.map((c) => {
		const itemId = c.itemIndex === null ? null : (keptItemIds[c.itemIndex] ?? null);
		return candidates.take(claimKey(itemId, c.kind, c.text)) ?? null;
	});
	const kept = new Set(keptClaims.map((c) => c?.id));
	const retiredClaimIds = stored.filter((c) => !c.retired && !kept.has(c.id)).map((c) => c.id);
	return { keptClaims, retiredClaimIds };
}

export function planMerge(
	stored: { items: StoredItem[]; claims: StoredClaim[] },
	extract: CareerExtract
): MergePlan {
	const items = matchItems(stored.items, extract);
	return { ...items, ...matchClaims(stored.claims, extract.claims, items.keptItemIds) };
}
