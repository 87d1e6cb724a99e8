import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { CareerItem, Claim } from '../../../schemas/career';
import type {
	Evaluation,
	Hallucination,
	NarrativeSentence,
	TalkingPoint
} from '../../../schemas/profile';
import { CareerContext } from '../local/career-context';
import { claimLine } from './prompts';
import type { JudgeAnswer } from './schemas';

/**
 * The LLM judge: a second model reads every written statement next to the claims it cites and
 * lists what those claims do not support. Resume highlights are the claims' own texts, so only
 * the talking points and the narrative are judged. Its verdict is folded into the deterministic
 * evaluation: the profile passes only when both pass, and each issue it raises is kept as a
 * hallucination whose reason starts with "judge:".
 */

const JUDGE = `You are a strict fact checker for career documents.
You get claims from a person's record (each with its id in square brackets) and statements written about the person, each followed by the ids of the claims it cites.
A statement fails when it says anything its cited claims do not support: a number, date, employer, product, tool, skill, title or achievement that is not in them, or an exaggeration of what they say. Style and tone do not matter.
Answer with one JSON object only.`;

export function judgeMessages(
	output: { talkingPoints: TalkingPoint[]; narrativeSentences: NarrativeSentence[] },
	claims: Claim[],
	items: CareerItem[]
): ChatCompletionMessageParam[] {
	const ctx = new CareerContext(claims, items);
	const statements = [
		...output.talkingPoints.map((tp) => ({
			text: tp.point,
			ids: tp.evidence.map((e) => e.claimId)
		})),
		...output.narrativeSentences.map((s) => ({ text: s.text, ids: s.claimIds }))
	];
	const cited = new Set(statements.flatMap((s) => s.ids));
	const claimLines = claims.filter((c) => cited.has(c.id)).map((c) => claimLine(c, ctx));
	const statementLines = statements.map(
		(s, i) => `S${i + 1}: ${s.text}\n    cites: ${s.ids.join(', ') || '(nothing)'}`
	);
	return [
		{ role: 'system', content: JUDGE },
		{
			role: 'user',
			content: `Claims:
${claimLines.join('\n') || '(none)'}

Statements:
${statementLines.join('\n') || '(none)'}

List every statement that fails, quoting the unsupported words in statement and saying in problem what the cited claims do not support. passed is true only when no statement fails.
Answer shape: {"passed": true, "issues": [{"statement": "…", "problem": "…"}]}`
		}
	];
}

/** The deterministic evaluation with the judge's verdict folded in. */
export function foldJudge(
	evaluation: Evaluation,
	verdict: JudgeAnswer,
	judge: { model: string; costCents: number }
): Evaluation {
	const notes: Hallucination[] = verdict.issues
		.filter((i) => i.statement.trim() || i.problem.trim())
		.map((i) => ({ text: i.statement.trim(), reason: `judge: ${i.problem.trim()}` }));
	const judgePassed = verdict.passed && notes.length === 0;
	if (!judgePassed && notes.length === 0) {
		notes.push({ text: '', reason: 'judge: the profile did not pass, no statement was named' });
	}
	const hallucinations = [...evaluation.grounding.hallucinations, ...notes];
	const grounded = evaluation.grounding.passed && judgePassed;
	return {
		...evaluation,
		passed: evaluation.passed && judgePassed,
		grounding: { passed: grounded, hallucinations },
		model: judge.model,
		costCents: judge.costCents
	};
}
