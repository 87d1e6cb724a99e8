import { eq } from 'drizzle-orm';
import type { CareerItem, Claim } from '../../schemas/career';
import type { JsonResume, ParsedPosting } from '../../schemas/profile';
import {
	documentJobs,
	llmCalls,
	shareLinks,
	tailoredProfiles,
	tailoringEvalLog
} from '../db/schema';
import { getCareer } from '../domain/career';
import { NotFoundError } from '../domain/errors';
import { getOpportunity, setRequirements } from '../domain/opportunities';
import {
	discardPendingVersion,
	setPendingEvaluation,
	storePendingVersion,
	switchToPendingVersion
} from '../domain/profile-versions';
import { findProfileFor } from '../domain/profiles';
import { newShareToken } from '../domain/share';
import { countProfile } from '../domain/usage';
import type {
	EngineContext,
	NarrativeResult,
	TailorEngine,
	TalkingPointsResult
} from '../engines/engine';
import { computeMatchScore } from '../engines/grounding';
import { looksEnglish } from '../engines/text';
import {
	PermanentJobError,
	Steps,
	type Phase,
	type Pipeline,
	type StepContext
} from '../jobs/pipeline';

type Opp = {
	title: string;
	company: string | null;
	description: string;
	posting: ParsedPosting | null;
};
type Career = { claims: Claim[]; items: CareerItem[] };
/** Where store-profile put the result: the profile, or a new version beside its current one. */
type Stored = { profileId: string; pendingVersionId?: string };

const engineContext = (ctx: StepContext, step: string): EngineContext => ({
	userId: ctx.userId,
	jobId: ctx.job.id,
	step,
	signal: ctx.signal,
	recordCall: async (call) => {
		await ctx.db.insert(llmCalls).values({ userId: ctx.userId, jobId: ctx.job.id, step, ...call });
	}
});

const analyzing: Phase = {
	name: 'analyzing',
	label: 'Analyzing',
	ticker: [
		'Analyzing opportunity requirements…',
		'Reading the posting closely…',
		'Matching your experience to the role…'
	]
};
const generating: Phase = {
	name: 'generating',
	label: 'Generating',
	ticker: [
		'Crafting your narrative…',
		'Tailoring your experience…',
		'Choosing your strongest achievements…'
	]
};
const evaluating: Phase = {
	name: 'evaluating',
	label: 'Evaluating',
	ticker: [
		'Running quality checks…',
		'Verifying claims are grounded…',
		'Looking for strengths you left out…'
	]
};

export const tailorPhases = [analyzing, generating, evaluating];

const opportunityId = (ctx: StepContext) => {
	if (!ctx.job.opportunityId)
		throw new PermanentJobError('This job has no opportunity to tailor for.');
	return ctx.job.opportunityId;
};

/**
 * The `tailor` job (SPEC §5): analyse the opportunity, generate talking points, narrative and
 * resume, store the profile (a regeneration as a new version beside the current one), evaluate
 * it, complete (switching to the new version). Each step is a checkpoint; the two that write
 * the user's data do so atomically with their checkpoint, so they happen exactly once.
 */
