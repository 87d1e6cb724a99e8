import type { Sql } from '../../src/lib/server/db/client';
import {
	Steps,
	type Phase,
	type Pipeline,
	type StepContext
} from '../../src/lib/server/jobs/pipeline';

/**
 * Pipelines that prove the job engine. Each step announces that it ran with a highlight, so a
 * test reads from the job's own events how often each step ran.
 */
const ran =
	<T>(name: string, output: T) =>
	async (ctx: StepContext) => {
		await ctx.highlight(`ran ${name} (attempt ${ctx.attempt})`);
		return output;
	};

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

const phase = (name: string, ticker: string[] = []): Phase => ({ name, label: name, ticker });

/** A pipeline of one phase and no steps: its jobs are claimed and completed, nothing else. */
export const emptyPipeline = (name: string, batchSize?: number): Pipeline => ({
	name,
	batchSize,
	phases: [phase('one')],
	steps: []
});

function flaky(): Pipeline {
	const one = phase('one', ['Working…']);
	const two = phase('two', ['Still working…']);
	const steps = new Steps();
	const s1 = steps.add(one, 's1', ran('s1', { from: 's1' }));
	const s2 = steps.add(one, 's2', ran('s2', { from: 's2' }));
	const s3 = steps.add(two, 's3', async (ctx) => {
		await ctx.highlight(`ran s3 (attempt ${ctx.attempt})`);
		if (ctx.attempt === 1) throw new Error('s3 failed on its first attempt');
		return { s1: ctx.get(s1), s2: ctx.get(s2) };
	});
	steps.add(two, 's4', ran('s4', { from: 's4' }));
	return {
		name: 'test-flaky',
		phases: [one, two],
		steps: steps.list,
		summary: (get) => ({ s3: get(s3) })
	};
}

function doomed(): Pipeline {
	const one = phase('one');
	const steps = new Steps();
	steps.add(one, 's1', ran('s1', { from: 's1' }));
	steps.add(one, 's2', async () => {
		throw new Error('The posting could not be read: it is empty.');
	});
	return { name: 'test-doomed', phases: [one], steps: steps.list };
}

/** Blocks in s2 until released; used for cancellation, concurrency, crash and drain tests. */
function gated(sql: Sql): Pipeline {
	const one = phase('one');
	const two = phase('two');
	const steps = new Steps();
	steps.add(one, 's1', ran('s1', { from: 's1' }));
	steps.add(one, 's2', async (ctx) => {
		await ctx.highlight(`ran s2 (attempt ${ctx.attempt})`);
		await waitForRelease(sql)(ctx);
		return { released: true };
	});
	steps.add(two, 's3', ran('s3', { from: 's3' }));
	steps.add(two, 's4', ran('s4', { from: 's4' }));
	return { name: 'test-gated', userConcurrency: 1, phases: [one, two], steps: steps.list };
}

/**
 * Blocks in s1 until released, with s2 in the same phase: a cancel request is seen at a step
 * boundary that enters no new phase.
 */
function gatedOnePhase(sql: Sql): Pipeline {
	const one = phase('one');
	const steps = new Steps();
	steps.add(one, 's1', async (ctx) => {
		await waitForRelease(sql)(ctx);
		return null;
	});
	steps.add(one, 's2', ran('s2', { from: 's2' }));
	return { name: 'test-gated-one-phase', phases: [one], steps: steps.list };
}

export function testPipelines(sql: Sql): Pipeline[] {
	return [
		flaky(),
		doomed(),
		gated(sql),
		emptyPipeline('test-noop'),
		gatedOnePhase(sql),
		// Short jobs fetched several at a time: their claims and completions go out together.
		{ ...emptyPipeline('test-batch', 10), summary: () => ({ batch: true }) }
	];
}
