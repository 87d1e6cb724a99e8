import type { CareerItem, Claim } from '../../../schemas/career';
import type { Requirement } from '../../../schemas/profile';
import { activitySkills } from '../activities';
import { findSkillMentions, findSkills, impliedSkills, isTool, skillInfo } from '../lexicon';
import {
	acronyms,
	adjacentPairs,
	alternatives,
	docTerms,
	facets,
	QUERY_STOPWORDS,
	queryTerms,
	stem,
	wholeWord,
	withAcronyms
} from '../text';
import { Bm25, type Related } from './bm25';
import { lemmas, startsWithVerb, tagged } from '../nlp';
import { isPlaceNoun, relatedWords } from '../wordnet';
import { degreeLevels, yearsAsked, yearsOfWork, yearsStated } from './experience';

/**
 * Ranks the person's claims against each requirement. A claim's score (0..1) blends
 * - skill overlap through the lexicon (synonyms and implied skills count, implied ones less),
 * - BM25 over claim texts with light stemming, normalised to the share of the query covered,
 *   taking the best alternative of "X, Y or Z" lists,
 * - a small boost when the claim's job title or project name matches,
 * weighted by what kind of claim it is (a concrete highlight says more than a skill list entry).
 * Requirement types get their own rules: "N+ years" is checked against the profile summary and
 * the work dates, degree requirements against education, and a requirement that names tools
 * none of which appear in the record is a gap however many generic words match.
 */

export type ScoredEvidence = {
	claimId: string;
	sourcePath: string | null;
	text: string;
	score: number;
};

export type RankedRequirement = {
	requirement: Requirement;
	/** Claims cited as evidence, best first; empty means a gap. */
	evidence: ScoredEvidence[];
	/** Other claims that clear a lower bar, for the utilisation check. */
	related: ScoredEvidence[];
	strength: number;
	basis: 'skills' | 'text' | 'years' | 'degree' | 'none';
};

export type Ranking = { requirements: RankedRequirement[] };

export type RankOptions = { now?: Date | string };

/** Below this a claim is not cited: precision matters more than a long list. */
export const CITE_MIN = 0.4;
const CITE_RELATIVE = 0.6;
const RELATED_MIN = 0.35;
const MAX_EVIDENCE = 5;
/** Of which skill-list entries, at most. */
const MAX_ENTRIES = 3;
/** Share of a years requirement's topic ("as a frontend engineer") the person's headline must cover. */
const TOPIC_MIN = 0.4;

const KIND_PRIOR: Record<string, number> = {
	highlight: 1,
	project: 0.9,
	certificate: 0.95,
	award: 0.9,
	publication: 0.9,
	// A degree shows study of a field, not practice in it (degree requirements have their own rule).
	degree: 0.7,
	summary: 0.85,
	skill: 0.85,
	language: 0.8,
	other: 0.8,
	course: 0.6
};
/** The profile summary is the person's own description, not an achievement. */
const PROFILE_SUMMARY_PRIOR = 0.6;

type Prepared = {
	claim: Claim;
	index: number;
	item: CareerItem | undefined;
	inText: Set<string>;
	direct: Set<string>;
	implied: Set<string>;
	/** Skills named by the claim's job title ("Product Designer"): weak evidence for all its claims. */
	fromContext: Set<string>;
	context: string;
	isProfileSummary: boolean;
};

function prepare(claims: Claim[], items: CareerItem[]): Prepared[] {
	const byId = new Map(items.map((i) => [i.id, i]));
	return claims.map((claim, index) => {
		const item = claim.itemId ? byId.get(claim.itemId) : undefined;
		const inText = new Set(findSkills(claim.text));
		// What the claim does ("trained 25 technicians"), as well as what it names.
		const direct = new Set([...inText, ...claim.skills, ...activitySkills(claim.text)]);
		const data = item?.data ?? {};
		const context = [data.position, data.name, data.organization, data.roles]
			.flat()
			.filter((v): v is string => typeof v === 'string')
			.join(' ');
		return {
			claim,
			index,
			item,
			inText,
			direct,
			implied: new Set(impliedSkills(direct)),
			fromContext: new Set(
				claim.kind === 'skill' || claim.kind === 'degree'
					? []
					: findSkills(String(data.position ?? ''))
			),
			context: claim.kind === 'skill' || claim.kind === 'degree' ? '' : context,
			isProfileSummary: item?.section === 'basics'
		};
	});
}

