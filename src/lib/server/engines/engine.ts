import type { CareerItem, Claim } from '../../schemas/career';
import type {
	EngineName,
	Evaluation,
	JsonResume,
	NarrativeSentence,
	ParsedPosting,
	TalkingPoint
} from '../../schemas/profile';
import type { Ranking } from './local/rank';

/** One model call, as recorded in `llm_calls`. */
export type LlmCall = {
	model: string;
	inputTokens: number;
	outputTokens: number;
	costCents: number;
	latencyMs: number;
};

/** Who a step works for, so model calls can be attributed, limited and cancelled. */
export type EngineContext = {
	userId: string;
	jobId?: string | null;
	step?: string;
	signal?: AbortSignal;
	/** Stores a model call (the pipeline writes it to `llm_calls`). */
	recordCall?: (call: LlmCall) => Promise<void>;
};

export type TailorInput = { posting: ParsedPosting; claims: Claim[]; items: CareerItem[] };

/** What the talking-points step produces: the claims ranked per requirement, and the points. */
export type TalkingPointsResult = { ranking: Ranking; talkingPoints: TalkingPoint[] };
export type NarrativeResult = { narrative: string; narrativeSentences: NarrativeSentence[] };
export type EvaluationResult = { evaluation: Evaluation; matchScore: number };

/**
 * A tailoring engine: one method per pipeline step, each taking and returning plain JSON so the
 * step's output can be checkpointed. Every statement it produces cites the claims it rests on.
 */
export interface TailorEngine {
	readonly name: EngineName;
	/** The generation model (`local` for the local engine). */
	readonly model: string;
	parsePosting(text: string, ctx: EngineContext): Promise<ParsedPosting>;
	talkingPoints(input: TailorInput, ctx: EngineContext): Promise<TalkingPointsResult>;
	narrative(input: TailorInput & TalkingPointsResult, ctx: EngineContext): Promise<NarrativeResult>;
	resume(input: TailorInput & TalkingPointsResult, ctx: EngineContext): Promise<JsonResume>;
	/** Grounding, utilisation, gaps and match score; with a model, a judge's verdict as well. */
	evaluate(
		input: TailorInput & TalkingPointsResult & NarrativeResult & { resume: JsonResume },
		ctx: EngineContext
	): Promise<EvaluationResult>;
}
