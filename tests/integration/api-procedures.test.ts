import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	failure,
	finished,
	inesResume,
	signUp,
	startApi,
	ternPosting,
	type Account,
	type ApiServer
} from '../helpers/api';

// Every procedure of SPEC §7 over real HTTP against the built server: a success, a malformed
// input (BAD_REQUEST, never a 500) and another user's id (NOT_FOUND, never FORBIDDEN).

let api: ApiServer;
let ines: Account;
let other: Account;
let profileId: string;
let opportunityId: string;

const missing = randomUUID();

beforeAll(async () => {
	api = await startApi();
	[ines, other] = await Promise.all([signUp(api.url, 'ines'), signUp(api.url, 'other')]);
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
	const started = await ines.client.opportunities.addAndTailor.mutate({
		opportunity: { description: ternPosting }
	});
	opportunityId = started.opportunityId;
	const job = await finished(ines.client, started.jobId);
	expect(job.status).toBe('completed');
	profileId = job.profileId!;
});

describe('career', () => {
	it('importJsonResume replaces the record and counts items and claims', async () => {
		const counts = await other.client.career.importJsonResume.mutate({ resume: inesResume });
		expect(counts.items).toBeGreaterThan(3);
		expect(counts.claims).toBeGreaterThan(counts.items);
		const again = await other.client.career.importJsonResume.mutate({ resume: inesResume });
		expect(again).toEqual(counts);
	});

	it('importJsonResume names the path of an invalid document', async () => {
		const bad = { ...inesResume, work: [{ name: 'Acme', startDate: 'last spring' }] };
		const e = await failure(ines.client.career.importJsonResume.mutate({ resume: bad }));
		expect(e.code).toBe('BAD_REQUEST');
		expect(e.message).toContain('/work/0/startDate');
		expect(e.data?.issues?.[0]?.path).toBe('/work/0/startDate');
		const notObject = await failure(
			ines.client.career.importJsonResume.mutate({ resume: 'nope' as never })
		);
		expect(notObject.code).toBe('BAD_REQUEST');
		expect(notObject.data?.zodError).toBeTruthy();
	});

	it('importText starts a resume job that fills the record', async () => {
		const fresh = await signUp(api.url, 'texter');
		const { jobId } = await fresh.client.career.importText.mutate({
			text: 'Mara Quist\nData Analyst\n\nExperience\n\nAnalyst, Northwind (2019 - 2023)\n- Built Looker dashboards used by 40 managers\n- Cut reporting time by 30% with SQL models\n\nSkills\nSQL, Python, Looker'
		});
		const job = await finished(fresh.client, jobId);
		expect(job.type).toBe('resume');
		expect(job.status).toBe('completed');
		expect((await fresh.client.career.get.query()).claims.length).toBeGreaterThan(0);
	});

	it('importText refuses an empty or oversized text', async () => {
		expect((await failure(ines.client.career.importText.mutate({ text: '  ' }))).code).toBe(
			'BAD_REQUEST'
		);
		const huge = 'x'.repeat(100_001);
		expect((await failure(ines.client.career.importText.mutate({ text: huge }))).code).toBe(
			'BAD_REQUEST'
		);
	});

	it('get and exportJsonResume return only the caller’s record', async () => {
		const record = await ines.client.career.get.query();
		expect(record.claims.some((c) => c.sourcePath === '/work/0/highlights/0')).toBe(true);
		const exported = await ines.client.career.exportJsonResume.query();
		expect((exported.basics as { name?: string }).name).toBe('Ines Varga');
		const stranger = await signUp(api.url, 'stranger');
		expect(await stranger.client.career.get.query()).toEqual({ items: [], claims: [] });
		expect(await stranger.client.career.exportJsonResume.query()).toEqual({});
	});
});

