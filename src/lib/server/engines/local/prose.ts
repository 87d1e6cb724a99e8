import type { CareerItem, Claim } from '../../../schemas/career';
import { tagged, type Token } from '../nlp';
import { isNoun, isPersonNoun, isPlaceNoun } from '../wordnet';
import { sentences } from '../text';
import { ensurePeriod, type CareerContext } from './career-context';

/**
 * First-person prose from the record's own words. A claim is turned into a sentence in the
 * person's voice ("Precepted 14 nurses" → "At St. Aldric, I precepted 14 nurses"; "Audits 30
 * charts" → "I audit 30 charts"; "Registered nurse with nine years…" → "I am a registered nurse
 * with nine years…"), or into nothing when it cannot be said that way. Only connecting words are
 * added — never a number, a name or a skill — so the grounding check stays exact.
 */

/** Words that say a certificate's name already names a credential. */
const CREDENTIAL_NOUN =
	/\b(certificat\w*|certified|licen[cs]e\w*|belt|provider|credential|registration|card|diploma|award|accreditation|qualification)\b/i;

/**
 * "a" or "an" by the sound the phrase starts with; an acronym is read letter by letter ("an HR
 * generalist", "an RN", "a UX designer").
 */
function article(phrase: string): 'a' | 'an' {
	const word = phrase.trim().split(/[\s-]/)[0] ?? '';
	if (/^[A-Z]{2,}$/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Sentences longer than this are not used as they are. */
export const MAX_WORDS = 45;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

type Reading = { kind: 'verb' | 'np' | 'place' | 'clause'; tokens: Token[] };

const PARTICLES = /^(up|out|down|off|over)$/;

/**
 * What a statement without a subject says: what the person did ("Led …", "audits …", "set up
 * …"), who they are ("Registered nurse with …"), where they worked ("Small design studio …", by
 * WordNet: a place or organisation), or a clause with its own subject ("Average scores rose …").
 */
function read(text: string): Reading | null {
	const tokens = tagged(lowerFirst(text.trim()));
	const words = tokens.filter((t) => t.type === 'word' || t.type === 'number');
	const [first, second] = words;
	if (!first) return null;
	// "HR generalist with six years …", "RN on a cardiac unit": a role named by an acronym.
	if (/^[A-Z]{2,}\b/.test(text.trim())) return second ? nounPhrase(tokens) : null;
	if (second && isNoun([first.text, second.text])) return nounPhrase(tokens);
	// "Was site lead for …", "Is the unit's go-to …": a role stated with its own verb.
	if (first.lemma === 'be' && /^(was|were|is|are)$/i.test(first.text))
		return { kind: 'verb', tokens };
	// A word followed at once by a number, an article or a particle ("rewrote 60 queries",
	// "audits the charts", "set up monitoring") is a verb, whatever the tagger made of it.
	if (
		second &&
		/^(VERB|NOUN)$/.test(first.pos) &&
		(/^(NUM|DET)$/.test(second.pos) || PARTICLES.test(second.text))
	) {
		first.pos = 'VERB';
		return { kind: 'verb', tokens };
	}
	if (first.pos === 'VERB') {
		// "Led", "precepted", "runs" are what was done; a bare "lead for receiving" is a role.
		const inflected = /(ed|s)$/.test(first.text) || first.lemma !== first.text;
		return inflected ? { kind: 'verb', tokens } : nounPhrase(tokens);
	}
	if (first.pos === 'NOUN' || first.pos === 'ADJ') return nounPhrase(tokens);
	// "Small open-source package …": a modifier before a noun phrase, whatever its tag.
	if (/^(ADV|PROPN)$/.test(first.pos) && /^(ADJ|NOUN)$/.test(second?.pos ?? ''))
		return nounPhrase(tokens);
	return null;
}

/** A noun phrase: a role, a place, or the subject of a clause of its own. */
function nounPhrase(tokens: Token[]): Reading {
	let head: Token | undefined;
	let i = 0;
	for (; i < tokens.length; i++) {
		const t = tokens[i]!;
		const before = tokens[i - 1];
		// The second half of a compound ("case-based", "data-driven") modifies, whatever its tag.
		const compound = before?.text === '-' && before.space === '';
		// "… CLI that joins …": a relative clause ends the noun phrase, it is not its verb.
		if (/^(that|which|who)$/i.test(t.text)) break;
		// A capitalised word inside the phrase is a name ("Go CLI"), whatever its tag.
		const name = i > 0 && /^\p{Lu}/u.test(t.text);
		if (t.pos === 'NOUN' || t.pos === 'PROPN' || name) head = t;
		else if (compound) continue;
		else if (!/^(ADJ|ADV|NUM|PUNCT|DET)$/.test(t.pos) || t.text === ',' || t.text === ';') break;
	}
	// A past tense right after the subject ("scores rose", "falls dropped"), before any "that …",
	// preposition or list.
	for (let j = i; head && j < tokens.length; j++) {
		const t = tokens[j]!;
		if (/^(that|which|who|with|for|of|in|on|at|,|;)$/i.test(t.text)) break;
		if (
			t.pos === 'VERB' &&
			!/ing$/.test(t.text) &&
			(/ed$/.test(t.text) || t.lemma !== t.text.toLowerCase())
		)
			return { kind: 'clause', tokens };
	}
	// "Small design studio working with …", "Distribution center serving …": an organisation.
	const after = tokens[i];
	if (head && after && /ing$/.test(after.text) && isPlaceNoun(head.lemma || head.text))
		return { kind: 'place', tokens };
	return { kind: 'np', tokens };
}

/**
 * A statement without a subject in the person's voice: "I precepted …", "I audit … and present
 * …", "I am a registered nurse with …" (`was` for a role that ended). Null when it cannot be.
 */
function firstPerson(text: string, ended = false): string | null {
	const reading = read(text);
	if (!reading || reading.kind === 'place' || reading.kind === 'clause') return null;
	// Third-person verbs of the statement itself take the person's own form ("audits … and
	// presents" → "audit … and present"); past tenses, "was", and verbs of a clause inside it
	// ("a site that fulfills orders") stay as they are.
	let joined = true;
	const body = reading.tokens
		.map((t, i) => {
			const own =
				joined && t.pos === 'VERB' && /[^s]s$/.test(t.text) && t.lemma && t.lemma !== t.text;
			joined = i === 0 ? false : joined;
			if (t.pos === 'CCONJ' || t.text === ',' || t.text === ';') joined = true;
			else if (t.type === 'word' && i > 0) joined = false;
			return (own ? t.lemma : t.text) + t.space;
		})
		.join('')
		.trim();
	const restored = restoreCase(body, text.trim());
	if (reading.kind === 'verb') return `I ${restored}`;
	return `I ${ended ? 'was' : 'am'} ${article(restored)} ${restored}`;
}

/** The text's own capitals, except its first letter (the sentence start it no longer is). */
function restoreCase(body: string, original: string): string {
	const a = body.split(/(\s+)/);
	const b = lowerFirst(original).split(/(\s+)/);
	return a.map((w, i) => (b[i] && b[i]!.toLowerCase() === w.toLowerCase() ? b[i]! : w)).join('');
}

/** Lowercases a sentence's first letter unless the word is an acronym or a name in capitals. */
const lowerFirst = (s: string) =>
	/^(?:[A-Z][a-z]|[A-Z]\s)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** Whether a degree item names its area. */
const area0 = (item: CareerItem | undefined) => str(item?.data.area).length > 0;

/** An education entry still under way: no end date, or one in the future. */
function inProgress(item: CareerItem | undefined, now: Date): boolean {
	const end = str(item?.data.endDate);
	if (!end) return !!str(item?.data.startDate);
	return endOf(end) > now;
}

/** The last moment a date written as a year or a month stands for ("2026" runs to 31 December). */
function endOf(date: string): Date {
	const m = /^(\d{4})(?:-(\d{2}))?$/.exec(date);
	if (!m) return new Date(date);
	const year = Number(m[1]);
	// Month m+1, day 0: the last day of month m (months count from 0).
	return m[2]
		? new Date(Date.UTC(year, Number(m[2]), 0, 23, 59, 59))
		: new Date(Date.UTC(year, 11, 31, 23, 59, 59));
}

/**
 * One claim as a first-person sentence, or null. `place` is the organisation of the sentence
 * before, so a second fact from the same employer reads "There I also …".
 */
export function sayClaim(
	claim: Claim,
	ctx: CareerContext,
	options: { previousPlace?: string; now?: Date } = {}
): string | null {
	const item = ctx.itemOf(claim);
	const place = ctx.organisation(item);
	const now = options.now ?? new Date();
	let sentence: string | null = null;
	switch (claim.kind) {
		case 'highlight':
		case 'summary': {
			const text = claim.text.trim();
			if (item?.section === 'basics') {
				sentence = firstPerson(sentences(text)[0] ?? text);
				break;
			}
			// "Used to validate …" of a project: the project was used, not the person's habit.
			if (item?.section === 'projects' && /^used to\s/i.test(text)) {
				const name = str(item.data.name);
				if (name) sentence = `I used ${name} ${text.replace(/^used\s+/i, '')}`;
				break;
			}
			const project = item?.section === 'projects' ? str(item.data.name) : '';
			// A passive statement ("Used by analysts at two companies"): what happened to the
			// project, or to the person.
			if (/^[A-Za-z]+ed\s+by\s/i.test(text)) {
				const rest = lowerFirst(text);
				sentence = project
					? `My project ${project} was ${rest}`
					: place
						? `At ${place}, I was ${rest}`
						: `I was ${rest}`;
				break;
			}
			const reading = item?.section === 'basics' ? null : read(text);
			if (reading?.kind === 'clause') {
				// "Average post-test scores rose from 71% to 89%": a result with its own subject.
				const rest = lowerFirst(text);
				sentence = project
					? `In my project ${project}, ${rest}`
					: place
						? `In my work at ${place}, ${rest}`
						: `In my work, ${rest}`;
				break;
			}
			if (reading?.kind === 'place' && place) {
				// "Small design studio working with …": where the person worked.
				const np = lowerFirst(text.replace(/\.$/, ''));
				const ended = !!str(item?.data.endDate);
				sentence = `I ${ended ? 'worked' : 'work'} at ${place}, ${article(np)} ${np}`;
				break;
			}
			const said = firstPerson(text, !!str(item?.data.endDate));
			if (!said) break;
			const rest = said.slice(2);
			if (item?.section === 'projects') {
				const name = str(item.data.name);
				sentence = name ? `For ${name}, I ${rest}` : said;
			} else if (place && place === options.previousPlace) sentence = `There I also ${rest}`;
			else sentence = place ? `At ${place}, I ${rest}` : said;
			break;
		}
		case 'project': {
			// "I built Growth Notes, a fortnightly newsletter …", or what was done for it.
			const name = str(item?.data.name);
			const text = claim.text.trim().replace(/\.$/, '');
			if (!name || name === text) break;
			if (/^(a|an|the)\s/i.test(text)) sentence = `I built ${name}, ${lowerFirst(text)}`;
			else {
				const said = firstPerson(text);
				if (said?.startsWith('I am ')) sentence = `I built ${name}, ${said.slice(5)}`;
				else if (said) sentence = `For ${name}, ${said}`;
			}
			break;
		}
		case 'certificate': {
			const name = str(item?.data.name) || claim.text;
			const issuer = str(item?.data.issuer);
			// "from the American Heart Association", "from Google".
			const from = issuer.split(/\s+/).length >= 3 ? `the ${issuer}` : issuer;
			// "Certified Emergency Nurse (CEN)", "Project Management Professional": a title the
			// person bears, not a thing held.
			const head = name
				.replace(/\s*\([^)]*\)\s*$/, '')
				.split(/[\s–—-]+/)
				.at(-1)
				?.toLowerCase();
			if (head && /^[a-z]+$/.test(head) && isPersonNoun(head)) {
				sentence = `I am ${article(name)} ${name}${issuer ? `, a credential from ${from}` : ''}`;
				break;
			}
			// "the OSHA 30-Hour General Industry" is a course's name: say what is held.
			const held = CREDENTIAL_NOUN.test(name) ? name : `${name} certificate`;
			sentence = issuer ? `I hold the ${held} from ${from}` : `I hold the ${held}`;
			break;
		}
		case 'degree': {
			// "Master of Science (MSN)" in "Nursing" is a "Master of Science in Nursing (MSN)".
			const [, bareType = '', short = ''] =
				/^(.*?)\s*(\([^)]*\))?$/.exec(str(item?.data.studyType)) ?? [];
			const type = area0(item) && short ? bareType : str(item?.data.studyType);
			// …after the area's first part: "in Nursing (MSN), Nursing Education".
			const area =
				area0(item) && short
					? str(item?.data.area).replace(/^([^,]*)(,|$)/, `$1 ${short}$2`)
					: str(item?.data.area);
			const school = str(item?.data.institution);
			const degree =
				!area || type.toLowerCase().endsWith(area.toLowerCase())
					? type || area
					: / in /i.test(type)
						? `${type} (${area})`
						: `${type || 'degree'} in ${area}`;
			if (!degree) break;
			const an = article(degree);
			sentence = inProgress(item, now)
				? `I am studying for ${an} ${degree}${school ? ` at ${school}` : ''}`
				: `I hold ${an} ${degree}${school ? ` from ${school}` : ''}`;
			break;
		}
		case 'skill': {
			const group = str(item?.data.name);
			const keyword = claim.text.trim();
			if (!group) sentence = `${keyword} is among my skills`;
			else if (/s$/i.test(group) && group.split(/\s+/).length === 1)
				sentence = `${keyword} is among the ${group.toLowerCase()} I use`;
			else sentence = `${keyword} is among my ${group.toLowerCase()} skills`;
			break;
		}
	}
	if (!sentence || wordCount(sentence) > MAX_WORDS) return null;
	return ensurePeriod(sentence);
}

/**
 * A claim in the person's voice even when it has no verb of its own to take "I" ("No lost-time
 * injuries in 2025 after …"): said as what the person's record shows.
 */
export function sayResult(claim: Claim, ctx: CareerContext, previousPlace?: string): string {
	const said = sayClaim(claim, ctx, { previousPlace });
	if (said) return said;
	const place = ctx.organisation(ctx.itemOf(claim));
	const text = lowerFirst(claim.text.trim());
	// "Six years across design and code: …": what the person has.
	if (
		/^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\+?\s+years?\b/i.test(
			text
		)
	)
		return ensurePeriod(`I have ${text}`);
	return ensurePeriod(place ? `At ${place}, my record shows ${text}` : `My record shows ${text}`);
}