function skillMatch(skill: string, p: Prepared): number {
	if (p.inText.has(skill)) return 1;
	if (p.direct.has(skill)) return 0.8;
	if (p.implied.has(skill)) return 0.8;
	return p.fromContext.has(skill) ? 0.7 : 0;
}

function skillScore(skills: string[], p: Prepared): number {
	const matches = skills.map((s) => skillMatch(s, p)).sort((a, b) => b - a);
	const best = matches[0] ?? 0;
	const rest = matches.slice(1).reduce((a, m) => a + m, 0);
	return Math.min(1, best + 0.15 * rest);
}

type Query = {
	terms: string[];
	pairs: string[];
	weight: number;
	/** The terms the text uses as verbs ("writing", "build"). */
	verbs: Set<string>;
};

const QUERY_CACHE = new Map<string, Query[]>();
const QUERY_CACHE_MAX = 5_000;

/** The query variants of a text, computed once: every claim is scored against the same ones. */
function queries(text: string): Query[] {
	let hit = QUERY_CACHE.get(text);
	if (!hit) {
		if (QUERY_CACHE.size >= QUERY_CACHE_MAX) QUERY_CACHE.clear();
		hit = variants(text);
		QUERY_CACHE.set(text, hit);
	}
	return hit;
}

/**
 * Query variants: the whole text; for "X, Y or Z" lists, each alternative on its own; and the
 * requirement's facets (its head, its examples, the conjuncts of "A and B"), each of which a
 * claim may meet on its own.
 */
function variants(text: string): Query[] {
	const query = (t: string, weight: number) => ({
		terms: queryTerms(t),
		pairs: adjacentPairs(t, QUERY_STOPWORDS),
		weight,
		verbs: verbStems(t)
	});
	const out = [query(text, 1)];
	for (const alternative of alternatives(text) ?? []) {
		const q = query(alternative, 0.9);
		if (q.terms.length > 0) out.push(q);
	}
	for (const f of facets(text).slice(1)) {
		const q = query(f.text, f.weight * FACET_WEIGHT);
		// One generic word ("designed") is no facet; one named skill ("SEO") is.
		if (q.terms.length > 1 || (q.terms.length === 1 && findSkills(f.text).length > 0)) out.push(q);
	}
	return out;
}
/** A requirement for a credential: a certification, licence or registration. */
const CREDENTIAL = /\b(certification|certificate|certified|licen[cs]e|licensure|registration)\b/i;

/** A skill entry the requirement names in full is cited with this score. */
const OWN_FULL = 0.99;
const OWN_SCORE = 0.75;
/** A claim that shares only a requirement's verbs meets this much of what it shares. */
const VERB_ONLY = 0.5;
/** A facet met alone says less than the whole requirement met. */
const FACET_WEIGHT = 0.9;
/** A duty speaks for a requirement when it shares this share of the requirement's words. */
const DUTY_OVERLAP = 0.4;
/** Meeting a related duty says less than meeting the requirement itself. */
const DUTY_WEIGHT = 0.85;

class Scorer {
	private readonly bm25: Bm25;
	constructor(
		readonly prepared: Prepared[],
		/** Acronyms of the record and the posting with their long forms ("WMS"). */
		readonly abbreviations: Map<string, string> = new Map()
	) {
		this.bm25 = new Bm25(prepared.map((p) => withAcronyms(p.claim.text, abbreviations)));
	}

	private recordText?: string;

