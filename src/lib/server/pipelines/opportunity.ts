import { and, eq } from 'drizzle-orm';
import type { ParsedPosting } from '../../schemas/profile';
import { opportunities } from '../db/schema';
import { getOpportunity } from '../domain/opportunities';
import type { TailorEngine } from '../engines/engine';
import { PermanentJobError, type Pipeline } from '../jobs/pipeline';

/**
 * The `opportunity` job: a posting parsed by the engine's model (the local engine parses inline
 * when the opportunity is created, so this job is for the slower model engines).
 */
export function opportunityPipeline(engine: TailorEngine): Pipeline {
	return {
		name: 'opportunity',
		summary: (outputs) => outputs['store-requirements'] as Record<string, unknown>,
		phases: [
			{
				name: 'parsing',
				ticker: ['Reading the posting…', 'Separating requirements from nice-to-haves…'],
				steps: [
					{
						name: 'parse-posting',
						async run(ctx): Promise<ParsedPosting> {
							if (!ctx.job.opportunityId)
								throw new PermanentJobError('This job has no opportunity.');
							const opp = await getOpportunity(ctx.db, ctx.userId, ctx.job.opportunityId);
							const parsed = await engine.parsePosting(opp.description, {
								userId: ctx.userId,
								jobId: ctx.job.id,
								step: 'parse-posting',
								signal: ctx.signal
							});
							await ctx.highlight(`Found ${parsed.requirements.length} requirements`);
							return parsed;
						}
					}
				]
			},
			{
				name: 'extracting',
				ticker: ['Saving the requirements…'],
				steps: [
					{
						name: 'store-requirements',
						transactional: true,
						async run(ctx) {
							const parsed = ctx.outputs['parse-posting'] as ParsedPosting;
							const id = ctx.job.opportunityId!;
							await ctx.tx
								.update(opportunities)
								.set({ requirements: parsed.requirements, updatedAt: new Date() })
								.where(and(eq(opportunities.id, id), eq(opportunities.userId, ctx.userId)));
							return { opportunityId: id, requirements: parsed.requirements.length };
						}
					}
				]
			}
		]
	};
}
