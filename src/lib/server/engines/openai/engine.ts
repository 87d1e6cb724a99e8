import type { Requirement } from '../../../schemas/profile';
import type { Env } from '../../env';
import type { EngineContext, TailorEngine } from '../engine';
import { evaluate } from '../grounding';
import { findSkills } from '../lexicon';
import { generateNarrative } from '../local/generate';
import { parsePosting as parsePostingLocally } from '../local/posting';
import { rankClaims } from '../local/rank';
import { assembleNarrative, assembleTalkingPoints } from './assemble';
import { ModelClient, totalCents } from './client';
import { judgeMessages, foldJudge } from './judge';
import { priceTable, type PriceTable } from './prices';
import {
	narrativeMessages,
	postingMessages,
	resumeMessages,
	talkingPointMessages
} from './prompts';
import { assembleResume } from './resume';
import {
	judgeAnswer,
	narrativeAnswer,
	postingAnswer,
	resumeAnswer,
	talkingPointsAnswer
} from './schemas';

export type OpenAIEngineOptions = {
	/** Any OpenAI-compatible endpoint; the SDK's default (api.openai.com) when unset. */
	baseURL?: string;
	/** Not needed by local servers (Ollama, vLLM, LM Studio). */
	apiKey?: string;
	/** The generation model. */
	model: string;
	/** The judge's model; the generation model when unset. */
	evalModel?: string;
	/** Per request attempt. */
	timeoutMs: number;
	/** Retries of a failed request (timeouts, connection errors, 408/409/429/5xx), with backoff. */
	maxRetries: number;
	/** US cents per million tokens, merged over the built-in table (see prices.ts). */
	prices?: PriceTable;
	fetch?: typeof globalThis.fetch;
	/** Fixes "today" for experience computed from open-ended jobs (tests). */
	now?: Date | string;
};

const MAX_REQUIREMENTS = 60;

/** The engine's options from the validated configuration (`OPENAI_*`, `TAILOR_*MODEL*`). */
export function openAIEngineOptionsFromEnv(
	env: Pick<
		Env,
		| 'OPENAI_BASE_URL'
		| 'OPENAI_API_KEY'
		| 'TAILOR_MODEL'
		| 'TAILOR_EVAL_MODEL'
		| 'OPENAI_TIMEOUT_MS'
		| 'OPENAI_MAX_RETRIES'
		| 'TAILOR_MODEL_PRICES'
	>
): OpenAIEngineOptions {
	return {
		baseURL: env.OPENAI_BASE_URL,
		apiKey: env.OPENAI_API_KEY,
		model: env.TAILOR_MODEL,
		evalModel: env.TAILOR_EVAL_MODEL,
		timeoutMs: env.OPENAI_TIMEOUT_MS,
		maxRetries: env.OPENAI_MAX_RETRIES,
		prices: env.TAILOR_MODEL_PRICES
	};
}

/**
 * The `openai` engine: the local ranking finds each requirement's candidate claims, the model
 * writes with them and cites them by id, and every answer is checked against the person's
 * record before it is used (see assemble.ts and resume.ts). Evaluation runs the deterministic
 * grounding check and, with `evalModel`, an LLM judge.
 */
export function createOpenAIEngine(options: OpenAIEngineOptions): TailorEngine {
	const client = new ModelClient({
		baseURL: options.baseURL,
		apiKey: options.apiKey,
		timeoutMs: options.timeoutMs,
		maxRetries: options.maxRetries,
		prices: priceTable(options.prices),
		fetch: options.fetch
	});
	const model = options.model;
	const evalModel = options.evalModel ?? model;
	const rankOptions = { now: options.now };

	return {
		name: 'openai',
		model,

		async parsePosting(text, ctx: EngineContext) {
			const local = parsePostingLocally(text);
			const { value } = await client.structured(
				{ model, name: 'posting', schema: postingAnswer, messages: postingMessages(text) },
				ctx
			);
			const seen = new Set<string>();
			const requirements: Requirement[] = [];
			for (const r of value.requirements) {
				const requirementText = r.text.replace(/\s+/g, ' ').trim();
				const key = requirementText.toLowerCase();
				if (!requirementText || seen.has(key)) continue;
				seen.add(key);
				// Skills are the lexicon's canonical names, which only the local parser knows.
				requirements.push({ text: requirementText, kind: r.kind, skills: findSkills(r.text) });
			}
			// A model that finds nothing loses to the local parser, which always finds something.
			if (requirements.length === 0) return local;
			return {
				title: value.title.trim() || local.title,
				company: value.company?.trim() || local.company,
				requirements: requirements.slice(0, MAX_REQUIREMENTS)
			};
		},

		async talkingPoints({ posting, claims, items }, ctx) {
			const ranking = rankClaims(posting.requirements, claims, items, rankOptions);
			if (ranking.requirements.length === 0) return { ranking, talkingPoints: [] };
			const { value } = await client.structured(
				{
					model,
					name: 'talking_points',
					schema: talkingPointsAnswer,
					messages: talkingPointMessages(posting, ranking, claims, items)
				},
				ctx
			);
			return { ranking, talkingPoints: assembleTalkingPoints(ranking, value, claims) };
		},

		async narrative({ posting, ranking, talkingPoints, claims, items }, ctx) {
			const { value } = await client.structured(
				{
					model,
					name: 'narrative',
					schema: narrativeAnswer,
					messages: narrativeMessages(posting, talkingPoints, claims, items)
				},
				ctx
			);
			const result = assembleNarrative(value, claims);
			// Nothing the model wrote could be attributed to a claim: the local narrative is.
			if (result.narrativeSentences.length === 0) {
				return generateNarrative(ranking, claims, items);
			}
			return result;
		},

		async resume({ posting, ranking, claims, items }, ctx) {
			const { value } = await client.structured(
				{
					model,
					name: 'resume',
					schema: resumeAnswer,
					messages: resumeMessages(posting, claims, items)
				},
				ctx
			);
			return assembleResume(ranking, value, claims, items);
		},

		async evaluate(input, ctx) {
			const { evaluation, matchScore } = evaluate({
				requirements: input.posting.requirements,
				talkingPoints: input.talkingPoints,
				narrativeSentences: input.narrativeSentences,
				resume: input.resume,
				claims: input.claims,
				items: input.items,
				relevant: input.ranking.requirements.flatMap((r) => [...r.evidence, ...r.related]),
				model: evalModel,
				costCents: 0
			});
			// Nothing written, nothing to judge.
			if (input.talkingPoints.length === 0 && input.narrativeSentences.length === 0) {
				return { evaluation, matchScore };
			}
			const { value, calls } = await client.structured(
				{
					model: evalModel,
					name: 'judge',
					schema: judgeAnswer,
					messages: judgeMessages(input, input.claims, input.items)
				},
				ctx
			);
			const judged = foldJudge(evaluation, value, {
				model: evalModel,
				costCents: totalCents(calls)
			});
			return { evaluation: judged, matchScore };
		}
	};
}