	/**
	 * True when the requirement names two or more products or bodies ("Customer.io or Braze",
	 * "Amplitude or Mixpanel") and the record mentions none of them, whether or not the lexicon
	 * knows them: the person has not shown the tools the requirement is about.
	 */
	lacksAllNamed(text: string): boolean {
		const names = productNames(text);
		if (names.length < 2) return false;
		this.recordText ??= this.prepared
			.map((p) => `${p.claim.text}\n${p.context}`)
			.join('\n')
			.toLowerCase();
		const record = this.recordText;
		return !names.some((n) => wholeWord(n).test(record));
	}

	/** The posting's requirements, so that words most of them share weigh less in each. */
	setQueries(texts: string[]): void {
		this.bm25.setQueries(texts.map((t) => queryTerms(withAcronyms(t, this.abbreviations))));
	}

	private readonly relatedCache = new Map<string, Related>();

	/** Each query term's related words (WordNet), for a requirement text. */
	related(text: string): Related {
		let r = this.relatedCache.get(text);
		if (!r) {
			r = new Map();
			for (const lemma of lemmas(text)) {
				if (QUERY_STOPWORDS.has(lemma) || lemma.length < 3) continue;
				const key = stem(lemma);
				const set = r.get(key) ?? new Set<string>();
				for (const w of relatedWords(lemma)) if (stem(w) !== key) set.add(stem(w));
				if (set.size) r.set(key, set);
			}
			this.relatedCache.set(text, r);
		}
		return r;
	}

	/** BM25 share of the query, tempered by how many of its word pairs appear as pairs. */
	private terms(q: Query, i: number, related?: Related): number {
		const unigram = this.bm25.normalized(q.terms, i, related);
		const phrase = this.bm25.phraseCoverage(q.pairs, i);
		const score = phrase === null ? unigram : unigram * (0.6 + 0.4 * phrase);
		// Sharing only the activity ("wrote" for "writing build specifications") is not sharing
		// what it is done to: the object says what the requirement is about.
		const held = q.terms.filter((t) => this.bm25.holds(t, i, related));
		return held.length > 0 && held.every((t) => q.verbs.has(t)) ? VERB_ONLY * score : score;
	}

	/**
	 * How much of a requirement's topic a free text (the person's headline) covers; a word related
	 * to the topic's ("analyst" for "analytics") covers it.
	 */
	topicCoverage(text: string, about: string): number {
		const variants = queries(text);
		const related = this.related(text);
		return Math.max(...variants.map((q) => q.weight * this.bm25.coverage(q.terms, about, related)));
	}

	/** `alternatives`: also try each alternative of an "X, Y or Z" list on its own. */
	textScore(text: string, p: Prepared, alternatives = true): number {
		const variants = alternatives ? queries(text) : queries(text).slice(0, 1);
		const related = this.related(text);
		const body = Math.max(...variants.map((q) => q.weight * this.terms(q, p.index, related)));
		const whole = variants[0]?.terms ?? [];
		const context = p.context ? 0.3 * this.bm25.coverage(whole, p.context) : 0;
		return Math.min(1, body + context);
	}

	/**
	 * How much of a short entry (a skill-list keyword, a certificate's name) the requirement
	 * itself names: "Google Ads" is fully named by "paid channels (Google Ads, Meta)". Such an
	 * entry is evidence on its own match, whatever the lexicon knows of it.
	 */
	private readonly wantedCache = new Map<string, Set<string>>();

	ownMatch(text: string, p: Prepared): number {
		if (p.claim.kind !== 'skill') return 0;
		const own = [...new Set(docTerms(p.claim.text))];
		if (own.length === 0 || own.length > 4) return 0;
		let wanted = this.wantedCache.get(text);
		if (!wanted) {
			const full = withAcronyms(text, this.abbreviations);
			wanted = new Set(queryTerms(full).concat(docTerms(full)));
			this.wantedCache.set(text, wanted);
		}
		const weight = (t: string) => this.bm25.weight(t);
		const total = own.reduce((a, t) => a + weight(t), 0);
		const hit = own.filter((t) => wanted.has(t)).reduce((a, t) => a + weight(t), 0);
		return total > 0 ? hit / total : 0;
	}

