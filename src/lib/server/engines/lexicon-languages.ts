import * as linguist from 'linguist-languages';
import type { LexiconGroup } from './lexicon-data';
import { isEnglishWord } from './wordnet';

/**
 * Programming languages from GitHub Linguist's list (the `linguist-languages` package), beyond
 * the ones the lexicon describes itself: each language's name and aliases, matched with their
 * own capitals. A name that is also an English word (WordNet: "Crystal", "Pony", "Fluent") is
 * left out: in a posting it is far more often the word.
 */
export function linguistLanguages(known: Set<string>): LexiconGroup {
	const entries: string[] = [];
	for (const language of Object.values(linguist) as {
		name: string;
		type: string;
		aliases?: string[];
	}[]) {
		if (language.type !== 'programming' || known.has(language.name.toLowerCase())) continue;
		const names = [language.name, ...(language.aliases ?? [])].filter(
			(n) =>
				// A one- or two-letter name ("J", "xs") is too short to tell from a word.
				n.length >= 3 &&
				/\p{L}/u.test(n) &&
				!n.includes('|') &&
				!n.includes('>') &&
				!known.has(n.toLowerCase()) &&
				!isEnglishWord(n)
		);
		if (names[0] !== language.name) continue;
		entries.push(names.map((n) => `=${n}`).join('|'));
	}
	return { category: 'language', kind: 'tool', entries };
}
