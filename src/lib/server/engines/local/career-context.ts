import type { CareerItem, Claim } from '../../../schemas/career';
import { sentences } from '../text';

/** Lookups over one person's record shared by the generators and the grounding check. */
export class CareerContext {
	readonly claimsById: Map<string, Claim>;
	readonly itemsById: Map<string, CareerItem>;

	constructor(
		readonly claims: Claim[],
		readonly items: CareerItem[]
	) {
		this.claimsById = new Map(claims.map((c) => [c.id, c]));
		this.itemsById = new Map(items.map((i) => [i.id, i]));
	}

	itemOf(claim: Claim): CareerItem | undefined {
		return claim.itemId ? this.itemsById.get(claim.itemId) : undefined;
	}

	/** The organisation an item belongs to: employer, volunteer organisation, school, issuer. */
	organisation(item: CareerItem | undefined): string {
		// The profile's own name is the person, not a place they worked.
		if (item?.section === 'basics') return '';
		const d = item?.data ?? {};
		for (const key of ['name', 'organization', 'institution', 'issuer', 'awarder', 'publisher']) {
			const v = d[key];
			if (typeof v === 'string' && v.trim() && item?.section !== 'projects') return v.trim();
		}
		return '';
	}

	/** Identifying fields of the claim's item, which a sentence about the claim may repeat. */
	contextText(claim: Claim): string {
		const d = this.itemOf(claim)?.data ?? {};
		return ['name', 'organization', 'institution', 'issuer', 'awarder', 'publisher', 'position']
			.concat(['studyType', 'area', 'startDate', 'endDate', 'date', 'releaseDate'])
			.map((k) => d[k])
			.filter((v): v is string => typeof v === 'string')
			.join(' \n ');
	}

	/** The person's first name, or null. */
	firstName(): string | null {
		const basics = this.items.find((i) => i.section === 'basics');
		const name = basics?.data.name;
		return typeof name === 'string' && name.trim() ? (name.trim().split(/\s+/)[0] ?? null) : null;
	}

	/** A short reading of one claim with its context, using only the record's words. */
	render(claim: Claim, focus?: string): string {
		const item = this.itemOf(claim);
		const text = ensurePeriod(claim.text);
		switch (claim.kind) {
			case 'highlight':
			case 'summary': {
				if (item?.section === 'basics') return ensurePeriod(bestSentence(claim.text, focus));
				const where =
					item?.section === 'projects' ? String(item.data.name ?? '') : this.organisation(item);
				return where ? `${where}: ${text}` : text;
			}
			case 'project': {
				const name = String(item?.data.name ?? '');
				return name && name !== claim.text ? `${name}: ${text}` : text;
			}
			case 'skill': {
				const group = String(item?.data.name ?? '').trim();
				return group ? `Skills (${group}): ${text}` : `Skills: ${text}`;
			}
			case 'certificate':
				return `Certificate: ${text}`;
			case 'degree':
				return `Degree: ${text}`;
			default:
				return text;
		}
	}
}

export function ensurePeriod(text: string): string {
	const t = text.trim();
	return /[.!?]["”)]?$/.test(t) ? t : `${t}.`;
}

/** The sentence of `text` sharing most words with `focus` (the first on a tie). */
export function bestSentence(text: string, focus?: string): string {
	const all = sentences(text);
	if (!focus || all.length <= 1) return all[0] ?? text;
	const want = new Set(focus.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
	let best = all[0] ?? text;
	let bestHits = -1;
	for (const s of all) {
		const hits = (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => want.has(w)).length;
		if (hits > bestHits) {
			best = s;
			bestHits = hits;
		}
	}
	return best;
}
