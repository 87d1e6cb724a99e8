import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claims, documentJobs, profileVersions } from '../../src/lib/server/db/schema';
import { replaceCareer } from '../../src/lib/server/domain/career';
import { NotFoundError } from '../../src/lib/server/domain/errors';
import { exportProfile } from '../../src/lib/server/export';
import { createOpportunity, deleteOpportunity } from '../../src/lib/server/domain/opportunities';
import {
	readProfile,
	revertProfileField,
	updateProfile
} from '../../src/lib/server/domain/profile-edits';
import {
	getProfileVersion,
	listVersions,
	restoreVersion
} from '../../src/lib/server/domain/profile-versions';
import { createShareLink, sharedProfile } from '../../src/lib/server/domain/share';
import { startTailor } from '../../src/lib/server/domain/tailor';
import { getUsage } from '../../src/lib/server/domain/usage';
import type { TailorEngine } from '../../src/lib/server/engines/engine';
import { createLocalEngine } from '../../src/lib/server/engines/local/engine';
import type { JobEngine } from '../../src/lib/server/jobs/engine';
import { PermanentJobError } from '../../src/lib/server/jobs/pipeline';
import { tailorPipeline } from '../../src/lib/server/pipelines/tailor';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { collect, createUser, startEngine, terminal } from '../helpers/engine';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const career = JSON.parse(fixture('careers/ines-varga.json'));
const posting = fixture('postings/tern-senior-data-scientist.txt');

type Method = 'talkingPoints' | 'narrative' | 'resume' | 'evaluate';

/**
 * The local engine with a call count per method, a gate that holds one method until the test
 * releases it (telling the test, by a promise, when the method has been entered), and a method
 * that can be made to fail for good.
 */
const local = createLocalEngine();
const calls: Record<Method, number> = { talkingPoints: 0, narrative: 0, resume: 0, evaluate: 0 };
let gate: { method: Method; entered: () => void; release: Promise<void> } | null = null;
let failing: Method | null = null;

function hold(method: Method) {
	let entered!: () => void;
	let release!: () => void;
	const reached = new Promise<void>((r) => (entered = r));
	gate = { method, entered, release: new Promise<void>((r) => (release = r)) };
	return { reached, release: () => release() };
}

async function through<T>(method: Method, run: () => Promise<T>): Promise<T> {
	calls[method]++;
	if (gate?.method === method) {
		const g = gate;
		gate = null;
		g.entered();
		await g.release;
	}
	if (failing === method) throw new PermanentJobError(`the ${method} step cannot run`);
	return run();
}

const engine: TailorEngine = {
	...local,
	talkingPoints: (input, ctx) => through('talkingPoints', () => local.talkingPoints(input, ctx)),
	narrative: (input, ctx) => through('narrative', () => local.narrative(input, ctx)),
	resume: (input, ctx) => through('resume', () => local.resume(input, ctx)),
	evaluate: (input, ctx) => through('evaluate', () => local.evaluate(input, ctx))
};

let t: TestDatabase;
let jobs: JobEngine;
let user: string;

beforeAll(async () => {
	t = await testDatabase();
	jobs = await startEngine(t, { pipelines: [tailorPipeline(engine, 2)], retries: 1 });
	user = await createUser(t, 'versions');
	await replaceCareer(t.db, user, career);
});

afterEach(() => {
	gate = null;
	failing = null;
});

const jobIdOf = (start: Awaited<ReturnType<typeof startTailor>>) => {
	if (start.kind !== 'job') throw new Error('expected a job');
	return start.jobId;
};

/** A new opportunity with a finished first profile and a share link that follows it. */
async function profiled() {
	const opp = await createOpportunity(t.db, user, { description: posting });
	const events = await collect(jobs, jobIdOf(await startTailor(t.db, jobs, 50, user, opp.id)));
	const { profileId } = terminal(events).payload.summary as { profileId: string };
	const link = await createShareLink(t.db, user, profileId);
	return { opp, profileId, token: link.token };
}

const regenerate = (opportunityId: string) =>
	startTailor(t.db, jobs, 50, user, opportunityId, { regenerate: true }).then(jobIdOf);

