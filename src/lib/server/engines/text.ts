/** Small text utilities shared by the local engine: tokens, a light stemmer, stopwords. */

import { lemmas, tagged } from './nlp';

const ENGLISH_STOPWORDS = `a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each either etc few for from
further had has have having he her here hers him his how i if in into is it its itself just me more most my
no nor not now of off on once only or other our ours out over own per same she should so some such than that
the their theirs them then there these they this those through to too under until up very via was we were
what when where which while who whom why will with within without would you your yours yourself us eg ie
one two three four five six seven eight nine ten plus`;

/**
 * Words that say how much of something a posting wants, not what: they carry no signal for
 * matching a claim ("Strong", "hands-on experience", "track record of").
 */
const REQUIREMENT_BOILERPLATE = `experience experienced years year strong proficiency proficient familiarity
familiar knowledge knowledgeable understanding ability able skills skill solid deep hands must nice bonus
preferred ideally including include includes e.g etc related field equivalent comfortable comfort track
record demonstrated proven excellent good great expert expertise level background using use production
professional working work role team teams similar comparable least minimum ideal candidate required
require requires requirement desired desirable appreciated advantage advantageous world class shipping
day days like well want looking seeking need needs someone person people`;

export const STOPWORDS = new Set(ENGLISH_STOPWORDS.split(/\s+/));
export const QUERY_STOPWORDS = new Set([...STOPWORDS, ...REQUIREMENT_BOILERPLATE.split(/\s+/)]);

/** Lowercase word tokens (letters and digits), keeping inner apostrophes out. */
export function words(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Irregular past tenses common in resumes ("built", "led", "ran"), mapped to their base. */
const IRREGULAR: Record<string, string> = {
	built: 'build',
	led: 'lead',
	ran: 'run',
	wrote: 'write',
	written: 'write',
	grew: 'grow',
	grown: 'grow',
	made: 'make',
	drove: 'drive',
	driven: 'drive',
	taught: 'teach',
	brought: 'bring',
	began: 'begin',
	won: 'win',
	held: 'hold',
	kept: 'keep',
	sold: 'sell',
	spoke: 'speak',
	took: 'take',
	taken: 'take',
	gave: 'give',
	chose: 'choose',
	found: 'find',
	shipped: 'ship',
	thought: 'think',
	bought: 'buy',
	fed: 'feed',
	met: 'meet',
	became: 'become',
	oversaw: 'oversee',
	rebuilt: 'rebuild',
	rewrote: 'rewrite',
	ledger: 'ledger'
};

/** A light suffix stripper: enough to join "migrated"/"migration", "pipelines"/"pipeline". */
export function stem(word: string): string {
	let w = word.toLowerCase();
	w = IRREGULAR[w] ?? w;
	if (w.length <= 3 || /^\d/.test(w)) return w;
	if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
	else if (w.endsWith('sses')) w = w.slice(0, -2);
	else if (/(s|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
	else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
	if (/(ization|isation)$/.test(w)) w = w.slice(0, -7) + 'iz';
	else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5) + 'at';
	else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
	else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
	// Agent nouns join their verbs: designer/design, developer/develop, engineering/engineer.
	if (w.endsWith('er') && w.length >= 6) w = w.slice(0, -2);
	if (/(ize|ise)$/.test(w) && w.length > 5) w = w.slice(0, -3) + 'iz';
	if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
	if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
	return w;
}

/** Lemmas, then stems: "ran" and "running" both give "run"; "migrated" and "migration" join. */
const lemmaWords = (text: string) => lemmas(text);

/** Stemmed content tokens of a document (claims). */
export function docTerms(text: string): string[] {
	return lemmaWords(text)
		.filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w))
		.map(stem);
}

/**
 * Pairs of stemmed content words that stand next to each other in the text ("clinical staff",
 * "design system"), as "a b". A stopword or a punctuation mark between two words parts them
 * ("staff on new systems", "marketer and a freelance designer"); a number does not ("training 60
 * staff"). `skip`: further words that part a pair, and are not part of one (posting boilerplate).
 */
export function adjacentPairs(text: string, skip: Set<string> = STOPWORDS): string[] {
	const out: string[] = [];
	let previous: string | null = null;
	for (const token of tagged(text)) {
		if (token.type === 'number') continue;
		// A hyphen inside a compound ("usage-based") joins its words.
		if (token.text === '-' && token.space === '') continue;
		const words = token.type === 'word' ? (token.lemma.match(/[\p{L}\p{N}]+/gu) ?? []) : [];
		if (words.length === 0) {
			previous = null;
			continue;
		}
		for (const w of words) {
			if (skip.has(w) || STOPWORDS.has(w)) {
				previous = null;
				continue;
			}
			const term = stem(w);
			if (skip.has(term)) {
				previous = null;
				continue;
			}
			if (previous) out.push(`${previous} ${term}`);
			previous = term;
		}
	}
	return out;
}