export function tailorPipeline(engine: TailorEngine, userConcurrency: number): Pipeline {
	const steps = new Steps();

	const validated = steps.add(analyzing, 'validate-opportunity', async (ctx): Promise<Opp> => {
		let opp;
		try {
			opp = await getOpportunity(ctx.db, ctx.userId, opportunityId(ctx));
		} catch (error) {
			if (error instanceof NotFoundError)
				throw new PermanentJobError('The opportunity was deleted.');
			throw error;
		}
		await ctx.highlight(`Tailoring for ${opp.title}`);
		if (opp.company) await ctx.highlight(`at ${opp.company}`);
		const posting = opp.requirements.length
			? { title: opp.title, company: opp.company, requirements: opp.requirements }
			: null;
		return { title: opp.title, company: opp.company, description: opp.description, posting };
	});

	const requirements = steps.add(
		analyzing,
		'extract-requirements',
		async (ctx): Promise<ParsedPosting> => {
			const opp = ctx.get(validated);
			let posting = opp.posting;
			if (!posting) {
				const parsed = await engine.parsePosting(
					opp.description,
					engineContext(ctx, 'extract-requirements')
				);
				posting = { ...parsed, title: opp.title, company: opp.company };
				await setRequirements(ctx.db, ctx.userId, opportunityId(ctx), posting.requirements);
			}
			if (!looksEnglish(opp.description)) {
				throw new PermanentJobError(
					'Only English postings are supported for now: paste the posting in English.'
				);
			}
			if (!posting.requirements.length) {
				throw new PermanentJobError(
					'No requirements could be found in this posting. Paste the full text, including what the role asks for.'
				);
			}
			const required = posting.requirements.filter((r) => r.kind === 'required').length;
			await ctx.highlight(
				`Found ${posting.requirements.length} requirements (${required} required)`
			);
			return posting;
		}
	);

	const points = steps.add(
		analyzing,
		'generate-talking-points',
		async (ctx): Promise<TalkingPointsResult & Career> => {
			const career = await getCareer(ctx.db, ctx.userId);
			if (!career.claims.length) {
				throw new PermanentJobError('Your career record is empty: import your resume first.');
			}
			const result = await engine.talkingPoints(
				{ posting: ctx.get(requirements), ...career },
				engineContext(ctx, 'generate-talking-points')
			);
			const n = result.talkingPoints.length;
			await ctx.highlight(`Found ${n} talking point${n === 1 ? '' : 's'}`);
			return { ...result, ...career };
		}
	);

	const narrative = steps.add(
		generating,
		'generate-narrative',
		async (ctx): Promise<NarrativeResult> => {
			const result = await engine.narrative(
				{ posting: ctx.get(requirements), ...ctx.get(points) },
				engineContext(ctx, 'generate-narrative')
			);
			await ctx.highlight(`Narrative drafted in ${result.narrativeSentences.length} sentences`);
			return result;
		}
	);

	const resume = steps.add(generating, 'generate-resume', async (ctx): Promise<JsonResume> => {
		const result = await engine.resume(
			{ posting: ctx.get(requirements), ...ctx.get(points) },
			engineContext(ctx, 'generate-resume')
		);
		const roles = Array.isArray(result.work) ? result.work.length : 0;
		await ctx.highlight(`Resume tailored around ${roles} role${roles === 1 ? '' : 's'}`);
		return result;
	});

	const stored = steps.addTransactional(
		generating,
		'store-profile',
		async (ctx): Promise<Stored> => {
			const posting = ctx.get(requirements);
			const tp = ctx.get(points);
			const { narrative: text, narrativeSentences } = ctx.get(narrative);
			const resumeData = ctx.get(resume);
			const values = {
				talkingPoints: tp.talkingPoints,
				narrative: text,
				narrativeOriginal: text,
				narrativeSentences,
				resumeData,
				resumeDataOriginal: resumeData,
				editedFields: [],
				evaluation: null,
				matchScore: computeMatchScore(
					posting.requirements.map((r) => ({
						kind: r.kind,
						met: tp.talkingPoints.some((t) => t.requirement === r.text && t.evidence.length > 0)
					}))
				),
				engine: engine.name,
				model: engine.model
			};
			// A first profile is stored as it is; a regeneration is written beside the current
			// version, which stays as it is until complete-job switches to the new one.
			const [created] = await ctx.tx
				.insert(tailoredProfiles)
				.values({ userId: ctx.userId, opportunityId: opportunityId(ctx), ...values })
				.onConflictDoNothing({
					target: [tailoredProfiles.userId, tailoredProfiles.opportunityId]
				})
				.returning({ id: tailoredProfiles.id });
			let result: Stored;
			if (created) result = { profileId: created.id };
			else {
				const existing = await findProfileFor(ctx.tx, ctx.userId, opportunityId(ctx));
				if (!existing) throw new Error('the profile vanished while it was being stored');
				const pendingVersionId = await storePendingVersion(
					ctx.tx,
					{ id: existing.id, userId: ctx.userId },
					ctx.job.id,
					values
				);
				result = { profileId: existing.id, pendingVersionId };
			}
			await ctx.tx
				.update(documentJobs)
				.set({ tailoredProfileId: result.profileId })
				.where(eq(documentJobs.id, ctx.job.id));
			await ctx.highlight(
				result.pendingVersionId ? 'New version saved beside the current one' : 'Profile saved'
			);
			return result;
		}
	);

	// Never fails the job: the profile is useful without its evaluation.
	steps.add(evaluating, 'evaluate-profile', async (ctx) => {
		const { profileId, pendingVersionId } = ctx.get(stored);
		try {
			const result = await engine.evaluate(
				{
					posting: ctx.get(requirements),
					...ctx.get(points),
					...ctx.get(narrative),
					resume: ctx.get(resume)
				},
				engineContext(ctx, 'evaluate-profile')
			);
			const { evaluation, matchScore } = result;
			await ctx.db.transaction(async (tx) => {
				if (pendingVersionId)
					await setPendingEvaluation(tx, pendingVersionId, { evaluation, matchScore });
				else
					await tx
						.update(tailoredProfiles)
						.set({ evaluation, matchScore })
						.where(eq(tailoredProfiles.id, profileId));
				await tx.insert(tailoringEvalLog).values({
					tailoredProfileId: profileId,
					userId: ctx.userId,
					passed: evaluation.passed,
					groundingPassed: evaluation.grounding.passed,
					hallucinations: evaluation.grounding.hallucinations,
					missedOpportunities: evaluation.utilization.missed,
					gaps: evaluation.gaps,
					evalModel: evaluation.model,
					evalCostCents: evaluation.costCents
				});
			});
			const issues = evaluation.grounding.hallucinations.length;
			await ctx.highlight(
				evaluation.grounding.passed
					? 'Quality checks passed!'
					: `Quality checks flagged ${issues} statement${issues === 1 ? '' : 's'}`
			);
			if (evaluation.gaps.length)
				await ctx.highlight(
					`${evaluation.gaps.length} requirement${evaluation.gaps.length === 1 ? '' : 's'} with no evidence`
				);
			return { passed: evaluation.passed, matchScore };
		} catch (error) {
			ctx.log.warn({ err: error, profileId }, 'evaluation failed; the profile is kept without it');
			await ctx.highlight('Quality checks could not run this time; your profile is ready');
			return { passed: null, error: error instanceof Error ? error.message : String(error) };
		}
	});

	const completed = steps.addTransactional(evaluating, 'complete-job', async (ctx) => {
		const { profileId, pendingVersionId } = ctx.get(stored);
		const opp = ctx.get(validated);
		let version = 1;
		if (pendingVersionId) {
			version = await switchToPendingVersion(ctx.tx, ctx.userId, profileId, pendingVersionId);
			await ctx.highlight(`Version ${version} is now your profile`);
		}
		await countProfile(ctx.tx, ctx.userId);
		let shareToken: string | undefined;
		if (ctx.input.share) {
			const [link] = await ctx.tx
				.insert(shareLinks)
				.values({ token: newShareToken(), userId: ctx.userId, tailoredProfileId: profileId })
				.returning();
			shareToken = link!.token;
		}
		return {
			profileId,
			opportunityId: opportunityId(ctx),
			title: opp.title,
			company: opp.company,
			version,
			...(shareToken ? { shareToken } : {})
		};
	});

	return {
		name: 'tailor',
		userConcurrency,
		phases: tailorPhases,
		steps: steps.list,
		summary: (get) => get(completed),
		// A regeneration that fails for good leaves the current version as it was.
		onFailure: ({ job, db }) => discardPendingVersion(db, job.id)
	};
}
