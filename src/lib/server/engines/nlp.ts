import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * English tokens with their part of speech and lemma, from wink-nlp's packaged model ("ran" →
 * "run", "nurses" → "nurse", "presented" → "present"). Loaded on first use (about 80 ms); a
 * text's reading is cached, since a record's claims are read once per requirement.
 */

export type Token = { text: string; type: string; pos: string; lemma: string; space: string };

let nlp: ReturnType<typeof winkNLP> | undefined;
const cache = new Map<string, Token[]>();
const CACHE_MAX = 20_000;

/** The text's tokens with their part of speech, lemma and the spacing that follows each. */
export function tagged(text: string): Token[] {
	const hit = cache.get(text);
	if (hit) return hit.map((t) => ({ ...t }));
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
	if (cache.size >= CACHE_MAX) cache.clear();
	cache.set(text, out);
	// Callers may retag a token (a verb the tagger missed): each gets its own copies.
	return out.map((t) => ({ ...t }));
}

/** The lemmas of the text's words and numbers, lowercase. */
export function lemmas(text: string): string[] {
	return tagged(text)
		.filter((t) => t.type === 'word' || t.type === 'number')
		.flatMap((t) => t.lemma.match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * True when the text's first word is a verb or a gerund ("running Kubernetes", "coaching
 * tutors"): an activity, not a field ("hospital pharmacy").
 */
export function startsWithVerb(text: string): boolean {
	const first = tagged(text).find((t) => t.type === 'word');
	return !!first && (first.pos === 'VERB' || (first.text.length > 5 && /ing$/i.test(first.text)));
}