/**
 * Stemmed content tokens of a query (requirements), without posting boilerplate, in order;
 * a repeated term is kept once (its first place).
 */
export function queryTerms(text: string): string[] {
	const terms = objectsKept(text)
		.filter(({ word }) => !/^\d+$/.test(word) && word.length > 1)
		.map(({ word, object }) => ({ term: stem(word), object }))
		// "worked", "requirements": inflections of boilerplate are boilerplate too.
		.filter(({ term, object }) => object || !QUERY_STOPWORDS.has(term));
	return [...new Set(terms.map((t) => t.term))];
}

/**
 * The text's lemmas without stopwords and posting boilerplate, except a boilerplate noun that is
 * the object of an activity ("writing requirements"): there it is what is asked.
 */
function objectsKept(text: string): { word: string; object: boolean }[] {
	const out: { word: string; object: boolean }[] = [];
	let previous: { pos: string; lemma: string } | null = null;
	for (const t of tagged(text)) {
		if (t.type !== 'word' && t.type !== 'number') {
			previous = null;
			continue;
		}
		const object =
			previous?.pos === 'VERB' && !QUERY_STOPWORDS.has(previous.lemma) && t.pos === 'NOUN';
		for (const word of t.lemma.match(/[\p{L}\p{N}]+/gu) ?? []) {
			if (!QUERY_STOPWORDS.has(word)) out.push({ word, object: false });
			else if (object && !STOPWORDS.has(word)) out.push({ word, object: true });
		}
		previous = t;
	}
	return out;
}

const LIST_LEAD = new Set([
	'in',
	'with',
	'on',
	'of',
	'for',
	'as',
	'using',
	'a',
	'an',
	'the',
	'other',
	'similar',
	'like',
	'via',
	'and'
]);

/**
 * The alternatives of a requirement's "X, Y or Z" list, each with the words around the list:
 * "Experience in e-commerce, marketplaces or logistics" gives "Experience e-commerce",
 * "Experience marketplaces", "Experience logistics"; "Building or maintaining a design system or
 * shared component library" gives "Building or maintaining design system" and "… shared component
 * library". Null when the text has no "or".
 */
export function alternatives(text: string): string[] | null {
	const parsed = splitList(text.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim());
	if (!parsed) return null;
	return sharedHead(parsed.items).map((i) => `${parsed.base} ${i}`.trim());
}

const isModifier = (word: string) => {
	const t = tagged(word)[0];
	return t?.pos === 'ADJ' || t?.pos === 'ADV';
};

/**
 * "large or bulky items": adjectives joined before one noun each take that noun ("large items",
 * "bulky items"), so no alternative is a bare adjective.
 */
function sharedHead(items: string[]): string[] {
	const last = items.at(-1) ?? '';
	const [lead, ...rest] = last.split(/\s+/);
	const head = rest.join(' ').split(/[,;.]/)[0]?.trim() ?? '';
	const others = items.slice(0, -1).map((i) => i.trim().split(/\s+/));
	if (!lead || !head || others.length === 0) return items;
	// The words before the first adjective ("shipping" in "shipping large or bulky items") belong
	// to every alternative.
	const before = (others[0] ?? []).slice(0, -1);
	if (others.slice(1).some((o) => o.length > 1)) return items;
	if (![lead, ...others.map((o) => o.at(-1) ?? '')].every(isModifier)) return items;
	return [...others.map((o) => `${o.join(' ')} ${head}`), [...before, last].join(' ')];
}

const leadStripped = (s: string) => {
	const ws = s.trim().split(/\s+/);
	while (ws.length > 1 && LIST_LEAD.has((ws[0] ?? '').toLowerCase())) ws.shift();
	return ws.join(' ');
};

function splitList(text: string): { base: string; items: string[] } | null {
	const m = /^(.*\S)\s+or\s+(\S.*)$/i.exec(text);
	if (!m) return null;
	const right = leadStripped((m[2] ?? '').replace(/[,;.]+$/, ''));
	const left = (m[1] ?? '').trim();
	if (left.endsWith(',')) {
		// "Swift or Kotlin, or React Native": the left part is itself a list.
		const inner = splitList(left.replace(/,+$/, ''));
		if (inner) return { base: inner.base, items: [...inner.items, right] };
	}
	const pieces = left.split(/,\s*/);
	const list = [pieces.pop() ?? ''];
	while (pieces.length > 0 && (pieces.at(-1) ?? '').trim().split(/\s+/).length <= 4) {
		list.unshift(pieces.pop() ?? '');
	}
	// The first item may carry the words the list hangs from: "<base> in <item>".
	const first = (list[0] ?? '').trim().split(/\s+/);
	let cut = first.length - 1;
	while (cut > 0 && !LIST_LEAD.has((first[cut - 1] ?? '').toLowerCase())) cut--;
	list[0] = first.slice(cut).join(' ');
	const base = [...pieces, first.slice(0, cut).join(' ')].join(' ').trim();
	return { base, items: [...list.map(leadStripped), right].filter(Boolean) };
}

