import { tagged } from './nlp';
import { isPersonNoun, nounIsA } from './wordnet';

/**
 * Skills shown by what a sentence does to what: "supervises a team of six clerks" and "managing a
 * small team" are people management, "trained 25 technicians" is training, "hired two
 * marketers" is hiring, "led the falls-prevention project" is project management, whatever
 * words name the people or the project. The verb is read from its lemma (resume fragments have no
 * subject, so the tagger often misses a leading verb) and its object from WordNet: a kind of
 * person, a group of people, or a project.
 */

type Target = 'people' | 'project';
const ACTIVITIES: { verbs: string[]; target: Target; skill: string }[] = [
	{
		verbs: ['manage', 'lead', 'supervise', 'direct', 'oversee', 'head'],
		target: 'people',
		skill: 'People management'
	},
	{
		verbs: ['train', 'teach', 'coach', 'educate', 'instruct', 'precept', 'orient', 'onboard'],
		target: 'people',
		skill: 'Training delivery'
	},
	{ verbs: ['hire', 'recruit'], target: 'people', skill: 'Hiring' },
	{
		verbs: ['lead', 'manage', 'run', 'coordinate', 'own', 'drive', 'deliver', 'plan'],
		target: 'project',
		skill: 'Project management'
	}
];

/** Words a verb's object may be separated from it by: "a team", "14 new graduate nurses". */
const WITHIN = 8;

const isPeople = (noun: string) => isPersonNoun(noun) || nounIsA(noun, ['social_group']);
const isProject = (noun: string) => nounIsA(noun, ['project']);

/** Inflected forms the lemmatiser leaves alone when the tagger misreads the word. */
const verbLemma = (word: string, lemma: string) => {
	const w = word.toLowerCase();
	if (lemma !== w) return lemma;
	return w.replace(/(?:ed|es|s|ing)$/, '').replace(/(ss|[^aeiou])$/, '$1');
};

export function activitySkills(text: string): string[] {
	const tokens = tagged(text);
	const out = new Set<string>();
	tokens.forEach((t, i) => {
		if (t.type !== 'word') return;
		const lemma = t.lemma;
		const candidates = ACTIVITIES.filter(
			(a) => a.verbs.includes(lemma) || a.verbs.includes(verbLemma(t.text, lemma))
		);
		if (candidates.length === 0 || (t.pos !== 'VERB' && i > 0)) return;
		for (let j = i + 1; j < tokens.length && j <= i + WITHIN; j++) {
			const o = tokens[j]!;
			// The object ends at a clause boundary; a hyphen or a possessive does not end it.
			if (o.type === 'punctuation' && !['-', "'s", '’s'].includes(o.text)) break;
			if (o.pos === 'ADP' && !['of'].includes(o.lemma)) break;
			if (o.pos !== 'NOUN') continue;
			for (const a of candidates) {
				if (a.target === 'people' ? isPeople(o.lemma) : isProject(o.lemma)) out.add(a.skill);
			}
		}
	});
	return [...out];
}