describe('claims', () => {
	it('create, update and delete a claim of one’s own', async () => {
		const claim = await ines.client.claims.create.mutate({ text: 'Taught SQL to 12 analysts' });
		expect(claim).toMatchObject({ kind: 'highlight', sourcePath: null });
		expect(claim.skills).toContain('SQL');
		const updated = await ines.client.claims.update.mutate({ id: claim.id, text: 'Taught Python' });
		expect(updated.text).toBe('Taught Python');
		expect(await ines.client.claims.delete.mutate({ id: claim.id })).toEqual({ id: claim.id });
	});

	it('refuses malformed input', async () => {
		const c = ines.client.claims;
		expect((await failure(c.create.mutate({ text: '' }))).code).toBe('BAD_REQUEST');
		expect((await failure(c.create.mutate({ text: 'x', kind: 'boast' as never }))).code).toBe(
			'BAD_REQUEST'
		);
		expect((await failure(c.update.mutate({ id: 'not-a-uuid', text: 'x' }))).code).toBe(
			'BAD_REQUEST'
		);
		expect((await failure(c.update.mutate({ id: missing }))).code).toBe('BAD_REQUEST');
		expect((await failure(c.delete.mutate({ id: '42' }))).code).toBe('BAD_REQUEST');
	});

	it('another user’s claim is not found', async () => {
		const [theirs] = (await ines.client.career.get.query()).claims;
		const c = other.client.claims;
		expect((await failure(c.update.mutate({ id: theirs!.id, text: 'mine now' }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await failure(c.delete.mutate({ id: theirs!.id }))).code).toBe('NOT_FOUND');
		const item = (await ines.client.career.get.query()).items[0]!;
		expect((await failure(c.create.mutate({ text: 'x', itemId: item.id }))).code).toBe('NOT_FOUND');
	});
});

describe('opportunities', () => {
	it('create parses title and company from the posting; list and get show it', async () => {
		const created = await ines.client.opportunities.create.mutate({ description: ternPosting });
		expect(created.title).toBe('Senior Data Scientist, Growth');
		expect(created.company).toBe('Tern Mobility');
		expect(created.requirements.length).toBeGreaterThan(3);
		const listed = await ines.client.opportunities.list.query();
		expect(listed.map((o) => o.id)).toContain(created.id);
		expect(await other.client.opportunities.list.query()).toEqual([]);
		const got = await ines.client.opportunities.get.query({ id: created.id });
		expect(got).toMatchObject({ id: created.id, profileId: null });
		const tailored = await ines.client.opportunities.get.query({ id: opportunityId });
		expect(tailored.profileId).toBe(profileId);
	});

	it('a given title wins; a bad URL, an empty or oversized posting is BAD_REQUEST', async () => {
		const o = ines.client.opportunities;
		const named = await o.create.mutate({
			title: 'Data Lead',
			description: ternPosting,
			url: 'https://jobs.example.com/1'
		});
		expect(named).toMatchObject({ title: 'Data Lead', url: 'https://jobs.example.com/1' });
		for (const input of [
			{ description: '' },
			{ description: 'x'.repeat(100_001) },
			{ description: 'ok', url: 'javascript:alert(1)' },
			{ description: 'ok', title: 't'.repeat(301) }
		])
			expect((await failure(o.create.mutate(input))).code).toBe('BAD_REQUEST');
		expect((await failure(o.get.query({ id: 'abc' }))).code).toBe('BAD_REQUEST');
		expect((await failure(o.delete.mutate({ id: '' }))).code).toBe('BAD_REQUEST');
	});

	it('delete removes one’s own; another user’s is not found', async () => {
		const created = await ines.client.opportunities.create.mutate({ description: ternPosting });
		expect((await failure(other.client.opportunities.get.query({ id: created.id }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await failure(other.client.opportunities.delete.mutate({ id: created.id }))).code).toBe(
			'NOT_FOUND'
		);
		await ines.client.opportunities.delete.mutate({ id: created.id });
		expect((await failure(ines.client.opportunities.get.query({ id: created.id }))).code).toBe(
			'NOT_FOUND'
		);
	});

	it('tailor answers a tailored opportunity from the stored profile, without a job', async () => {
		const before = await ines.client.jobs.list.query();
		const cached = await ines.client.opportunities.tailor.mutate({ opportunityId });
		expect(cached.kind).toBe('cached');
		if (cached.kind !== 'cached') return;
		expect(cached.profile.id).toBe(profileId);
		expect(cached.outdated).toBe(false);
		expect(cached.profile.talkingPoints.length).toBeGreaterThan(0);
		expect(await ines.client.jobs.list.query()).toEqual(before);
	});

	it('tailor with regenerate starts a job and makes the profile again', async () => {
		const created = await ines.client.opportunities.create.mutate({ description: ternPosting });
		const first = await ines.client.opportunities.tailor.mutate({ opportunityId: created.id });
		expect(first).toMatchObject({ kind: 'job', status: 'processing' });
		if (first.kind !== 'job') return;
		const job = await finished(ines.client, first.jobId);
		const again = await ines.client.opportunities.tailor.mutate({
			opportunityId: created.id,
			regenerate: true
		});
		expect(again.kind).toBe('job');
		if (again.kind !== 'job') return;
		expect(again.jobId).not.toBe(first.jobId);
		expect((await finished(ines.client, again.jobId)).status).toBe('completed');
		expect(job.summary).toMatchObject({ opportunityId: created.id });
	});

	it('tailor refuses malformed input and another user’s opportunity', async () => {
		const o = other.client.opportunities;
		expect((await failure(o.tailor.mutate({ opportunityId: 'x' }))).code).toBe('BAD_REQUEST');
		expect(
			(await failure(o.tailor.mutate({ opportunityId, regenerate: 'yes' as never }))).code
		).toBe('BAD_REQUEST');
		expect((await failure(o.tailor.mutate({ opportunityId }))).code).toBe('NOT_FOUND');
		expect((await failure(o.tailor.mutate({ opportunityId: missing }))).code).toBe('NOT_FOUND');
	});

	it('addAndTailor and addTailorShare refuse a malformed opportunity', async () => {
		const o = ines.client.opportunities;
		expect((await failure(o.addAndTailor.mutate({ opportunity: { description: '' } }))).code).toBe(
			'BAD_REQUEST'
		);
		expect((await failure(o.addTailorShare.mutate({} as never))).code).toBe('BAD_REQUEST');
	});

	it('addTailorShare makes a share link when the job completes, shown in jobs.get', async () => {
		const started = await ines.client.opportunities.addTailorShare.mutate({
			opportunity: { description: ternPosting, company: 'Tern' }
		});
		expect(started.status).toBe('processing');
		const job = await finished(ines.client, started.jobId);
		const token = job.summary?.shareToken;
		expect(typeof token).toBe('string');
		const shared = await other.client.share.view.query({ token: token as string });
		expect(shared.opportunity.company).toBe('Tern');
		// A recruiter gets the narrative and the resume, not the owner's notes or scores.
		expect(Object.keys(shared).sort()).toEqual(
			['narrative', 'narrativeSentences', 'opportunity', 'resume', 'updatedAt'].sort()
		);
		const links = await ines.client.share.list.query({ profileId: job.profileId! });
		expect(links.map((l) => l.token)).toEqual([token]);
	});
});

describe('jobs', () => {
	it('get, list and cancel the caller’s jobs', async () => {
		const jobs = await ines.client.jobs.list.query();
		expect(jobs.length).toBeGreaterThan(0);
		const [latest] = jobs;
		const job = await ines.client.jobs.get.query({ jobId: latest!.id });
		expect(job).toMatchObject({ id: latest!.id, status: 'completed' });
		expect(job.highlights.length).toBeGreaterThan(0);
		const tailors = await ines.client.jobs.list.query({ type: 'tailor', limit: 1 });
		expect(tailors).toHaveLength(1);
		const cancelled = await ines.client.jobs.cancel.mutate({ jobId: latest!.id });
		expect(cancelled.result).toBe('already-finished');
		expect(await other.client.jobs.list.query({ type: 'tailor' })).toEqual([]);
	});

	it('refuses malformed input', async () => {
		const j = ines.client.jobs;
		expect((await failure(j.get.query({ jobId: 'nope' }))).code).toBe('BAD_REQUEST');
		expect((await failure(j.list.query({ limit: 1000 }))).code).toBe('BAD_REQUEST');
		expect((await failure(j.list.query({ type: 'video' as never }))).code).toBe('BAD_REQUEST');
		expect((await failure(j.cancel.mutate({ jobId: 'nope' }))).code).toBe('BAD_REQUEST');
	});

	it('another user’s job is not found', async () => {
		const [job] = await ines.client.jobs.list.query();
		expect((await failure(other.client.jobs.get.query({ jobId: job!.id }))).code).toBe('NOT_FOUND');
		expect((await failure(other.client.jobs.cancel.mutate({ jobId: job!.id }))).code).toBe(
			'NOT_FOUND'
		);
	});
});

describe('profiles', () => {
	it('get returns the tailored profile with provenance', async () => {
		const profile = await ines.client.profiles.get.query({ profileId });
		expect(profile.opportunity.title).toBe('Senior Data Scientist, Growth');
		expect(profile.talkingPoints[0]?.evidence[0]?.claimId).toBeTruthy();
		expect(profile.engine).toBe('local');
		expect(profile.editedFields).toEqual([]);
		expect(profile.createdAt).toBeInstanceOf(Date);
	});

	it('update records edited fields, keeps the originals, and revert restores one', async () => {
		const p = ines.client.profiles;
		const original = await p.get.query({ profileId });
		const edited = await p.update.mutate({ profileId, narrative: 'I make data useful.' });
		expect(edited.narrative).toBe('I make data useful.');
		expect(edited.editedFields).toEqual(['narrative']);
		expect(edited.narrativeSentences).toEqual([{ text: 'I make data useful.', claimIds: [] }]);
		const resume = { ...original.resume, basics: { name: 'Inês Varga' } };
		const both = await p.update.mutate({ profileId, resume });
		expect(both.editedFields.sort()).toEqual(['narrative', 'resume']);
		expect((both.resume.basics as { name: string }).name).toBe('Inês Varga');
		const [row] = await api.t
			.sql`select narrative_original, resume_data_original from tailored_profiles where id = ${profileId}`;
		expect(row?.narrative_original).toBe(original.narrative);
		const reverted = await p.revert.mutate({ profileId, field: 'narrative' });
		expect(reverted.narrative).toBe(original.narrative);
		expect(reverted.narrativeSentences).toEqual(original.narrativeSentences);
		expect(reverted.editedFields).toEqual(['resume']);
		const all = await p.revert.mutate({ profileId, field: 'resume' });
		expect(all.resume).toEqual(original.resume);
		expect(all.editedFields).toEqual([]);
	});

	it('update and revert refuse malformed input', async () => {
		const p = ines.client.profiles;
		expect((await failure(p.update.mutate({ profileId }))).code).toBe('BAD_REQUEST');
		expect((await failure(p.update.mutate({ profileId, narrative: '' }))).code).toBe('BAD_REQUEST');
		const badResume = await failure(
			p.update.mutate({ profileId, resume: { work: [{ startDate: 'soon' }] } })
		);
		expect(badResume.code).toBe('BAD_REQUEST');
		expect(badResume.data?.issues?.[0]?.path).toBe('/resume/work/0/startDate');
		expect(
			(await failure(p.revert.mutate({ profileId, field: 'talkingPoints' as never }))).code
		).toBe('BAD_REQUEST');
		expect((await failure(p.get.query({ profileId: 'p1' }))).code).toBe('BAD_REQUEST');
	});

	it('export in markdown, JSON Resume and print-ready HTML with user text escaped', async () => {
		const p = ines.client.profiles;
		await p.update.mutate({
			profileId,
			narrative: 'I ship models. <script>alert("x")</script> <img src=x onerror=alert(1)>'
		});
		const html = await p.export.query({ profileId, format: 'html' });
		expect(html.contentType).toContain('text/html');
		expect(html.filename).toMatch(/\.html$/);
		expect(html.content).toContain('@media print');
		expect(html.content).not.toMatch(/<script|<img/i);
		expect(html.content).toContain('&lt;script&gt;');
		expect(html.content).toContain("default-src 'none'");
		// The resume formats hold the resume only; the notes hold the rest, for the person.
		expect(html.content).not.toMatch(/Tailored for|Talking points|Match score|support \d/);
		const md = await p.export.query({ profileId, format: 'markdown' });
		expect(md.content).toMatch(/^# Ines Varga\n/);
		expect(md.content).toContain('## Experience');
		expect(md.content).not.toMatch(/Talking points|Match score|without evidence/);
		expect(md.content).not.toMatch(/<script|<img/i);
		const notes = await p.export.query({ profileId, format: 'notes' });
		expect(notes.filename).toMatch(/\.notes\.md$/);
		expect(notes.content).toContain('## Talking points');
		expect(notes.content).toMatch(/Match score: \d+\/100/);
		expect(notes.content).not.toMatch(/<script|<img/i);
		const json = await p.export.query({ profileId, format: 'json-resume' });
		const resume = JSON.parse(json.content);
		expect(resume.basics.name).toBe('Ines Varga');
		expect(json.content).not.toContain('highlightClaimIds');
		await p.revert.mutate({ profileId, field: 'narrative' });
		expect((await failure(p.export.query({ profileId, format: 'odt' as never }))).code).toBe(
			'BAD_REQUEST'
		);
	});

	it('another user’s profile is not found', async () => {
		const p = other.client.profiles;
		expect((await failure(p.get.query({ profileId }))).code).toBe('NOT_FOUND');
		expect((await failure(p.update.mutate({ profileId, narrative: 'mine' }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await failure(p.revert.mutate({ profileId, field: 'narrative' }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await failure(p.export.query({ profileId, format: 'html' }))).code).toBe('NOT_FOUND');
		expect((await failure(p.versions.query({ profileId }))).code).toBe('NOT_FOUND');
		expect((await failure(p.version.query({ profileId, version: 1 }))).code).toBe('NOT_FOUND');
		expect((await failure(p.restore.mutate({ profileId, version: 1 }))).code).toBe('NOT_FOUND');
	});

	it('versions, version and restore: a regeneration keeps the id and lists the earlier version', async () => {
		const p = ines.client.profiles;
		const created = await ines.client.opportunities.create.mutate({ description: ternPosting });
		const first = await ines.client.opportunities.tailor.mutate({ opportunityId: created.id });
		if (first.kind !== 'job') throw new Error('expected a job');
		const id = (await finished(ines.client, first.jobId)).summary!.profileId as string;
		await p.update.mutate({ profileId: id, narrative: 'I make data useful.' });
		const again = await ines.client.opportunities.tailor.mutate({
			opportunityId: created.id,
			regenerate: true
		});
		if (again.kind !== 'job') throw new Error('expected a job');
		expect((await finished(ines.client, again.jobId)).summary).toMatchObject({
			profileId: id,
			version: 2
		});
		const versions = await p.versions.query({ profileId: id });
		expect(versions.map((v) => [v.version, v.current, v.edited])).toEqual([
			[2, true, false],
			[1, false, true]
		]);
		expect((await p.version.query({ profileId: id, version: 1 })).narrative).toBe(
			'I make data useful.'
		);
		const restored = await p.restore.mutate({ profileId: id, version: 1 });
		expect([restored.id, restored.version, restored.narrative]).toEqual([
			id,
			1,
			'I make data useful.'
		]);
		expect((await failure(p.version.query({ profileId: id, version: 9 }))).code).toBe('NOT_FOUND');
		expect((await failure(p.version.query({ profileId: id, version: 0 }))).code).toBe(
			'BAD_REQUEST'
		);
		const pinned = await ines.client.share.create.mutate({ profileId: id, version: 2 });
		expect(pinned.pinnedVersion).toBe(2);
		const seen = await other.client.share.view.query({ token: pinned.token });
		expect(seen.narrative).not.toBe('I make data useful.');
		expect(
			(await failure(ines.client.share.create.mutate({ profileId: id, version: 5 }))).code
		).toBe('NOT_FOUND');
	});
});

describe('share', () => {
	it('create, view (counted, public), list with view counts, revoke', async () => {
		const link = await ines.client.share.create.mutate({ profileId });
		expect(link.token.length).toBeGreaterThanOrEqual(22);
		expect(link.path).toBe(`/s/${link.token}`);
		// share.view needs no account at all.
		const { createTailorClient } = await import('../../src/lib/client');
		const anonymous = createTailorClient({ url: api.url });
		const seen = await anonymous.share.view.query({ token: link.token });
		expect(seen.narrative).toBeTruthy();
		expect(seen).not.toHaveProperty('evaluation');
		await anonymous.share.view.query({ token: link.token });
		const [listed] = await ines.client.share.list.query({ profileId });
		expect(listed).toMatchObject({ id: link.id, viewCount: 2, active: true });
		const revoked = await ines.client.share.revoke.mutate({ id: link.id });
		expect(revoked.active).toBe(false);
		expect((await failure(anonymous.share.view.query({ token: link.token }))).code).toBe(
			'NOT_FOUND'
		);
	});

	it('refuses malformed input', async () => {
		const s = ines.client.share;
		expect((await failure(s.create.mutate({ profileId: 'x' }))).code).toBe('BAD_REQUEST');
		expect((await failure(s.revoke.mutate({ id: 'x' }))).code).toBe('BAD_REQUEST');
		expect((await failure(s.list.query({ profileId: 'x' }))).code).toBe('BAD_REQUEST');
		expect((await failure(s.view.query({ token: 'a b<c>' }))).code).toBe('BAD_REQUEST');
		expect((await failure(s.view.query({ token: 'A'.repeat(32) }))).code).toBe('NOT_FOUND');
	});

	it('another user’s profile or link is not found', async () => {
		const link = await ines.client.share.create.mutate({ profileId });
		expect((await failure(other.client.share.create.mutate({ profileId }))).code).toBe('NOT_FOUND');
		expect((await failure(other.client.share.revoke.mutate({ id: link.id }))).code).toBe(
			'NOT_FOUND'
		);
		expect(await other.client.share.list.query()).toEqual([]);
	});
});

describe('apiKeys and usage', () => {
	it('create shows the key once; list shows its start only; revoke disables it', async () => {
		const created = await ines.browser.apiKeys.create.mutate({ name: 'ci' });
		expect(created.key).toMatch(/^tlr_/);
		const listed = await ines.browser.apiKeys.list.query();
		const row = listed.find((k) => k.id === created.id)!;
		expect(row).toMatchObject({ name: 'ci', revoked: false });
		expect(JSON.stringify(listed)).not.toContain(created.key);
		expect(created.key.startsWith(row.start!)).toBe(true);
		expect(await ines.browser.apiKeys.revoke.mutate({ id: created.id })).toEqual({
			id: created.id
		});
		expect(
			(await ines.browser.apiKeys.list.query()).find((k) => k.id === created.id)?.revoked
		).toBe(true);
	});

	it('refuses malformed input and another user’s key', async () => {
		const k = ines.browser.apiKeys;
		expect((await failure(k.create.mutate({ name: 'n'.repeat(65) }))).code).toBe('BAD_REQUEST');
		expect((await failure(k.revoke.mutate({ id: '../etc' }))).code).toBe('BAD_REQUEST');
		expect((await failure(other.client.apiKeys.revoke.mutate({ id: ines.apiKeyId }))).code).toBe(
			'NOT_FOUND'
		);
		expect((await other.client.apiKeys.list.query()).map((x) => x.id)).not.toContain(ines.apiKeyId);
	});

	it('an API key cannot create keys (a leaked key must not outlive its revocation)', async () => {
		const refused = await failure(ines.client.apiKeys.create.mutate({ name: 'more' }));
		expect(refused.code).toBe('FORBIDDEN');
		expect((await ines.client.apiKeys.list.query()).map((k) => k.name)).not.toContain('more');
	});

	it('usage counts this month’s profiles against the configured limit', async () => {
		const usage = await ines.client.usage.get.query();
		expect(usage.used).toBeGreaterThanOrEqual(2);
		expect(usage.inProgress).toBe(0);
		expect(usage.limit).toBe(50);
		expect(await other.client.usage.get.query()).toMatchObject({ used: 0, inProgress: 0 });
	});
});

describe('raw HTTP', () => {
	it('a body that is not JSON, or an unknown procedure, is a 4xx, never a 500', async () => {
		const post = (path: string, body: string) =>
			fetch(`${api.url}/api/trpc/${path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${ines.apiKey}`, 'content-type': 'application/json' },
				body
			});
		expect((await post('claims.create', '{not json')).status).toBe(400);
		expect((await post('claims.create', '{"json": 42}')).status).toBe(400);
		expect((await post('nothing.here', '{}')).status).toBe(404);
		const get = await fetch(`${api.url}/api/trpc/jobs.get?input=%7B%22json%22%3A`, {
			headers: { authorization: `Bearer ${ines.apiKey}` }
		});
		expect(get.status).toBe(400);
	});

	it('no credentials: UNAUTHORIZED', async () => {
		const { createTailorClient } = await import('../../src/lib/client');
		const anonymous = createTailorClient({ url: api.url });
		expect((await failure(anonymous.career.get.query())).code).toBe('UNAUTHORIZED');
		const wrongKey = createTailorClient({ url: api.url, apiKey: 'tlr_nope' });
		expect((await failure(wrongKey.usage.get.query())).code).toBe('UNAUTHORIZED');
	});
});

describe('examples/client.ts', () => {
	it('tailors a sample posting for a new account, printing progress and talking points', async () => {
		const fresh = await signUp(api.url, 'example');
		const root = path.resolve(import.meta.dirname, '../..');
		const { stdout } = await promisify(execFile)(
			path.join(root, 'node_modules/.bin/node'),
			['--import', 'tsx', 'examples/client.ts'],
			{
				cwd: root,
				env: { PATH: process.env.PATH, TAILOR_URL: api.url, TAILOR_API_KEY: fresh.apiKey }
			}
		);
		expect(stdout).toContain('Imported the sample career record');
		expect(stdout).toMatch(/status +pending[\s\S]*phase +analyzing[\s\S]*status +completed/);
		expect(stdout).toContain('• Found');
		expect(stdout).toContain('Talking points:');
		expect(stdout).toContain('1 of 50 tailored profiles used this month.');
	});
});
