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
import { docxText, pdfPageSizes, pdfText } from '../helpers/read-documents';

// The resume as PDF and Word from the built server over HTTP: the download route the profile
// page links to, and `profiles.export` for API clients. Only the owner can download; anyone else
// gets the same 404 as for a profile that does not exist.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let api: ApiServer;
let ines: Account;
let other: Account;
let profileId: string;
let bullets: string[];

beforeAll(async () => {
	api = await startApi();
	[ines, other] = await Promise.all([signUp(api.url, 'ines'), signUp(api.url, 'other')]);
	await ines.client.career.importJsonResume.mutate({ resume: inesResume });
	const started = await ines.client.opportunities.addAndTailor.mutate({
		opportunity: { description: ternPosting }
	});
	const job = await finished(ines.client, started.jobId);
	expect(job.status).toBe('completed');
	profileId = job.profileId!;
	const profile = await ines.client.profiles.get.query({ profileId });
	bullets = (profile.resume.work ?? []).flatMap((w) => w.highlights ?? []);
	expect(bullets.length).toBeGreaterThan(2);
});

const download = (who: Account, path: string) =>
	fetch(`${api.url}/profiles/${path}`, { headers: { cookie: who.cookie }, redirect: 'manual' });

/** What the resume must say, and what only the person's notes may say. */
function expectResume(text: string) {
	expect(text).toContain('Ines Varga');
	expect(text).toContain('ines.varga@example.net');
	for (const b of bullets) expect(text).toContain(b);
	expect(text).toMatch(/\bExperience\b/i);
	expect(text).toMatch(/[A-Z][a-z]{2} \d{4} – Present/);
	expect(text).not.toMatch(/match score|talking point|support \d|\/100|tailor/i);
}

describe('downloading the resume', () => {
	it('as PDF: the file, its type and name, and the resume read back from it', async () => {
		const res = await download(ines, `${profileId}/export/pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="ines-varga-[a-z0-9-]+\.pdf"$/
		);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		expect(Number(res.headers.get('content-length') ?? bytes.length)).toBe(bytes.length);
		expectResume((await pdfText(bytes)).text);
		// Ines lives in Portugal: A4.
		expect((await pdfPageSizes(bytes))[0]).toEqual([595, 842]);
	});

	it('as Word: the file, its type and name, and the same resume read back with mammoth', async () => {
		const res = await download(ines, `${profileId}/export/docx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(DOCX);
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="ines-varga-[a-z0-9-]+\.docx"$/
		);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
		expectResume(await docxText(bytes));
	});

	it('in each template and on the paper asked for; an unknown template or paper is a 400', async () => {
		for (const template of ['classic', 'modern', 'compact']) {
			const res = await download(ines, `${profileId}/export/pdf?template=${template}`);
			expect(res.status, template).toBe(200);
			expectResume((await pdfText(new Uint8Array(await res.arrayBuffer()))).text);
		}
		const letter = await download(ines, `${profileId}/export/pdf?template=modern&paper=letter`);
		expect((await pdfPageSizes(new Uint8Array(await letter.arrayBuffer())))[0]).toEqual([612, 792]);
		// The profile page's form sends an empty paper for "the usual one".
		const auto = await download(ines, `${profileId}/export/docx?template=compact&paper=`);
		expect(auto.status).toBe(200);
		await auto.arrayBuffer();

		const bad = await download(ines, `${profileId}/export/pdf?template=fancy`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('classic, modern, compact');
		const badPaper = await download(ines, `${profileId}/export/docx?paper=legal`);
		expect(badPaper.status).toBe(400);
		await badPaper.arrayBuffer();
	});

	it('another user gets a 404 with nothing of the resume, as for a profile that does not exist', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		for (const format of ['pdf', 'docx']) {
			const theirs = await download(other, `${profileId}/export/${format}?template=modern`);
			const none = await download(other, `${missing}/export/${format}?template=modern`);
			expect(theirs.status).toBe(404);
			expect(none.status).toBe(404);
			const body = await theirs.text();
			expect(body).not.toContain('Ines');
			expect(body).toBe(await none.text());
		}
		const signedOut = await fetch(`${api.url}/profiles/${profileId}/export/pdf`, {
			redirect: 'manual'
		});
		expect(signedOut.status).toBeGreaterThanOrEqual(300);
		expect(signedOut.status).toBeLessThan(400);
		expect(signedOut.headers.get('content-type') ?? '').not.toContain('pdf');
	});
});

describe('profiles.export for API clients', () => {
	it('returns PDF and Word as base64 that decodes to the resume', async () => {
		const pdf = await ines.client.profiles.export.query({
			profileId,
			format: 'pdf',
			template: 'compact'
		});
		expect(pdf.encoding).toBe('base64');
		expect(pdf.contentType).toBe('application/pdf');
		expect(pdf.filename).toMatch(/^ines-varga-.+\.pdf$/);
		expectResume((await pdfText(Buffer.from(pdf.content, 'base64'))).text);

		const docx = await ines.client.profiles.export.query({ profileId, format: 'docx' });
		expect(docx.encoding).toBe('base64');
		expect(docx.contentType).toBe(DOCX);
		expectResume(await docxText(Buffer.from(docx.content, 'base64')));

		const letter = await ines.client.profiles.export.query({
			profileId,
			format: 'pdf',
			paper: 'letter'
		});
		expect((await pdfPageSizes(Buffer.from(letter.content, 'base64')))[0]).toEqual([612, 792]);
	});

	it('keeps text formats as text, refuses unknown templates, and hides other users’ profiles', async () => {
		const md = await ines.client.profiles.export.query({ profileId, format: 'markdown' });
		expect(md.encoding).toBe('utf-8');
		expect(md.content).toMatch(/^# Ines Varga\n/);
		const bad = await failure(
			ines.client.profiles.export.query({ profileId, format: 'pdf', template: 'fancy' as never })
		);
		expect(bad.code).toBe('BAD_REQUEST');
		expect(
			(await failure(other.client.profiles.export.query({ profileId, format: 'pdf' }))).code
		).toBe('NOT_FOUND');
	});
});
