import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	documentJobs,
	llmCalls,
	tailoredProfiles,
	usageCounters
} from '../../src/lib/server/db/schema';
import { replaceCareer } from '../../src/lib/server/domain/career';
import { LimitReachedError, NotFoundError } from '../../src/lib/server/domain/errors';
import { createOpportunity } from '../../src/lib/server/domain/opportunities';
import { getProfile } from '../../src/lib/server/domain/profiles';
import { startTailor } from '../../src/lib/server/domain/tailor';
import { getUsage } from '../../src/lib/server/domain/usage';
import type { TailorEngine } from '../../src/lib/server/engines/engine';
import { createLocalEngine } from '../../src/lib/server/engines/local/engine';
import type { JobEngine } from '../../src/lib/server/jobs/engine';
import type { JobEvent } from '../../src/lib/schemas/jobs';
import type { Pipeline } from '../../src/lib/server/jobs/pipeline';
import { resumePipeline } from '../../src/lib/server/pipelines/resume';
import { tailorPipeline } from '../../src/lib/server/pipelines/tailor';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { collect, createUser, highlights, startEngine, terminal } from '../helpers/engine';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const career = JSON.parse(fixture('careers/ines-varga.json'));
const posting = fixture('postings/tern-senior-data-scientist.txt');

let t: TestDatabase;
let jobs: JobEngine;
const local = createLocalEngine();
let evaluationFails = false;
let failCompleteOnce: 'inside' | null = null;

/** The local engine, with an evaluation that can be made to fail. */
const engine: TailorEngine = {
	...local,
	name: 'local',
	model: 'local',
	evaluate: (input, ctx) =>
		evaluationFails ? Promise.reject(new Error('judge unavailable')) : local.evaluate(input, ctx)
};

/** The tailor pipeline, with a complete-job step that can fail once inside its transaction. */
function pipelineUnderTest(): Pipeline {
	const pipeline = tailorPipeline(engine, 2);
	const index = pipeline.steps.findIndex((s) => s.name === 'complete-job');
	const original = pipeline.steps[index]!;
	if (!original.transactional) throw new Error('complete-job should be transactional');
	pipeline.steps[index] = original.wrap(async (ctx, run) => {
		const result = await run();
		if (failCompleteOnce === 'inside' && ctx.attempt === 1)
			throw new Error('crashed before commit');
		return result;
	});
	return pipeline;
}

let user: string;
let limit = 50;
const tailor = (opportunityId: string, options: { regenerate?: boolean; share?: boolean } = {}) =>
	startTailor(t.db, jobs, limit, user, opportunityId, options);

async function newOpportunity() {
	return createOpportunity(t.db, user, { description: posting });
}

async function run(jobId: string): Promise<JobEvent[]> {
	return collect(jobs, jobId);
}

beforeAll(async () => {
	t = await testDatabase();
	jobs = await startEngine(t, { pipelines: [pipelineUnderTest(), resumePipeline()], retries: 2 });
	user = await createUser(t, 'ines');
	await replaceCareer(t.db, user, career);
});