describe('regenerating a profile', () => {
	it('keeps the current version readable, editable and shared while it runs; cancel leaves it as it was and counts nothing', async () => {
		const { opp, profileId, token } = await profiled();
		const before = await readProfile(t.db, user, profileId);
		const used = (await getUsage(t.db, user, 50)).used;

		const held = hold('resume');
		const jobId = await regenerate(opp.id);
		await held.reached;
		// Mid-job: the profile, its URL's id and its share link all still answer, and it can be edited.
		expect((await readProfile(t.db, user, profileId)).narrative).toBe(before.narrative);
		expect((await sharedProfile(t.db, token)).view.id).toBe(profileId);
		const edited = `${before.narrative} I enjoy this work.`;
		await updateProfile(t.db, user, profileId, { narrative: edited });

		expect(await jobs.cancel(user, jobId)).toBe('cancelling');
		held.release();
		expect(terminal(await collect(jobs, jobId)).payload.status).toBe('cancelled');

		const after = await readProfile(t.db, user, profileId);
		expect(after.id).toBe(profileId);
		expect(after.version).toBe(1);
		expect(after.narrative).toBe(edited);
		expect(after.talkingPoints).toEqual(before.talkingPoints);
		expect((await sharedProfile(t.db, token)).view.narrative).toBe(edited);
		expect((await listVersions(t.db, user, profileId)).map((v) => v.version)).toEqual([1]);
		expect((await getUsage(t.db, user, 50)).used).toBe(used);
	});

	it('leaves the current version untouched when the regeneration fails, and drops its draft', async () => {
		const { opp, profileId, token } = await profiled();
		const before = await readProfile(t.db, user, profileId);
		const used = (await getUsage(t.db, user, 50)).used;
		failing = 'resume';
		const jobId = await regenerate(opp.id);
		expect(terminal(await collect(jobs, jobId)).payload.status).toBe('failed');
		const after = await readProfile(t.db, user, profileId);
		expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
		expect((await sharedProfile(t.db, token)).view.version).toBe(1);
		expect(
			await t.db.select().from(profileVersions).where(eq(profileVersions.profileId, profileId))
		).toEqual([]);
		expect((await getUsage(t.db, user, 50)).used).toBe(used);
	});

	it('switches to the new version on success: same id, the old version listed, links follow or stay pinned', async () => {
		const { opp, profileId, token } = await profiled();
		const edited = `${(await readProfile(t.db, user, profileId)).narrative} I enjoy this work.`;
		await updateProfile(t.db, user, profileId, { narrative: edited });
		const pinned = await createShareLink(t.db, user, profileId, 1);
		const used = (await getUsage(t.db, user, 50)).used;

		const jobId = await regenerate(opp.id);
		const final = terminal(await collect(jobs, jobId));
		expect(final.payload.status).toBe('completed');
		expect(final.payload.summary).toMatchObject({ profileId, version: 2 });
		expect((await getUsage(t.db, user, 50)).used).toBe(used + 1);

		const current = await readProfile(t.db, user, profileId);
		expect(current.version).toBe(2);
		expect(current.editedFields).toEqual([]);
		expect(current.narrative).not.toBe(edited);
		const versions = await listVersions(t.db, user, profileId);
		expect(versions.map((v) => [v.version, v.current, v.edited])).toEqual([
			[2, true, false],
			[1, false, true]
		]);
		// The earlier version is kept whole, edits included.
		expect((await getProfileVersion(t.db, user, profileId, 1)).narrative).toBe(edited);
		expect((await sharedProfile(t.db, token)).view.version).toBe(2);
		expect((await sharedProfile(t.db, pinned.token)).view.narrative).toBe(edited);

		// Restoring swaps the two; each keeps its number, so the pinned link still shows version 1.
		await restoreVersion(t.db, user, profileId, 1);
		const restored = await readProfile(t.db, user, profileId);
		expect([restored.version, restored.narrative]).toEqual([1, edited]);
		expect(restored.editedFields).toEqual(['narrative']);
		expect((await listVersions(t.db, user, profileId)).map((v) => [v.version, v.current])).toEqual([
			[2, false],
			[1, true]
		]);
		expect((await sharedProfile(t.db, pinned.token)).view.narrative).toBe(edited);
		expect((await sharedProfile(t.db, token)).view.version).toBe(1);
		await expect(restoreVersion(t.db, user, profileId, 7)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('shows another user neither the versions nor that they exist', async () => {
		const { profileId } = await profiled();
		const other = await createUser(t, 'other');
		await expect(listVersions(t.db, other, profileId)).rejects.toBeInstanceOf(NotFoundError);
		await expect(getProfileVersion(t.db, other, profileId, 1)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(restoreVersion(t.db, other, profileId, 1)).rejects.toBeInstanceOf(NotFoundError);
		await expect(createShareLink(t.db, other, profileId, 1)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('edits are checked', () => {
	it('an edited narrative that claims an invented skill shows in the evaluation at once, as the person’s edit', async () => {
		const { profileId } = await profiled();
		const generated = await readProfile(t.db, user, profileId);
		expect(generated.evaluation.grounding.passed).toBe(true);

		const view = await updateProfile(t.db, user, profileId, {
			narrative: `${generated.narrative} I also rebuilt our platform in Terraform and Rust.`
		});
		expect(view.evaluation.grounding.passed).toBe(false);
		expect(view.evaluation.passed).toBe(false);
		const flagged = view.evaluation.grounding.hallucinations.filter((h) => h.origin === 'edit');
		expect(flagged.map((h) => h.text).sort()).toEqual(['Rust', 'Terraform']);
		expect(flagged.every((h) => /your edit to the narrative/.test(h.reason))).toBe(true);
		// Every reader sees the same evaluation: a later read, and the JSON export.
		expect((await readProfile(t.db, user, profileId)).evaluation.grounding.passed).toBe(false);

		// A grounded edit passes: a sentence built from the record's own facts.
		const grounded = await updateProfile(t.db, user, profileId, {
			narrative: `${generated.narrative} I enjoy this work.`
		});
		expect(grounded.evaluation.grounding.passed).toBe(true);

		await updateProfile(t.db, user, profileId, {
			narrative: `${generated.narrative} I led 40 engineers.`
		});
		const reverted = await revertProfileField(t.db, user, profileId, 'narrative');
		expect(reverted.evaluation.grounding.passed).toBe(true);
		expect(reverted.evaluation.grounding.hallucinations).toEqual([]);
	});

	it('checks an edited resume line against the record', async () => {
		const { profileId } = await profiled();
		const view = await readProfile(t.db, user, profileId);
		const resume = structuredClone(view.resume);
		const entry = resume.work![0]!;
		entry.highlights = [...(entry.highlights ?? []), 'Ran the Kubernetes estate for 300 services'];
		const edited = await updateProfile(t.db, user, profileId, { resume });
		const flagged = edited.evaluation.grounding.hallucinations.filter((h) => h.origin === 'edit');
		expect(flagged.map((h) => h.text)).toEqual(expect.arrayContaining(['Kubernetes', '300']));
		expect((await exportProfile(edited, 'json-resume')).content).toContain('Kubernetes');
	});
});

describe('re-importing the career record', () => {
	/** The career with the fact at an RFC 6901 pointer reworded. */
	function reworded(pointer: string) {
		const copy = structuredClone(career);
		const keys = pointer.split('/').slice(1);
		const last = keys.pop()!;
		const parent = keys.reduce((node, key) => node[key], copy);
		parent[last] = `${parent[last]} (reworded)`;
		return copy;
	}

	it('keeps the old evidence readable and marks the profile as based on an earlier record', async () => {
		const person = await createUser(t, 'reimport');
		await replaceCareer(t.db, person, career);
		const opp = await createOpportunity(t.db, person, { description: posting });
		const events = await collect(jobs, jobIdOf(await startTailor(t.db, jobs, 50, person, opp.id)));
		const { profileId } = terminal(events).payload.summary as { profileId: string };
		const before = await readProfile(t.db, person, profileId);
		expect(before.recordOutdated).toBe(false);
		const evidence = before.talkingPoints[0]!.evidence[0]!;

		await replaceCareer(t.db, person, reworded(evidence.sourcePath!));
		const after = await readProfile(t.db, person, profileId);
		expect(after.recordOutdated).toBe(true);
		expect(after.talkingPoints[0]!.evidence[0]).toEqual(evidence);
		// The cited fact is still there to read by its id, though it left the record.
		const [kept] = await t.db.select().from(claims).where(eq(claims.id, evidence.claimId));
		expect(kept!.text).toBe(evidence.text);
		expect(kept!.retiredAt).toBeInstanceOf(Date);
		// The cached answer says so too.
		const cached = await startTailor(t.db, jobs, 50, person, opp.id);
		expect(cached.kind === 'cached' && cached.profile.recordOutdated).toBe(true);

		// Regenerating uses the current record; the earlier version stays listed as outdated.
		await collect(
			jobs,
			jobIdOf(await startTailor(t.db, jobs, 50, person, opp.id, { regenerate: true }))
		);
		expect((await readProfile(t.db, person, profileId)).recordOutdated).toBe(false);
		expect(
			(await listVersions(t.db, person, profileId)).map((v) => [v.version, v.recordOutdated])
		).toEqual([
			[2, false],
			[1, true]
		]);
	});
});

describe('deleting an opportunity while its job runs', () => {
	it('cancels the job at the next step boundary: no further engine call', async () => {
		const opp = await createOpportunity(t.db, user, { description: posting });
		const held = hold('talkingPoints');
		const jobId = jobIdOf(await startTailor(t.db, jobs, 50, user, opp.id));
		await held.reached;
		const before = { ...calls };
		await deleteOpportunity(t.db, user, opp.id);
		held.release();
		const final = terminal(await collect(jobs, jobId));
		expect(final.payload.status).toBe('cancelled');
		expect(calls).toEqual(before);
		const [row] = await t.db
			.select()
			.from(documentJobs)
			.where(and(eq(documentJobs.id, jobId), eq(documentJobs.userId, user)));
		expect(row!.status).toBe('cancelled');
	});

	it('cancels a job still waiting at once', async () => {
		const opp = await createOpportunity(t.db, user, { description: posting });
		// A job row no worker has taken yet (its queued run, when it comes, finds it ended).
		const [job] = await t.db
			.insert(documentJobs)
			.values({ userId: user, jobType: 'tailor', opportunityId: opp.id, input: {} })
			.returning();
		await deleteOpportunity(t.db, user, opp.id);
		const [row] = await t.db.select().from(documentJobs).where(eq(documentJobs.id, job!.id));
		expect(row!.status).toBe('cancelled');
		expect(terminal(await collect(jobs, job!.id)).payload.status).toBe('cancelled');
	});
});
