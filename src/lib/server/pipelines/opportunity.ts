import { and, eq } from 'drizzle-orm';
import type { ParsedPosting } from '../../schemas/profile';
import { opportunities } from '../db/schema';
import { getOpportunity } from '../domain/opportunities';
import type { TailorEngine } from '../engines/engine';
import { PermanentJobError, Steps, type Phase, type Pipeline } from '../jobs/pipeline';

const parsing: Phase = {
	name: 'parsing',
	label: 'Reading',
	ticker: ['Reading the posting…', 'Separating requirements from nice-to-haves…']
};
const extracting: Phase = {
	name: 'extracting',
	label: 'Saving',
	ticker: ['Saving the requirements…']
};

export const opportunityPhases = [parsing, extracting];

/**
 * The `opportunity` job: a posting parsed by the engine's model (the local engine parses inline
 * when the opportunity is created, so this job is for the slower model engines).
 */
export function opportunityPipeline(engine: TailorEngine): Pipeline {
	const steps = new Steps();
	const opportunityId = (job: { opportunityId: string | null }) => {
		if (!job.opportunityId) throw new PermanentJobError('This job has no opportunity.');
		return job.opportunityId;
	};
	const parsed = steps.add(parsing, 'parse-posting', async (ctx): Promise<ParsedPosting> => {
		const opp = await getOpportunity(ctx.db, ctx.userId, opportunityId(ctx.job));
		const result = await engine.parsePosting(opp.description, {
			userId: ctx.userId,
			jobId: ctx.job.id,
			step: 'parse-posting',
			signal: ctx.signal
		});
		await ctx.highlight(`Found ${result.requirements.length} requirements`);
		return result;
	});
	const stored = steps.addTransactional(extracting, 'store-requirements', async (ctx) => {
		const { requirements } = ctx.get(parsed);
		const id = opportunityId(ctx.job);
		await ctx.tx
			.update(opportunities)
			.set({ requirements, updatedAt: new Date() })
			.where(and(eq(opportunities.id, id), eq(opportunities.userId, ctx.userId)));
		return { opportunityId: id, requirements: requirements.length };
	});
	return {
		name: 'opportunity',
		phases: opportunityPhases,
		steps: steps.list,
		summary: (get) => get(stored)
	};
}