	/**
	 * The posting's duties that speak of the same thing as a requirement ("Manage carrier
	 * relationships, cutoffs and claims" for "managing carrier relationships"): those holding at
	 * least two of its words, or a word related to them, and a good share of them.
	 */
	dutiesFor(text: string, duties: string[]): string[] {
		const wanted = queryTerms(text);
		if (wanted.length === 0) return [];
		const related = this.related(text);
		return duties.filter((duty) => {
			const have = new Set(queryTerms(duty));
			const shared = wanted.filter(
				(t) => have.has(t) || [...(related.get(t) ?? [])].some((r) => have.has(r))
			).length;
			return shared >= 2 && shared / Math.min(wanted.length, have.size) >= DUTY_OVERLAP;
		});
	}

	private readonly shown = new Map<string, boolean>();

	/**
	 * Whether any claim shows one of the skills or a skill of the same kind ("trained four new
	 * hires" shows teaching, as coaching does).
	 */
	shows(skills: string[]): boolean {
		const key = skills.join('|');
		let hit = this.shown.get(key);
		if (hit === undefined) {
			const wanted = new Set([...skills, ...impliedSkills(skills)]);
			hit = this.prepared.some((p) =>
				[...p.direct, ...p.implied, ...p.fromContext].some((s) => wanted.has(s))
			);
			this.shown.set(key, hit);
		}
		return hit;
	}

	/** `field`: the requirement asks for years in a field, which work shows without naming it. */
	score(text: string, skills: string[], p: Prepared, duties: string[] = [], field = false): number {
		const k = skills.length > 0 ? skillScore(skills, p) : 0;
		let s: number;
		if (k > 0) {
			// The skill score already takes the best of alternatives; the text adds context fit.
			s = 0.6 * k + 0.4 * this.textScore(text, p, false);
		} else {
			// Without a shared skill the words must carry it; a requirement that names tools the
			// claim does not mention, or skills the whole record never shows ("usage-based
			// pricing" for a record without pricing), is only partly met by word overlap.
			const t = this.textScore(text, p);
			const unshown = !field && skills.length > 0 && !this.shows(skills);
			s = skills.some(isTool) || unshown ? 0.75 * t : t;
		}
		// A claim that does what a related duty describes meets the requirement, a little less
		// surely than one that meets its own words.
		for (const duty of duties) s = Math.max(s, DUTY_WEIGHT * this.textScore(duty, p));
		const prior = p.isProfileSummary ? PROFILE_SUMMARY_PRIOR : (KIND_PRIOR[p.claim.kind] ?? 0.8);
		const own = this.ownMatch(text, p);
		return Math.max(s * prior, own >= OWN_FULL ? OWN_SCORE : 0);
	}
}

/**
 * Names of products, vendors or bodies a requirement mentions: runs of capitalised words after
 * its first word, written in mixed case ("Braze", "Customer.io", "Monte Carlo", "Power BI"). An
 * acronym alone ("RN", "TMS") is more often a field or a credential than a product.
 */
export function productNames(text: string): string[] {
	const word = /[A-Z][\p{L}\p{N}]*(?:[.+#-][\p{L}\p{N}]+)*[+#]*/uy;
	const names: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.some((w) => /\p{Ll}/u.test(w))) names.push(run.join(' '));
		run = [];
	};
	const tokens = text.split(/(\s+|[,;:()/])/).filter((t) => t.trim());
	tokens.forEach((t, i) => {
		word.lastIndex = 0;
		const m = word.exec(t);
		if (i > 0 && m && m[0].length === t.length) run.push(t);
		else flush();
	});
	flush();
	return [...new Set(names)];
}

/**
 * The credentials a requirement names: its acronyms ("RN", "PCCN", "RN-BC") and the products or
 * bodies it names ("Six Sigma", "American Heart Association").
 */