/** Splits prose into sentences, keeping abbreviations such as "e.g." and "Node.js" intact. */
export function sentences(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
		.map((s) => s.trim())
		.filter((s) => s.length > 0)
		.reduce<string[]>((acc, s) => {
			const prev = acc.at(-1);
			// "e.g." in any case; titles only capitalised ("Dr.", but "400 ms." ends a sentence).
			if (
				prev &&
				(/\b(e\.g|i\.e|etc|vs|approx|incl)\.$/i.test(prev) || /\b(Dr|Mr|Mrs|Ms|St)\.$/.test(prev))
			) {
				acc[acc.length - 1] = `${prev} ${s}`;
			} else acc.push(s);
			return acc;
		}, []);
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A case-insensitive whole-word matcher: the neighbours of the match must not be letters or
 * digits (so "go" does not match "google" and "react" does not match "reacts").
 */
export function wholeWord(term: string): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Cue words after which a requirement lists examples of what it means. */
const EXAMPLES =
	/\s*(?:[:;(]|\bsuch as\b|\bincluding\b|\bfor example\b|\be\.g\.,?|\bespecially\b|\blike\b)\s*/i;

/**
 * The parts of a requirement a claim can meet on its own, each with how much meeting only that
 * part says: the requirement's head (before a colon, "such as", "including" or a parenthesis), the
 * examples after it, and the conjuncts of the head ("inbound and outbound operations and carrier
 * relationships" → three). The whole text comes first, at full weight.
 */
export function facets(text: string): { text: string; weight: number }[] {
	const clean = text.replace(/\s+/g, ' ').trim();
	const out: { text: string; weight: number }[] = [{ text: clean, weight: 1 }];
	const add = (t: string, weight: number) => {
		const v = t.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
		if (v && !out.some((o) => o.text.toLowerCase() === v.toLowerCase()))
			out.push({ text: v, weight });
	};
	const cut = EXAMPLES.exec(clean);
	const head = cut ? clean.slice(0, cut.index) : clean;
	const tail = cut ? clean.slice(cut.index + cut[0].length) : '';
	if (cut) add(head, 0.95);
	for (const example of tail.split(/\s*(?:,|;|\)|\(|\bor\b|\band\b|\/)\s*/i))
		if (example.split(' ').length <= 6) add(example, 0.85);
	const conjuncts = head.split(/\s*(?:,|;|\band\b|\bor\b|\bas well as\b)\s*/i).filter(Boolean);
	if (conjuncts.length > 1) for (const c of conjuncts) add(c, 0.85);
	return out;
}

/**
 * Whether a text reads as English: among its first 300 words, English function words ("the",
 * "and", "with", …) are common in any English prose and rare in other languages.
 */
export function looksEnglish(text: string): boolean {
	const all = words(text).slice(0, 300);
	if (all.length < 20) return true;
	const common = all.filter((w) => STOPWORDS.has(w)).length;
	return common / all.length >= 0.12;
}

/**
 * Acronyms and their long forms as the texts themselves spell them: "WMS" in one claim and
 * "warehouse management system" in another (or in the posting) are the same thing, as are "RN"
 * and "Registered Nurse". An all-capitals word of 2–6 letters (a plural "s" allowed) is paired
 * with any run of words whose initials spell it.
 */
export function acronyms(texts: string[]): Map<string, string> {
	const found = new Set<string>();
	for (const t of texts)
		for (const m of t.matchAll(/(?<![\p{L}\p{N}])([A-Z]{2,6})s?(?![\p{L}\p{N}])/gu))
			found.add(m[1]!.toLowerCase());
	const out = new Map<string, string>();
	if (!found.size) return out;
	for (const t of texts) {
		const ws = words(t);
		for (const acronym of found) {
			if (out.has(acronym)) continue;
			const n = acronym.length;
			for (let i = 0; i + n <= ws.length; i++) {
				const run = ws.slice(i, i + n);
				const spells = run.every(
					(w, k) => w[0] === acronym[k] && w.length > 2 && w !== acronym && !STOPWORDS.has(w)
				);
				// Two letters spell too many word pairs ("bulky items" for BI): such a long form counts
				// only where the text defines it, "business intelligence (BI)".
				if (spells && (n > 2 || ws[i + n] === acronym)) {
					out.set(acronym, run.join(' '));
					break;
				}
			}
		}
	}
	return out;
}

/** A text with each acronym's long form, and each long form's acronym, added after it. */
export function withAcronyms(text: string, dictionary: Map<string, string>): string {
	if (!dictionary.size) return text;
	const lower = ` ${words(text).join(' ')} `;
	const extra: string[] = [];
	for (const [acronym, long] of dictionary) {
		if (lower.includes(` ${acronym} `) || lower.includes(` ${acronym}s `)) extra.push(long);
		else if (lower.includes(` ${long} `)) extra.push(acronym);
	}
	return extra.length ? `${text} (${extra.join('; ')})` : text;
}
