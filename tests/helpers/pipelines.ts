import type { Sql } from '../../src/lib/server/db/client';
import type { Pipeline, StepContext } from '../../src/lib/server/jobs/pipeline';

/**
 * Pipelines that prove the job engine. Each step announces that it ran with a highlight, so a
 * test reads from the job's own events how often each step ran.
 */
const ran = (name: string, output: unknown = { from: name }) => ({
	name,
	async run(ctx: StepContext) {
		await ctx.highlight(`ran ${name} (attempt ${ctx.attempt})`);
		return output;
	}
});

/** Blocks a step until the test sends `NOTIFY release_<job id without dashes>`. */
export function waitForRelease(sql: Sql) {
	return async (ctx: StepContext) => {
		const channel = `release_${ctx.job.id.replaceAll('-', '')}`;
		let release!: () => void;
		const released = new Promise<void>((r) => (release = r));
		const { unlisten } = await sql.listen(channel, () => release());
		await ctx.highlight(`waiting (attempt ${ctx.attempt})`);
		await released;
		await unlisten();
	};
}

export const releaseChannel = (jobId: string) => `release_${jobId.replaceAll('-', '')}`;

export function testPipelines(sql: Sql): Pipeline[] {
	return [
		{
			name: 'test-flaky',
			phases: [
				{ name: 'one', ticker: ['Working…'], steps: [ran('s1'), ran('s2')] },
				{
					name: 'two',
					ticker: ['Still working…'],
					steps: [
						{
							name: 's3',
							async run(ctx) {
								await ctx.highlight(`ran s3 (attempt ${ctx.attempt})`);
								if (ctx.attempt === 1) throw new Error('s3 failed on its first attempt');
								return { s1: ctx.outputs.s1, s2: ctx.outputs.s2 };
							}
						},
						ran('s4')
					]
				}
			],
			summary: (outputs) => ({ s3: outputs.s3 })
		},
		{
			name: 'test-doomed',
			phases: [
				{
					name: 'one',
					ticker: [],
					steps: [
						ran('s1'),
						{
							name: 's2',
							async run() {
								throw new Error('The posting could not be read: it is empty.');
							}
						}
					]
				}
			]
		},
		{
			// Blocks in s2 until released; used for cancellation, concurrency, crash and drain tests.
			name: 'test-gated',
			userConcurrency: 1,
			phases: [
				{
					name: 'one',
					ticker: [],
					steps: [
						ran('s1'),
						{
							name: 's2',
							async run(ctx) {
								await ctx.highlight(`ran s2 (attempt ${ctx.attempt})`);
								await waitForRelease(sql)(ctx);
								return { released: true };
							}
						}
					]
				},
				{ name: 'two', ticker: [], steps: [ran('s3'), ran('s4')] }
			]
		},
		{
			name: 'test-noop',
			phases: [{ name: 'one', ticker: [], steps: [] }]
		},
		{
			// Blocks in s2 until released, with s3 in the same phase: a cancel request is seen at a
			// step boundary that enters no new phase.
			name: 'test-gated-one-phase',
			phases: [
				{
					name: 'one',
					ticker: [],
					steps: [
						{
							name: 's1',
							async run(ctx) {
								await waitForRelease(sql)(ctx);
								return null;
							}
						},
						ran('s2')
					]
				}
			]
		},
		{
			// Short jobs fetched several at a time: their claims and completions go out together.
			name: 'test-batch',
			batchSize: 10,
			phases: [{ name: 'one', ticker: [], steps: [] }],
			summary: () => ({ batch: true })
		}
	];
}