export function credentialNames(text: string): string[] {
	const acronyms =
		text.match(/(?<![\p{L}\p{N}-])\p{Lu}{2,}(?:-\p{Lu}{2,})*(?![\p{L}\p{N}-])/gu) ?? [];
	return [...new Set([...acronyms, ...productNames(text)])];
}

/**
 * True when the requirement names the skill only as part of something narrower, which a claim
 * showing the skill in general does not meet:
 * - an industry that qualifies a practice ("freight procurement", "healthcare billing"), where
 *   "experience in logistics" or "a logistics company" asks for the background itself;
 * - an ability qualified by its subject ("safety leadership", "vendor communication"), where
 *   "strong leadership" asks for the ability itself.
 */
function onlyQualifies(skill: string, text: string): boolean {
	const category = skillInfo(skill)?.category;
	if (category !== 'domain' && category !== 'soft') return false;
	const mentions = findSkillMentions(text).filter((m) => m.skill === skill);
	const word = (t: { type: string }) => t.type === 'word' || t.type === 'punctuation';
	return (
		mentions.length > 0 &&
		mentions.every((m) => {
			if (category === 'soft') {
				const before = tagged(text.slice(0, m.start)).filter(word).at(-1);
				return (
					before?.type === 'word' && before.pos === 'NOUN' && !QUERY_STOPWORDS.has(before.lemma)
				);
			}
			const next = tagged(text.slice(m.end)).find(word);
			if (!next || next.type !== 'word' || next.pos !== 'NOUN') return false;
			const noun = next.lemma;
			return !QUERY_STOPWORDS.has(noun) && !isPlaceNoun(noun) && !SETTING.test(noun);
		})
	);
}
/**
 * True when a requirement that asks for an activity ("Writing build specifications for EHR
 * changes") names the skill only in what the activity is for: the activity is the ask, and a
 * claim about the skill alone ("EHR super-user") does not meet it.
 */
function onlyPurpose(skill: string, text: string): boolean {
	// A named tool is asked for wherever it stands ("… for services with Terraform").
	if (isTool(skill)) return false;
	// "Experience writing …", "Ability to write …": the boilerplate before the activity goes.
	const words = text.trim().split(/\s+/);
	while (words.length > 1 && QUERY_STOPWORDS.has((words[0] ?? '').toLowerCase())) words.shift();
	if (!startsWithVerb(words.join(' '))) return false;
	const purpose = /\s(?:for|so that|to support)\s/i.exec(text);
	if (!purpose) return false;
	const mentions = findSkillMentions(text).filter((m) => m.skill === skill);
	return mentions.length > 0 && mentions.every((m) => m.start > purpose.index);
}

/** Nouns that name the setting of a background, not a practice within it. */
const SETTING = /^(industry|sector|space|domain|environment|setting|market|business)$/;

/**
 * True when one alternative of "X or Y" asks for a practice without naming a tool ("SQL or
 * building your own reports in a BI tool"): the requirement can be met without the tools. A
 * stand-in ("or a similar tool", "or another engine") is not such an alternative.
 */
function hasToolFreeAlternative(text: string): boolean {
	return (alternatives(text) ?? []).slice(1).some((alt) => {
		const item = alt.split(/\bor\b/i).at(-1) ?? alt;
		if (/^\s*(?:an?\s+)?(?:similar|other|another|equivalent|comparable|related)\b/i.test(item))
			return false;
		return queryTerms(item).length >= 2 && !findSkills(item).some(isTool);
	});
}

/** Stems of the words a text uses as verbs, gerunds included ("writing requirements"). */
function verbStems(text: string): Set<string> {
	return new Set(
		tagged(text)
			.filter(
				(t) => t.type === 'word' && (t.pos === 'VERB' || /ing$/i.test(t.text)) && t.pos !== 'NOUN'
			)
			.map((t) => stem(t.lemma))
	);
}

