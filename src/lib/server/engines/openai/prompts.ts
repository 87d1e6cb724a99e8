import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { CareerItem, Claim } from '../../../schemas/career';
import type { ParsedPosting, TalkingPoint } from '../../../schemas/profile';
import { CareerContext } from '../local/career-context';
import type { Ranking } from '../local/rank';

/**
 * The messages of each call. The model sees the person's claims with their ids and must cite
 * them; it never sees anything it could copy a fact from that is not a claim or its item's name,
 * title and dates.
 */

const MAX_CANDIDATES = 6;
/** A posting longer than this is pasted noise; the model reads the start of it. */
const MAX_POSTING_CHARS = 30_000;

const GROUNDED = `You help a person present their real career record for one job posting.
You work only from the claims listed, each marked with its id in square brackets.
Rules:
- Every statement you write rests on the claims whose ids you cite, and only on them.
- Never add a number, date, employer, school, product, tool or skill that is not in the cited claims or their context.
- Cite only ids that appear in the list, copied exactly.
- Write in the first person, plainly, without superlatives.
Answer with one JSON object only.`;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Job title, organisation and dates of a claim's item: what a sentence about it may repeat. */
export function claimContext(claim: Claim, ctx: CareerContext): string {
	const item = ctx.itemOf(claim);
	if (item?.section === 'basics') return 'profile summary';
	const d = item?.data ?? {};
	const place = ctx.organisation(item) || (item?.section === 'projects' ? str(d.name) : '');
	const start = str(d.startDate);
	const dates = start ? `${start} – ${str(d.endDate) || 'present'}` : str(d.date);
	return [str(d.position) || str(d.studyType), place, dates].filter(Boolean).join(', ');
}

export function claimLine(claim: Claim, ctx: CareerContext): string {
	const context = claimContext(claim, ctx);
	return `[${claim.id}] (${claim.kind}${context ? `; ${context}` : ''}) ${claim.text}`;
}

const messages = (user: string, system = GROUNDED): ChatCompletionMessageParam[] => [
	{ role: 'system', content: system },
	{ role: 'user', content: user }
];

export function postingMessages(text: string): ChatCompletionMessageParam[] {
	return messages(
		`Extract from this job posting its job title, the hiring company (null if not named) and every requirement a candidate is asked to meet.
Copy each requirement's wording from the posting, one requirement per item. kind is "required" for must-haves and "preferred" for nice-to-haves (bonus, plus, preferred). Leave out duties, benefits and company descriptions.
Answer shape: {"title": "…", "company": "…" or null, "requirements": [{"text": "…", "kind": "required"}]}

Posting:
"""
${text.slice(0, MAX_POSTING_CHARS)}
"""`,
		'You read job postings carefully and answer with one JSON object only.'
	);
}

function heading(posting: ParsedPosting): string {
	return `Job: ${posting.title || 'untitled'}${posting.company ? ` at ${posting.company}` : ''}`;
}

/** Per requirement, the ranking's best candidates (cited evidence first, then related claims). */
export function candidatesOf(ranked: Ranking['requirements'][number], ctx: CareerContext): Claim[] {
	const ids = [...ranked.evidence, ...ranked.related].map((e) => e.claimId);
	return [...new Set(ids)]
		.map((id) => ctx.claimsById.get(id))
		.filter((c): c is Claim => c !== undefined)
		.slice(0, MAX_CANDIDATES);
}

export function talkingPointMessages(
	posting: ParsedPosting,
	ranking: Ranking,
	claims: Claim[],
	items: CareerItem[]
): ChatCompletionMessageParam[] {
	const ctx = new CareerContext(claims, items);
	const blocks = ranking.requirements.map((r, i) => {
		const candidates = candidatesOf(r, ctx);
		const lines = candidates.map((c) => `  ${claimLine(c, ctx)}`);
		return `R${i + 1} (${r.requirement.kind}) ${r.requirement.text}\n${lines.join('\n') || '  (no supporting claim found)'}`;
	});
	return messages(`${heading(posting)}

Each requirement, followed by the person's claims that may support it (best first):
${blocks.join('\n\n')}

For each requirement the claims really support, write one talking point: one or two sentences the person could say in an interview, using the facts of the claims it cites. requirement is the number after R. Leave out a requirement the claims do not support: it will be shown as a gap.
Answer shape: {"points": [{"requirement": 1, "point": "…", "claimIds": ["…"]}]}`);
}

export function narrativeMessages(
	posting: ParsedPosting,
	talkingPoints: TalkingPoint[],
	claims: Claim[],
	items: CareerItem[]
): ChatCompletionMessageParam[] {
	const ctx = new CareerContext(claims, items);
	const summary = claims.find((c) => c.kind === 'summary' && ctx.itemOf(c)?.section === 'basics');
	const cited = new Map<string, Claim>();
	if (summary) cited.set(summary.id, summary);
	for (const tp of talkingPoints) {
		for (const e of tp.evidence) {
			const claim = ctx.claimsById.get(e.claimId);
			if (claim) cited.set(claim.id, claim);
		}
	}
	const needs = talkingPoints.map((tp) => `- (${tp.kind}) ${tp.requirement}`);
	return messages(`${heading(posting)}

What the posting asks for that the person can show:
${needs.join('\n') || '- (nothing matched)'}

The person's claims:
${[...cited.values()].map((c) => claimLine(c, ctx)).join('\n')}

Write a short first-person pitch for this job: 3 to 6 sentences, the strongest evidence first, each sentence citing the claims it uses. Use only facts from the cited claims.
Answer shape: {"sentences": [{"text": "…", "claimIds": ["…"]}]}`);
}

export function resumeMessages(
	posting: ParsedPosting,
	claims: Claim[],
	items: CareerItem[]
): ChatCompletionMessageParam[] {
	const entries = items
		.filter((i) => ['work', 'volunteer', 'projects'].includes(i.section))
		.map((item) => {
			const highlights = claims.filter((c) => c.itemId === item.id && c.kind === 'highlight');
			const label = [str(item.data.position), str(item.data.name), str(item.data.organization)]
				.filter(Boolean)
				.join(', ');
			const lines = highlights.map((c) => `  [${c.id}] ${c.text}`);
			return `${item.id} (${item.section}) ${label}\n${lines.join('\n') || '  (no highlights)'}`;
		});
	const requirements = posting.requirements.map((r) => `- (${r.kind}) ${r.text}`);
	return messages(`${heading(posting)}
Requirements:
${requirements.join('\n')}

The person's resume entries (item id, section, title) and their highlights (claim id, text):
${entries.join('\n\n')}

Tailor the resume by choosing, not writing: list the entries to show, most relevant first, and for each the ids of its own highlights to keep (2 to 6, most relevant first). You cannot change a highlight's wording.
Answer shape: {"entries": [{"itemId": "…", "claimIds": ["…"]}]}`);
}
