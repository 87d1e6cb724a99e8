import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * English lemmas from wink-nlp's packaged model ("ran" → "run", "nurses" → "nurse", "presented"
 * → "present"), so inflections match whatever the verb or noun. Loaded on first use (about 80 ms)
 * and cached per text: a record's claims are read once per job.
 */

let nlp: ReturnType<typeof winkNLP> | undefined;
const cache = new Map<string, string[]>();
const CACHE_MAX = 20_000;

export function lemmas(text: string): string[] {
	const hit = cache.get(text);
	if (hit) return hit;
	nlp ??= winkNLP(model);
	const its = nlp.its;
	const out: string[] = [];
	nlp
		.readDoc(text)
		.tokens()
		.each((t: { out: (x: unknown) => unknown }) => {
			const type = t.out(its.type);
			if (type !== 'word' && type !== 'number') return;
			const lemma = String(t.out(its.lemma)).toLowerCase();
			for (const w of lemma.match(/[\p{L}\p{N}]+/gu) ?? []) out.push(w);
		});
	if (cache.size >= CACHE_MAX) cache.clear();
	cache.set(text, out);
	return out;
}

/**
 * True when the text's first word is a verb or a gerund ("running Kubernetes", "coaching
 * tutors"): an activity, not a field ("hospital pharmacy").
 */
export function startsWithVerb(text: string): boolean {
	nlp ??= winkNLP(model);
	const its = nlp.its;
	let first: { pos: string; word: string } | null = null;
	nlp
		.readDoc(text)
		.tokens()
		.each((t: { out: (x: unknown) => unknown }) => {
			if (first === null && t.out(its.type) === 'word')
				first = {
					pos: String(t.out(its.pos)),
					word: String(t.out(its.normal))
				};
		});
	const f = first as { pos: string; word: string } | null;
	return !!f && (f.pos === 'VERB' || (f.word.length > 5 && f.word.endsWith('ing')));
}

export type Token = { text: string; type: string; pos: string; lemma: string; space: string };

/** The text's tokens with their part of speech, lemma and the spacing that followed each. */
export function tagged(text: string): Token[] {
	nlp ??= winkNLP(model);
	const its = nlp.its;
	const out: Token[] = [];
	nlp
		.readDoc(text)
		.tokens()
		.each((t: { out: (x: unknown) => unknown }) => {
			out.push({
				text: String(t.out(its.value)),
				type: String(t.out(its.type)),
				pos: String(t.out(its.pos)),
				lemma: String(t.out(its.lemma)).toLowerCase(),
				space: String(t.out(its.precedingSpaces))
			});
		});
	// precedingSpaces belongs to the token after: shift it onto the one before.
	for (let i = 0; i < out.length; i++) out[i]!.space = out[i + 1]?.space ?? '';
	return out;
}
