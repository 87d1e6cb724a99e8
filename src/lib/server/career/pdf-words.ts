import { isEnglishWord } from '../engines/wordnet';
import { glyphOnly, type TextPiece } from './pdf-lines';

/** Words across line ends: how wide the next one is, and a word broken with a hyphen mended. */

/** Endings that are never a word of their own: "manage-" + "ment" is one word broken in two. */
const SUFFIX =
	/^(ment|ments|tion|tions|sion|sions|ing|ings|ity|ities|ness|ance|ances|ence|ences|ively|able|ible|ally|ed|ers|ies|ial|ical|ous|ular|ures|ists|ism|ise|ize|ised|ized|ising|izing|ation|ations|ative|atory|ology|ologist|ery|ory|ants|ents|ages|ful|less|ship|hood|ward|wards|ics|ian|ians|ated|ates|ating)\b/;
/** Width of the first word of a line, estimated from its first piece. */
export function firstWordWidth(line: { pieces: TextPiece[] }): number {
	const piece = line.pieces.find((p) => !glyphOnly(p)) ?? line.pieces[0]!;
	const word = piece.text.trim().split(/\s+/)[0] ?? '';
	return (piece.width / Math.max(1, piece.text.length)) * word.length;
}

/** A word and the forms of it WordNet does not list: "stakeholders" → "stakeholder". */
const lemmas = (word: string) => [
	word,
	word.replace(/ies$/, 'y'),
	word.replace(/e?s$/, ''),
	word.replace(/ed$/, ''),
	word.replace(/ed$/, 'e'),
	word.replace(/ing$/, ''),
	word.replace(/ing$/, 'e')
];

/**
 * A word broken with a hyphen at a line end is mended when the two halves make a word
 * ("adminis-" + "tration", "manage-" + "ment"); a compound keeps its hyphen ("cross-" +
 * "functional" stays "cross-functional").
 */
function mendsWord(left: string, right: string): boolean {
	if (SUFFIX.test(right)) return true;
	const head = /(\p{L}+)$/u.exec(left)?.[1] ?? '';
	const tail = /^(\p{L}+)/u.exec(right)?.[1] ?? '';
	if (!head || !tail) return false;
	const joined = lemmas(`${head}${tail}`.toLowerCase());
	if (!joined.some(isEnglishWord)) return false;
	// Both halves words of their own and the whole one too ("work-" + "flow"): either reading is
	// fine, and the hyphen the person typed is the safer guess.
	return !(isEnglishWord(head.toLowerCase()) && lemmas(tail.toLowerCase()).some(isEnglishWord));
}

/** Joins `next` to `text`, mending a word broken with a hyphen at the line end. */
export function joinWrapped(text: string, next: string): string {
	if (/\u00ad$/.test(text)) return text.slice(0, -1) + next;
	if (/[\p{L}\d][-‐]$/u.test(text) && /^\p{L}/u.test(next)) {
		// "Adebayo-" + "Lindqvist": a compound name; "adminis-" + "tration": a word broken in two.
		const left = text.slice(0, -1);
		return /^\p{Ll}/u.test(next) && mendsWord(left, next) ? left + next : text + next;
	}
	// An address broken where it ran out of room ("…@example.co" + "m", "linkedin.com/in/" +
	// "ada"): one token again.
	if (
		/(?:^|\s)(?:\S*@\S+|\S+\.\S*\/\S*|https?:\S+|www\.\S+)$/.test(text) &&
		/^[\w./@-]+(?:\s|$)/.test(next)
	)
		return text + next;
	return `${text} ${next}`;
}