/** Who the person says they are: profile summary, headline and job titles. */
function profileText(items: CareerItem[], summary: Prepared | undefined): string {
	const basics = items.find((i) => i.section === 'basics')?.data ?? {};
	const titles = items.filter((i) => i.section === 'work').map((i) => i.data.position);
	return [summary?.claim.text, basics.label, ...titles]
		.filter((v): v is string => typeof v === 'string')
		.join('\n');
}

const toEvidence = (p: Prepared, score: number): ScoredEvidence => ({
	claimId: p.claim.id,
	sourcePath: p.claim.sourcePath,
	text: p.claim.text,
	score: Math.round(score * 1000) / 1000
});

type Candidate = { p: Prepared; score: number; own?: boolean };

/** Picks the claims to cite from scored candidates (see the module comment for the policy). */
function select(
	scored: Candidate[],
	skills: string[]
): { cited: Candidate[]; related: Candidate[] } {
	const sorted = scored
		.filter((c) => c.score > 0)
		.sort((a, b) => b.score - a.score || a.p.index - b.p.index);
	const best = sorted[0]?.score ?? 0;
	const eligible = sorted.filter((c) => c.score >= CITE_MIN && c.score >= best * CITE_RELATIVE);
	const others = eligible.filter((c) => !c.p.isProfileSummary);
	// Places are kept for the skill-list entries that name the requested skills, or a kind of
	// them ("pandas" for Python): the one naming the requirement's first skill first ("Svelte or
	// SvelteKit" → "Svelte"), then others, but not one of the same family as an entry already
	// kept ("SvelteKit" after "Svelte" adds little).
	const first = skills[0];
	const listed = eligible
		.filter((c) => c.p.claim.kind === 'skill' && skills.some((s) => skillMatch(s, c.p) >= 0.8))
		.sort(
			(a, b) =>
				Number(first !== undefined && b.p.inText.has(first)) -
				Number(first !== undefined && a.p.inText.has(first))
		);
	const named = (c: { p: Prepared }) => skills.filter((s) => c.p.inText.has(s));
	const skillEntries: Candidate[] = [];
	for (const c of listed) {
		if (skillEntries.length >= MAX_ENTRIES) break;
		const family = skillEntries.some((e) => named(e).some((s) => c.p.implied.has(s)));
		if (!family) skillEntries.push(c);
	}
	const cited: Candidate[] = [];
	for (const c of eligible) {
		if (cited.length >= MAX_EVIDENCE + (c.own ? 2 : 0)) continue;
		const reserved = skillEntries.filter((e) => !cited.includes(e)).length;
		if (!skillEntries.includes(c) && cited.length >= MAX_EVIDENCE - reserved) continue;
		// The profile summary is cited only when nothing more concrete supports the requirement.
		if (c.p.isProfileSummary && others.length > 0) continue;
		// A job's summary adds nothing when one of that job's own highlights can be cited.
		if (
			c.p.claim.kind === 'summary' &&
			!c.p.isProfileSummary &&
			eligible.some((o) => o.p.item === c.p.item && o.p.claim.kind === 'highlight')
		) {
			continue;
		}
		if (c.p.claim.kind === 'skill' && !skillEntries.includes(c) && !c.own) continue;
		if (cited.some((o) => o.p.claim.text === c.p.claim.text)) continue;
		cited.push(c);
	}
	// Achievements first, then the skill-list entries that name what is asked.
	cited.sort((a, b) => Number(a.p.claim.kind === 'skill') - Number(b.p.claim.kind === 'skill'));
	const related = sorted.filter((c) => c.score >= RELATED_MIN && !cited.includes(c)).slice(0, 6);
	return { cited, related };
}

function strengthOf(cited: { score: number }[]): number {
	const best = cited[0]?.score ?? 0;
	if (best === 0) return 0;
	const value = best * (0.8 + 0.07 * Math.min(3, cited.length - 1)) + 0.1;
	return Math.round(Math.min(1, value) * 100) / 100;
}

