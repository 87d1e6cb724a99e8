import {
	CONTEXT_WORDS,
	FOLLOWER_REJECTS,
	LEXICON_GROUPS,
	PRECEDER_REJECTS,
	SENTENCE_START_AMBIGUOUS,
	SENTENCE_START_FOLLOWERS,
	type SkillKind
} from './lexicon-data';
import { linguistLanguages } from './lexicon-languages';

/**
 * Skill lexicon: canonical names with aliases (k8s → Kubernetes, Postgres → PostgreSQL) and a
 * matcher that finds them in free text at word boundaries. See `lexicon-data.ts` for the format.
 */

export type { SkillKind };

export type SkillInfo = {
	name: string;
	kind: SkillKind;
	category: string;
	implies: string[];
};

export type SkillMention = { skill: string; start: number; end: number; text: string };

type Alias = {
	surface: string;
	entry: SkillInfo;
	caseSensitive: boolean;
	needsContext: boolean;
	probe: string;
	re: RegExp;
};

const LETTER = /\p{L}/u;
const CONSONANT_Y = /[^aeiou]y$/i;

function aliasPattern(surface: string, plural: boolean): string {
	let body = '';
	for (const ch of surface) {
		if (ch === ' ') body += '[\\s-]+';
		else if (ch === '-') body += '[\\s-]?';
		else body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	if (plural && LETTER.test(surface.at(-1) ?? '')) {
		if (CONSONANT_Y.test(surface)) body = body.slice(0, -1) + '(?:y|ies)';
		// A plural name matches its singular too: "warehouse management systems" → "… system".
		else if (/[^su]s$/i.test(surface) && !/\bis$/i.test(surface)) body += '?';
		else if (/(s|x|ch|sh)$/i.test(surface)) body += '(?:es)?';
		else body += 's?';
	}
	// A neighbour that is a letter, digit or joiner means we are inside a longer token:
	// "js" in "Node.js", "C" in "C++", "Java" in "JavaScript", "R" in "R&D".
	// "MQL-to-SQL" names funnel stages, not the SQL language.
	return `(?<![\\p{L}\\p{N}_.@#+&])(?<!-to-)${body}(?![\\p{L}\\p{N}_+#&])(?!\\.[\\p{L}\\p{N}])(?!-to-)`;
}

/** Every name and alias the hand-written groups hold, lowercase. */
function knownNames(): Set<string> {
	const known = new Set<string>();
	for (const group of LEXICON_GROUPS)
		for (const line of group.entries)
			for (const token of (line.split('>')[0] ?? '').split('|'))
				known.add(token.replace(/^[=~]/, '').replace(/\$$/, '').toLowerCase());
	return known;
}

function parseEntries(): { skills: Map<string, SkillInfo>; aliases: Alias[] } {
	const skills = new Map<string, SkillInfo>();
	const aliases: Alias[] = [];
	for (const group of [...LEXICON_GROUPS, linguistLanguages(knownNames())]) {
		for (const line of group.entries) {
			const [names = '', implied = ''] = line.split('>');
			const tokens = names.split('|').filter(Boolean);
			const name = (tokens[0] ?? '').replace(/^[=~]/, '').replace(/\$$/, '');
			const entry: SkillInfo = {
				name,
				kind: group.kind,
				category: group.category,
				implies: implied ? implied.split(',').map((s) => s.trim()) : []
			};
			skills.set(name, entry);
			for (const token of tokens) {
				const caseSensitive = token.startsWith('=') || token.startsWith('~');
				const singular = token.endsWith('$');
				const surface = token.replace(/^[=~]/, '').replace(/\$$/, '');
				const words = surface.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [surface.toLowerCase()];
				aliases.push({
					surface,
					entry,
					caseSensitive,
					needsContext: token.startsWith('~'),
					probe: words.reduce((a, b) => (b.length > a.length ? b : a), ''),
					re: new RegExp(
						aliasPattern(surface, !caseSensitive && !singular),
						caseSensitive ? 'gu' : 'giu'
					)
				});
			}
		}
	}
	return { skills, aliases };
}

let parsed: ReturnType<typeof parseEntries> | undefined;
/**
 * The parsed lexicon, built on first use: Linguist's languages are checked against WordNet, which
 * loads WordNet, so a process that never matches a skill never pays for it.
 */
const lexicon = () => (parsed ??= parseEntries());
const CONTEXT = new Set(CONTEXT_WORDS);

function wordBefore(text: string, index: number): string {
	const m = /([\p{L}\p{N}']+)[\s-]*$/u.exec(text.slice(Math.max(0, index - 40), index));
	return m?.[1]?.toLowerCase() ?? '';
}

function wordAfter(text: string, index: number): string {
	const m = /^[\s-]*([\p{L}\p{N}']+)/u.exec(text.slice(index, index + 40));
	return m?.[1]?.toLowerCase() ?? '';
}

function rejected(alias: Alias, text: string, start: number, end: number): boolean {
	if (!alias.caseSensitive) return false;
	const followers = FOLLOWER_REJECTS[alias.surface];
	if (followers?.includes(wordAfter(text, end))) return true;
	const preceders = PRECEDER_REJECTS[alias.surface];
	if (preceders?.includes(wordBefore(text, start))) return true;
	if (
		SENTENCE_START_AMBIGUOUS.has(alias.surface) &&
		/(^|[.!?:;(\n"“]\s*)$/.test(text.slice(0, start))
	) {
		const rest = text.slice(end);
		if (/^\s*($|[,;:/)&+!?.])/.test(rest)) return false;
		return (
			!SENTENCE_START_FOLLOWERS.has(wordAfter(text, end)) && !CONTEXT.has(wordAfter(text, end))
		);
	}
	return false;
}

const gap = (a: SkillMention, b: SkillMention) => Math.max(a.start - b.end, b.start - a.end);

/**
 * A short abbreviation counts when the text is just that word, a context word stands next to
 * it, another skill is close by, or another abbreviation sits right beside it ("TS/JS").
 */
function hasContext(
	text: string,
	m: SkillMention,
	accepted: SkillMention[],
	contextual: SkillMention[]
): boolean {
	if (text.trim() === m.text) return true;
	if (CONTEXT.has(wordBefore(text, m.start)) || CONTEXT.has(wordAfter(text, m.end))) return true;
	if (accepted.some((o) => gap(o, m) <= 30)) return true;
	return contextual.some((o) => o.skill !== m.skill && !overlaps(o, m) && gap(o, m) <= 6);
}

const overlaps = (a: SkillMention, b: SkillMention) => a.start < b.end && b.start < a.end;

const memo = new Map<string, SkillMention[]>();
const MEMO_SIZE = 5_000;

/** Every skill mention in `text`, longest match first where mentions overlap, in text order. */
export function findSkillMentions(text: string): SkillMention[] {
	if (!text) return [];
	const cached = memo.get(text);
	if (cached) return cached;
	const found = scan(text);
	// The same claim texts are matched again and again while one profile is built.
	if (text.length <= 20_000) {
		if (memo.size >= MEMO_SIZE) memo.clear();
		memo.set(text, found);
	}
	return found;
}

function scan(text: string): SkillMention[] {
	const lower = text.toLowerCase();
	const plain: SkillMention[] = [];
	const contextual: SkillMention[] = [];
	for (const alias of lexicon().aliases) {
		if (alias.probe && !lower.includes(alias.probe)) continue;
		alias.re.lastIndex = 0;
		for (const match of text.matchAll(alias.re)) {
			const start = match.index;
			const end = start + match[0].length;
			if (rejected(alias, text, start, end)) continue;
			const mention = { skill: alias.entry.name, start, end, text: match[0] };
			(alias.needsContext ? contextual : plain).push(mention);
		}
	}
	const byLength = (a: SkillMention, b: SkillMention) =>
		b.end - b.start - (a.end - a.start) || a.start - b.start;
	const accepted: SkillMention[] = [];
	for (const m of plain.sort(byLength)) {
		if (!accepted.some((o) => overlaps(o, m))) accepted.push(m);
	}
	const base = [...accepted];
	for (const m of contextual.sort(byLength)) {
		if (!accepted.some((o) => overlaps(o, m)) && hasContext(text, m, base, contextual)) {
			accepted.push(m);
		}
	}
	return accepted.sort((a, b) => a.start - b.start);
}

/** Canonical names of the skills `text` mentions, in order of first mention. */
export function findSkills(text: string): string[] {
	return [...new Set(findSkillMentions(text).map((m) => m.skill))];
}

export function skillInfo(name: string): SkillInfo | undefined {
	return lexicon().skills.get(name);
}

export function isTool(name: string): boolean {
	return lexicon().skills.get(name)?.kind === 'tool';
}

/** The skills implied by `names` (transitively), not including `names` themselves. */
export function impliedSkills(names: Iterable<string>): string[] {
	const seen = new Set(names);
	const out: string[] = [];
	const queue = [...seen];
	while (queue.length > 0) {
		const name = queue.shift() as string;
		for (const implied of lexicon().skills.get(name)?.implies ?? []) {
			if (seen.has(implied)) continue;
			seen.add(implied);
			out.push(implied);
			queue.push(implied);
		}
	}
	return out;
}

/** `names` plus everything they imply. */
export function expandSkills(names: Iterable<string>): string[] {
	const list = [...names];
	return [...new Set([...list, ...impliedSkills(list)])];
}

/** The canonical name when `term` is exactly one skill (e.g. a skill keyword), else undefined. */
export function canonicalSkill(term: string): string | undefined {
	const mentions = findSkillMentions(term.trim());
	const only = mentions[0];
	return mentions.length === 1 && only && only.end - only.start === term.trim().length
		? only.skill
		: undefined;
}

export function lexiconSize(): number {
	return lexicon().skills.size;
}