describe('the tailor job', () => {
	it('runs its phases in order with highlights and stores a grounded profile', async () => {
		const opp = await newOpportunity();
		const start = await tailor(opp.id);
		expect(start.kind).toBe('job');
		const events = await run((start as { jobId: string }).jobId);
		const final = terminal(events);
		expect(final.payload.status).toBe('completed');
		const phases = events.filter((e) => e.type === 'phase').map((e) => e.payload.phase);
		expect(phases).toEqual(['analyzing', 'generating', 'evaluating']);
		expect(highlights(events).length).toBeGreaterThanOrEqual(2);
		expect(highlights(events)[0]).toMatch(/^Tailoring for /);

		const summary = final.payload.summary as {
			profileId: string;
			opportunityId: string;
			title: string;
		};
		expect(summary).toMatchObject({ opportunityId: opp.id, title: opp.title });
		const profile = await getProfile(t.db, user, summary.profileId);
		expect(profile.talkingPoints.length).toBeGreaterThan(0);
		for (const point of profile.talkingPoints) expect(point.evidence.length).toBeGreaterThan(0);
		expect(profile.evaluation.grounding.passed).toBe(true);
		expect(profile.narrativeSentences.every((s) => s.claimIds.length > 0)).toBe(true);
		expect((await getUsage(t.db, user, limit)).used).toBe(1);
	});

	it('answers from the stored profile without a job when one exists', async () => {
		const opp = await newOpportunity();
		const first = await tailor(opp.id);
		await run((first as { jobId: string }).jobId);
		const before = await t.db.select().from(documentJobs).where(eq(documentJobs.userId, user));
		const again = await tailor(opp.id);
		expect(again.kind).toBe('cached');
		expect((again as { profile: { opportunityId: string } }).profile.opportunityId).toBe(opp.id);
		const after = await t.db.select().from(documentJobs).where(eq(documentJobs.userId, user));
		expect(after.length).toBe(before.length);
	});

	it('regenerates: the profile keeps its id, takes a new version and is counted again', async () => {
		const opp = await newOpportunity();
		const first = await tailor(opp.id);
		const firstId = (
			terminal(await run((first as { jobId: string }).jobId)).payload.summary as {
				profileId: string;
			}
		).profileId;
		const used = (await getUsage(t.db, user, limit)).used;
		const second = await tailor(opp.id, { regenerate: true });
		expect(second.kind).toBe('job');
		const events = await run((second as { jobId: string }).jobId);
		const secondId = (terminal(events).payload.summary as { profileId: string }).profileId;
		expect(secondId).toBe(firstId);
		expect((await getProfile(t.db, user, firstId)).version).toBe(2);
		const rows = await t.db
			.select()
			.from(tailoredProfiles)
			.where(and(eq(tailoredProfiles.userId, user), eq(tailoredProfiles.opportunityId, opp.id)));
		expect(rows.map((r) => r.id)).toEqual([secondId]);
		expect((await getUsage(t.db, user, limit)).used).toBe(used + 1);
	});

	it('does not start a second job for an opportunity already being tailored', async () => {
		const opp = await newOpportunity();
		const [a, b] = await Promise.all([tailor(opp.id), tailor(opp.id)]);
		const jobId = a.kind === 'job' ? a.jobId : (b as { jobId: string }).jobId;
		// The second answer is the same job, or (when that job was quick enough to finish first)
		// the profile it made: never a second job.
		for (const answer of [a, b]) {
			if (answer.kind === 'job') expect(answer.jobId).toBe(jobId);
			else expect(answer.profile.opportunityId).toBe(opp.id);
		}
		const jobsFor = await t.db
			.select()
			.from(documentJobs)
			.where(eq(documentJobs.opportunityId, opp.id));
		expect(jobsFor.map((j) => j.id)).toEqual([jobId]);
		await run(jobId);
	});

	it('refuses to start a job once the monthly limit is reached, before any job exists', async () => {
		const opp = await newOpportunity();
		limit = (await getUsage(t.db, user, 1000)).used;
		const jobsBefore = (await t.db.select().from(documentJobs).where(eq(documentJobs.userId, user)))
			.length;
		await expect(tailor(opp.id)).rejects.toBeInstanceOf(LimitReachedError);
		const jobsAfter = (await t.db.select().from(documentJobs).where(eq(documentJobs.userId, user)))
			.length;
		expect(jobsAfter).toBe(jobsBefore);
		limit = 50;
	});

	it('completes with the profile when the evaluation fails', async () => {
		evaluationFails = true;
		try {
			const opp = await newOpportunity();
			const start = await tailor(opp.id);
			const events = await run((start as { jobId: string }).jobId);
			expect(terminal(events).payload.status).toBe('completed');
			expect(highlights(events)).toContain(
				'Quality checks could not run this time; your profile is ready'
			);
			const profileId = (terminal(events).payload.summary as { profileId: string }).profileId;
			const profile = await getProfile(t.db, user, profileId);
			expect(profile.talkingPoints.length).toBeGreaterThan(0);
			expect(profile.evaluation.model).toBe('none');
		} finally {
			evaluationFails = false;
		}
	});

	it('counts usage once when complete-job fails inside its transaction and is retried', async () => {
		failCompleteOnce = 'inside';
		try {
			const before = (await getUsage(t.db, user, limit)).used;
			const opp = await newOpportunity();
			const start = await tailor(opp.id);
			const events = await run((start as { jobId: string }).jobId);
			expect(terminal(events).payload.status).toBe('completed');
			expect(events.some((e) => e.payload.retrying)).toBe(true);
			expect((await getUsage(t.db, user, limit)).used).toBe(before + 1);
		} finally {
			failCompleteOnce = null;
		}
	});

	it('keeps usage counted once per profile across all of the above', async () => {
		const [counter] = await t.db.select().from(usageCounters).where(eq(usageCounters.userId, user));
		const profiles = await t.db
			.select()
			.from(tailoredProfiles)
			.where(eq(tailoredProfiles.userId, user));
		const regenerated = 1; // the regenerate test counted a second version of one profile
		expect(counter!.profilesCreated).toBe(profiles.length + regenerated);
	});

	it('makes a share link when asked to, and records no model calls for the local engine', async () => {
		const opp = await newOpportunity();
		const start = await tailor(opp.id, { share: true });
		const summary = terminal(await run((start as { jobId: string }).jobId)).payload.summary as {
			shareToken?: string;
		};
		expect(summary.shareToken).toMatch(/^[\w-]{32}$/);
		expect(await t.db.select().from(llmCalls)).toEqual([]);
	});

	it('does not tailor another user’s opportunity, nor tell that it exists', async () => {
		const opp = await newOpportunity();
		const other = await createUser(t, 'other');
		await expect(startTailor(t.db, jobs, 50, other, opp.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('says plainly that a posting in another language is not supported yet', async () => {
		const opp = await createOpportunity(t.db, user, {
			description:
				'Pflegefachkraft (m/w/d)\n\nWir suchen eine erfahrene Pflegefachkraft für unsere Station. Ihre Aufgaben sind die Betreuung der Patienten, die Dokumentation und die Anleitung neuer Kolleginnen im Team.\n\nIhr Profil:\n- abgeschlossene Ausbildung\n- mindestens drei Jahre Berufserfahrung'
		});
		const final = terminal(await run(((await tailor(opp.id)) as { jobId: string }).jobId));
		expect(final.payload).toMatchObject({
			status: 'failed',
			error: 'Only English postings are supported for now: paste the posting in English.'
		});
	});

	it('fails with a readable error when the career record is empty', async () => {
		const empty = await createUser(t, 'empty');
		const opp = await createOpportunity(t.db, empty, { description: posting });
		const start = await startTailor(t.db, jobs, 50, empty, opp.id);
		const final = terminal(await run((start as { jobId: string }).jobId));
		expect(final.payload).toMatchObject({
			status: 'failed',
			error: 'Your career record is empty: import your resume first.'
		});
	});
});

describe('the resume job', () => {
	it('turns a pasted resume into the career record', async () => {
		const person = await createUser(t, 'pasted');
		const text = [
			'Sam Rivera',
			'sam@example.com',
			'',
			'Experience',
			'Data Engineer, Lakeside Logistics (2019 - Present)',
			'- Built streaming pipelines in Kafka processing 2M events a day',
			'- Cut warehouse costs by 30% by moving reports to dbt',
			'',
			'Skills: Python, SQL, Kafka, dbt'
		].join('\n');
		const job = await jobs.enqueue({ userId: person, type: 'resume', input: { text } });
		const events = await run(job.id);
		const final = terminal(events);
		expect(final.payload.status).toBe('completed');
		expect(events.filter((e) => e.type === 'phase').map((e) => e.payload.phase)).toEqual([
			'parsing',
			'extracting'
		]);
		expect((final.payload.summary as { claims: number }).claims).toBeGreaterThanOrEqual(4);
	});
});
