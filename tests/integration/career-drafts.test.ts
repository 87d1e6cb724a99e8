import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../src/lib/server/career/document';
import { getCareer, replaceCareer } from '../../src/lib/server/domain/career';
import {
	confirmCareerDraft,
	discardCareerDraft,
	getCareerDraft,
	saveCareerDraft
} from '../../src/lib/server/domain/career-drafts';
import { NotFoundError } from '../../src/lib/server/domain/errors';
import { inesResume, signUp, startApi, type Account, type ApiServer } from '../helpers/api';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/engine';
import {
	headingsDocx,
	nurse,
	salesRep,
	scannedPdf,
	singleColumnPdf
} from '../helpers/resume-documents';

// An imported resume file or pasted text waits as a draft for the person's review, and replaces
// their record only when they confirm it.

describe('career drafts', () => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await testDatabase();
	});

	it('confirming replaces the record and deletes the draft, in one go', async () => {
		const user = await createUser(t, 'confirm');
		await replaceCareer(t.db, user, inesResume);
		const resume = await importDocument(await singleColumnPdf(nurse), 'nurse.pdf');
		await saveCareerDraft(t.db, user, resume, 'nurse.pdf');
		// Waiting for review: the record is still the old one.
		expect(
			(await getCareer(t.db, user)).items.some((i) => i.data.name === 'Copperleaf Travel')
		).toBe(true);
		expect(await getCareerDraft(t.db, user)).toMatchObject({ source: 'nurse.pdf', resume });

		const counts = await confirmCareerDraft(t.db, user);
		const record = await getCareer(t.db, user);
		expect(record.items).toHaveLength(counts.items);
		expect(record.claims).toHaveLength(counts.claims);
		expect(record.items.filter((i) => i.section === 'work').map((i) => i.data.name)).toEqual([
			'Riverside Methodist Hospital',
			'Grant Medical Center'
		]);
		expect(await getCareerDraft(t.db, user)).toBeNull();
		await expect(confirmCareerDraft(t.db, user)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('a new import takes the place of the draft waiting; discarding keeps the record', async () => {
		const user = await createUser(t, 'discard');
		await replaceCareer(t.db, user, inesResume);
		const before = await getCareer(t.db, user);
		await saveCareerDraft(t.db, user, await importDocument(await singleColumnPdf(nurse)), 'a.pdf');
		const sales = await importDocument(await headingsDocx(salesRep), 'b.docx');
		await saveCareerDraft(t.db, user, sales, 'b.docx');
		expect(await getCareerDraft(t.db, user)).toMatchObject({ source: 'b.docx', resume: sales });
		expect(await discardCareerDraft(t.db, user)).toBe(true);
		expect(await discardCareerDraft(t.db, user)).toBe(false);
		expect(await getCareer(t.db, user)).toEqual(before);
	});

	it("another user's draft is neither seen, confirmed nor discarded", async () => {
		const owner = await createUser(t, 'owner');
		const other = await createUser(t, 'other');
		await saveCareerDraft(t.db, owner, await importDocument(await singleColumnPdf(nurse)), 'x.pdf');
		expect(await getCareerDraft(t.db, other)).toBeNull();
		await expect(confirmCareerDraft(t.db, other)).rejects.toBeInstanceOf(NotFoundError);
		expect(await discardCareerDraft(t.db, other)).toBe(false);
		expect((await getCareer(t.db, other)).items).toEqual([]);
		expect(await getCareerDraft(t.db, owner)).not.toBeNull();
	});

	it('an invalid document is refused before it is stored', async () => {
		const user = await createUser(t, 'invalid');
		await expect(saveCareerDraft(t.db, user, { work: 'nope' }, 'x')).rejects.toThrow(/work/);
		expect(await getCareerDraft(t.db, user)).toBeNull();
	});
});

describe('the review page, over HTTP as a browser sends its forms', () => {
	let api: ApiServer;
	let owner: Account;
	let other: Account;
	beforeAll(async () => {
		api = await startApi();
		[owner, other] = await Promise.all([signUp(api.url, 'owner'), signUp(api.url, 'other')]);
	});

	const request = (path: string, cookie: string, body?: BodyInit) =>
		fetch(`${api.url}${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			redirect: 'manual',
			headers: { cookie, origin: api.url, accept: 'text/html' },
			body
		});
	const upload = (cookie: string, bytes: Uint8Array, name: string) => {
		const form = new FormData();
		form.append('file', new Blob([bytes as BlobPart]), name);
		form.append('text', '');
		return request('/career?/import', cookie, form);
	};
	const page = async (path: string, cookie: string) => {
		const res = await request(path, cookie);
		return { status: res.status, location: res.headers.get('location'), html: await res.text() };
	};
	/** The notice cookie a redirect sets, for the next page. */
	const withNotice = (res: Response, cookie: string) =>
		[cookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');

	it('an uploaded PDF is shown for review, and replaces the record once confirmed', async () => {
		await owner.client.career.importJsonResume.mutate({ resume: inesResume });
		const before = await owner.client.career.get.query();
		const res = await upload(owner.cookie, await singleColumnPdf(nurse), 'Zoë resume.pdf');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/career/review');

		for (let reload = 0; reload < 2; reload++) {
			const review = await page('/career/review', owner.cookie);
			expect(review.status).toBe(200);
			expect(review.html).toContain('Zoë Adebayo-Lindqvist, RN');
			expect(review.html).toContain('Zoë resume.pdf');
			expect(review.html).toContain(nurse.experience[0]!.bullets[1]!.replace(/'/g, '&#39;'));
			expect(review.html).toContain('Sep 2020 – present');
			const roles = before.items.filter((i) => i.section === 'work').length;
			expect(review.html).toMatch(
				new RegExp(
					`It replaces your record of <strong>${roles} roles and ${before.claims.length} facts`
				)
			);
		}
		expect((await page('/career', owner.cookie)).html).toContain(
			'You have an import waiting for review'
		);
		// Nothing has changed yet.
		expect(await owner.client.career.get.query()).toEqual(before);

		const confirmed = await request('/career/review?/replace', owner.cookie, new URLSearchParams());
		expect(confirmed.status).toBe(303);
		expect(confirmed.headers.get('location')).toBe('/career');
		const after = await owner.client.career.get.query();
		expect(after.items.some((i) => i.data.name === 'Riverside Methodist Hospital')).toBe(true);
		const career = await page('/career', withNotice(confirmed, owner.cookie));
		expect(career.html).toContain(
			`Imported ${after.items.length} items and ${after.claims.length} facts.`
		);
		expect(career.html).not.toContain('You have an import waiting for review');
		expect(await page('/career/review', owner.cookie)).toMatchObject({
			status: 303,
			location: '/career'
		});
	});

	it('pasted text goes through the review too; discarding keeps the record', async () => {
		const before = await owner.client.career.get.query();
		const text = `${salesRep.name}\n${salesRep.email}\n\nExperience\n${salesRep.experience[0]!.title}, Fernleaf Analytics, 2021 – present\n- ${salesRep.experience[0]!.bullets[0]}\n`;
		const res = await request('/career?/import', owner.cookie, new URLSearchParams({ text }));
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/career/review');
		const review = await page('/career/review', owner.cookie);
		expect(review.html).toContain('Mateus Gonçalves');
		expect(review.html).toContain('pasted text');

		const discarded = await request('/career/review?/discard', owner.cookie, new URLSearchParams());
		expect(discarded.status).toBe(303);
		expect(await owner.client.career.get.query()).toEqual(before);
		expect((await page('/career', withNotice(discarded, owner.cookie))).html).toContain(
			'Import discarded. Your record is as it was.'
		);
	});

	it('an import with no work and no education says so, and can still be discarded', async () => {
		const text = `Lee Park\nlee@example.com\n\nSkills\nForklift, Inventory counts, Excel\n`;
		const res = await request('/career?/import', other.cookie, new URLSearchParams({ text }));
		expect(res.headers.get('location')).toBe('/career/review');
		const review = await page('/career/review', other.cookie);
		expect(review.html).toContain('Tailor found no work experience and no education');
		expect(review.html).toContain('Your record is empty, so this becomes your record.');
		const discarded = await request('/career/review?/discard', other.cookie, new URLSearchParams());
		expect(discarded.headers.get('location')).toBe('/career');
		expect((await page('/career/review', other.cookie)).status).toBe(303);
	});

	it("another user sees nothing of someone's draft and cannot confirm or discard it", async () => {
		await upload(owner.cookie, await headingsDocx(salesRep), 'sales.docx');
		expect(await page('/career/review', other.cookie)).toMatchObject({
			status: 303,
			location: '/career'
		});
		const theirs = await page('/career', other.cookie);
		expect(theirs.html).not.toContain('waiting for review');
		expect(theirs.html).not.toContain('sales.docx');
		for (const action of ['replace', 'discard']) {
			const res = await request(`/career/review?/${action}`, other.cookie, new URLSearchParams());
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/career');
		}
		expect((await other.client.career.get.query()).items).toEqual([]);
		const review = await page('/career/review', owner.cookie);
		expect(review.status).toBe(200);
		expect(review.html).toContain('Mateus Gonçalves');
	});

	it('a file Tailor cannot read is refused on the career page, and no draft is made', async () => {
		await request('/career/review?/discard', other.cookie, new URLSearchParams());
		const res = await upload(other.cookie, await scannedPdf(), 'scan.pdf');
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(
			'This PDF has no text layer — it looks like a scan. Export it from your word processor as PDF, or paste the text.'
		);
		expect((await page('/career/review', other.cookie)).status).toBe(303);
	});

	it('a JSON Resume file still replaces the record at once', async () => {
		const form = new FormData();
		form.append('file', new Blob([JSON.stringify(inesResume)]), 'resume.json');
		const res = await request('/career?/import', other.cookie, form);
		expect(res.status).toBe(200);
		expect(await res.text()).toMatch(/Imported \d+ items and \d+ facts\./);
		expect((await other.client.career.get.query()).items.length).toBeGreaterThan(0);
	});
});