function rankOne(
	requirement: Requirement,
	scorer: Scorer,
	items: CareerItem[],
	now: Date,
	duties: string[]
): RankedRequirement {
	const prepared = scorer.prepared;
	const skills = [
		...new Set([
			...requirement.skills,
			...findSkills(requirement.text),
			...activitySkills(requirement.text)
		])
	].filter(
		(skill) => !onlyQualifies(skill, requirement.text) && !onlyPurpose(skill, requirement.text)
	);
	const result = (
		basis: RankedRequirement['basis'],
		picked: ReturnType<typeof select>,
		strength = strengthOf(picked.cited)
	): RankedRequirement => ({
		requirement,
		evidence: picked.cited.map((c) => toEvidence(c.p, c.score)),
		related: picked.related.map((c) => toEvidence(c.p, c.score)),
		strength: picked.cited.length > 0 ? strength : 0,
		basis: picked.cited.length > 0 ? basis : 'none'
	});
	const none = { cited: [], related: [] };

	const asked = yearsAsked(requirement.text);
	const summaryClaim = prepared.find((p) => p.isProfileSummary && p.claim.kind === 'summary');
	// "6+ years in B2B marketing": the person's own statement of their years decides when it
	// covers the field the requirement names; a named practice it does not cover ("3+ years
	// building data pipelines") is shown by the achievements instead.
	const summaryCovers =
		!!asked &&
		!!summaryClaim &&
		!startsWithVerb(asked.rest.replace(/^[\s,;:-]*(?:of|in)?\s*/i, '') || 'x') &&
		(yearsStated(summaryClaim.claim.text) ?? 0) >= asked.years &&
		(scorer.topicCoverage(asked.rest, summaryClaim.claim.text) >= TOPIC_MIN ||
			// "… in an analytics role" for "Data analyst with seven years …": the same field.
			findSkills(asked.rest).some((s) => skillMatch(s, summaryClaim) >= 0.8));
	if (asked && (findSkills(asked.rest).length === 0 || summaryCovers)) {
		// "8+ years of software engineering": the record's own statement of its length, or the
		// work dates, decide; the topic words are too generic to match achievements on, but they
		// must describe the person (their summary, headline or job titles).
		const summary = prepared.find((p) => p.isProfileSummary && p.claim.kind === 'summary');
		const stated = summary ? (yearsStated(summary.claim.text) ?? 0) : 0;
		const total = yearsOfWork(items, now);
		if (Math.max(stated, total) < asked.years - 0.25) return result('years', none);
		if (scorer.topicCoverage(asked.rest, profileText(items, summary)) < TOPIC_MIN) {
			return result('years', none);
		}
		if (summary) {
			const score = stated >= asked.years ? 0.9 : 0.7;
			return result('years', { cited: [{ p: summary, score }], related: [] });
		}
		const jobs = prepared.filter((p) => p.item?.section === 'work' && p.claim.kind === 'summary');
		return result('years', {
			cited: jobs.slice(0, 2).map((p) => ({ p, score: 0.7 })),
			related: []
		});
	}

	const levels = degreeLevels(requirement.text);
	if (levels.length > 0) {
		const need = Math.min(...levels);
		// "… in Computer Science": the field must match unless a related field or practical
		// experience is accepted as well.
		const field = /\bin\s+(.+?)(?:\s+or\s+(?:a\s+)?(?:related|equivalent|similar)\b.*)?$/i.exec(
			requirement.text
		);
		// "Science" in "Computer Science" and "Master of Science" says nothing about the subject.
		const subject = field?.[1]
			?.replace(/\b(sciences?|arts?|applied|studies|degree|honou?rs)\b/gi, ' ')
			.trim();
		const lenient = /\b(related|equivalent|similar|quantitative|technical)\b/i.test(
			requirement.text
		);
		const scored = prepared
			.filter((p) => p.claim.kind === 'degree')
			// A degree whose level is not named counts as a bachelor's; an associate's does not.
			.filter((p) => {
				const named = degreeLevels(p.claim.text);
				return (named.length ? Math.max(...named) : 2) >= need;
			})
			.map((p) => ({ p, fit: subject ? scorer.topicCoverage(subject, p.claim.text) : 1 }))
			.filter((d) => d.fit > 0 || lenient)
			.map(({ p, fit }) => ({ p, score: 0.55 + 0.4 * Math.min(1, fit) }));
		// The degree asked for is shown by that degree; a higher one only stands in without it
		// (a BSN for "BSN required", not the MSN as well).
		const level = (c: { p: Prepared }) => Math.max(2, ...degreeLevels(c.p.claim.text));
		const lowest = Math.min(...scored.map(level));
		return result(
			'degree',
			select(
				scored.filter((c) => level(c) === lowest),
				skills
			)
		);
	}

	if (asked) {
		// "3+ years building pipelines": the topic decides the evidence, but the record must span
		// the years at all.
		const summary = prepared.find((p) => p.isProfileSummary && p.claim.kind === 'summary');
		const stated = summary ? (yearsStated(summary.claim.text) ?? 0) : 0;
		if (Math.max(stated, yearsOfWork(items, now)) < asked.years - 0.25) {
			return result('years', none);
		}
	}
	const text = asked ? asked.rest : requirement.text;
	const tools = skills.filter(isTool);
	let candidates = prepared;
	const lacksTools =
		tools.length > 0 &&
		!prepared.some((p) => tools.some((t) => skillMatch(t, p) > 0)) &&
		!hasToolFreeAlternative(text);
	if (lacksTools || scorer.lacksAllNamed(text)) {
		// None of the named tools is in the record: only a claim naming the same practice in
		// its own words ("service mesh") may stand in; generic word overlap may not, nor may
		// another tool of the same kind (HubSpot is not the Braze asked for).
		const concepts = skills.filter((s) => !isTool(s));
		candidates = prepared.filter((p) => concepts.some((c) => p.inText.has(c)));
		if (candidates.length === 0) return result('none', none);
	}
	const related = scorer.dutiesFor(text, duties);
	const scored = candidates.map((p) => ({
		p,
		score: scorer.score(text, skills, p, related, !!asked),
		own: scorer.ownMatch(text, p) >= OWN_FULL
	}));
	if (CREDENTIAL.test(text) && !/\b(equivalent|or experience)\b/i.test(text)) {
		// "Epic certification", "an active RN license": a credential is shown by a credential the
		// record holds; a skill or a highlight naming the same system is not one, nor is a degree
		// ("Nursing"). When the requirement names the credentials ("PCCN or CCRN", "RN-BC"), the
		// certificate must be one of them, not another of the same field.
		const names = credentialNames(text);
		const namesOne = (p: Prepared) =>
			names.some((n) => wholeWord(n).test(`${p.claim.text} ${p.context}`));
		const picked = select(
			scored.filter(
				(c) =>
					c.p.claim.kind === 'skill' ||
					(c.p.claim.kind === 'certificate' && (names.length === 0 || namesOne(c.p)))
			),
			skills
		);
		if (!picked.cited.some((c) => c.p.claim.kind === 'certificate')) return result('none', none);
		return result('text', picked);
	}
	return result(skills.length > 0 ? 'skills' : 'text', select(scored, skills));
}

/** `duties`: the posting's responsibilities, a second source for matching its requirements. */
export function rankClaims(
	requirements: Requirement[],
	claims: Claim[],
	items: CareerItem[],
	options: RankOptions = {},
	duties: string[] = []
): Ranking {
	const now = options.now ? new Date(options.now) : new Date();
	const abbreviations = acronyms([
		...claims.map((c) => c.text),
		...requirements.map((r) => r.text)
	]);
	const scorer = new Scorer(prepare(claims, items), abbreviations);
	scorer.setQueries(requirements.map((r) => r.text));
	return { requirements: requirements.map((r) => rankOne(r, scorer, items, now, duties)) };
}
