import { adjacentPairs, docTerms, stem } from '../text';
import { corpusCounts } from '../wordnet';

const SPECIFICITY = new Map<string, number>();
/**
 * 1 for a word rare in general English, falling with how common it is: in a small corpus of one
 * person's claims "company" can be as rare as "mobility", but it says far less.
 */
function specificity(term: string): number {
	let s = SPECIFICITY.get(term);
	if (s === undefined) {
		s = 1 / (1 + Math.log(1 + (stemCounts().get(term) ?? 0) / COMMON));
		SPECIFICITY.set(term, s);
	}
	return s;
}
let byStem: Map<string, number> | undefined;
/** SemCor counts summed over the words that share a stem ("manage", "managed", "manages"). */
function stemCounts(): Map<string, number> {
	if (!byStem) {
		byStem = new Map();
		for (const [lemma, n] of corpusCounts()) {
			const key = stem(lemma);
			byStem.set(key, (byStem.get(key) ?? 0) + n);
		}
	}
	return byStem;
}
/** Tagged occurrences at which a word's weight has fallen to about 60%. */
const COMMON = 10;

const ABSENT_WEIGHT = 0.35;
/** A related word ("presents" for "presentation") counts for part of the word itself. */
const RELATED_CREDIT = 0.5;

/** For a query term, the stems of words related to it. */
export type Related = Map<string, Set<string>>;

/** Okapi BM25 over a small in-memory corpus (https://en.wikipedia.org/wiki/Okapi_BM25). */
export class Bm25 {
	private readonly docs: Map<string, number>[];
	private readonly lengths: number[];
	private readonly avgLength: number;
	private readonly df = new Map<string, number>();
	private readonly bigrams: Set<string>[];

	/** For each term, how common it is among the queries asked (see `setQueries`). */
	private readonly queryShare = new Map<string, number>();

	constructor(
		texts: string[],
		private readonly k1 = 1.2,
		private readonly b = 0.75
	) {
		this.docs = texts.map((t) => {
			const tf = new Map<string, number>();
			for (const term of docTerms(t)) tf.set(term, (tf.get(term) ?? 0) + 1);
			return tf;
		});
		this.bigrams = texts.map((t) => new Set(adjacentPairs(t)));
		this.lengths = this.docs.map((d) => [...d.values()].reduce((a, n) => a + n, 0));
		this.avgLength = this.lengths.reduce((a, n) => a + n, 0) / Math.max(1, this.lengths.length);
		for (const doc of this.docs) {
			for (const term of doc.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
		}
	}

	/**
	 * The queries that will be asked (every requirement of a posting, as term lists). A term most
	 * of them share ("marketing" in a marketing posting, "patient" in a nursing one) says what the
	 * whole job is about, not what one requirement asks: it weighs less in each of them, by the
	 * same inverse frequency, relative to a term only one query holds.
	 */
	setQueries(queries: string[][]): void {
		this.queryShare.clear();
		const R = queries.length;
		if (R < 4) return;
		const counts = new Map<string, number>();
		for (const q of queries) for (const t of new Set(q)) counts.set(t, (counts.get(t) ?? 0) + 1);
		const f = (r: number) => Math.log(1 + (R - r + 0.5) / (r + 0.5));
		for (const [t, r] of counts) if (r > 1) this.queryShare.set(t, Math.max(0, f(r) / f(1)));
	}

	idf(term: string): number {
		const n = this.df.get(term) ?? 0;
		const N = this.docs.length;
		return (
			Math.log(1 + (N - n + 0.5) / (n + 0.5)) * (this.queryShare.get(term) ?? 1) * specificity(term)
		);
	}

	/**
	 * A query term's share of what a match must cover. A term no document holds cannot tell one
	 * document from another ("current, unrestricted license"), so it weighs less; it still weighs
	 * something, so a text that names only generic words of a long requirement stays low.
	 */
	weight(term: string, related?: Related): number {
		const held =
			(this.df.get(term) ?? 0) > 0 ||
			[...(related?.get(term) ?? [])].some((r) => (this.df.get(r) ?? 0) > 0);
		return held ? this.idf(term) : ABSENT_WEIGHT * this.idf(term);
	}

	/**
	 * Raw BM25 score of document `i` for the (stemmed) query terms. A term the document lacks
	 * counts at `RELATED_CREDIT` when the document has a word related to it (`related`: a term's
	 * derived words and synonyms, stemmed), weighted as the term itself.
	 */
	score(terms: string[], i: number, related?: Related): number {
		const doc = this.docs[i];
		if (!doc) return 0;
		const norm = 1 - this.b + (this.b * (this.lengths[i] ?? 0)) / (this.avgLength || 1);
		let sum = 0;
		for (const term of terms) {
			let tf = doc.get(term) ?? 0;
			let credit = 1;
			if (tf === 0 && related) {
				for (const r of related.get(term) ?? []) tf = Math.max(tf, doc.get(r) ?? 0);
				credit = RELATED_CREDIT;
			}
			if (tf > 0) sum += (credit * this.idf(term) * tf * (this.k1 + 1)) / (tf + this.k1 * norm);
		}
		return sum;
	}

	/** Whether document `i` holds the term, or a word related to it. */
	holds(term: string, i: number, related?: Related): boolean {
		const doc = this.docs[i];
		if (!doc) return false;
		return doc.has(term) || [...(related?.get(term) ?? [])].some((r) => doc.has(r));
	}

	/**
	 * The score divided by what a document of average length holding every query term once would
	 * get: about the idf-weighted share of the query the document covers, in 0..1.
	 */
	normalized(terms: string[], i: number, related?: Related): number {
		// A term held only through a related word is held: it weighs in full here as in `score`.
		const ideal = terms.reduce((a, t) => a + this.weight(t, related), 0);
		return ideal > 0 ? Math.min(1, this.score(terms, i, related) / ideal) : 0;
	}

	/**
	 * Of the query's word pairs ("clinical staff") whose two words document `i` both holds, the
	 * share it holds side by side; null when it holds no pair's two words. A document with only one
	 * word of a pair is already scored lower for the word it lacks.
	 */
	phraseCoverage(pairs: string[], i: number): number | null {
		const doc = this.docs[i];
		const wanted = pairs.filter((p) => p.split(' ').every((t) => doc?.has(t)));
		if (wanted.length === 0) return null;
		const have = this.bigrams[i];
		return wanted.filter((b) => have?.has(b)).length / wanted.length;
	}

	/** Share of the query's idf mass found in `text` (for short context fields). */
	coverage(terms: string[], text: string, related?: Related): number {
		const present = new Set(docTerms(text));
		const has = (t: string) =>
			present.has(t) || [...(related?.get(t) ?? [])].some((r) => present.has(r));
		const ideal = terms.reduce((a, t) => a + this.weight(t, related), 0);
		const hit = terms.filter(has).reduce((a, t) => a + this.weight(t, related), 0);
		return ideal > 0 ? hit / ideal : 0;
	}
}
