import { expect } from 'vitest';
import { validateJsonResume } from '../../src/lib/server/career/json-resume';
import { parseLocation } from '../../src/lib/server/career/text-contact';
import type { JsonResume } from '../../src/lib/schemas/profile';
import { iso, type ResumeDescription, type Role } from './resume-documents';

/** What a resume document's import must hold: every field of the description it was made from. */

type Obj = Record<string, unknown>;

const bare = (url: string) => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
/** The words of a degree, without "in" (the importer keeps "Nursing" as the degree's area). */
const words = (text: string) =>
	(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => w !== 'in');

function expectRoles(found: Obj[] | undefined, roles: Role[], orgKey: 'name' | 'organization') {
	expect(found?.map((r) => r.position)).toEqual(roles.map((r) => r.title));
	roles.forEach((role, i) => {
		const entry = found![i]!;
		expect(entry[orgKey], role.title).toBe(role.organization);
		if (role.location) expect(entry.location, role.title).toBe(role.location);
		expect(entry.startDate, role.title).toBe(iso(role.start));
		expect(entry.endDate, role.title).toBe(iso(role.end));
		expect(entry.summary, role.title).toBe(role.summary);
		// Every bullet whole: none split in two, none run into its neighbour.
		expect(entry.highlights, role.title).toEqual(role.bullets);
	});
}

/** Every field of the description is in the imported record, where a reader would look. */
export function expectEverything(resume: JsonResume, d: ResumeDescription) {
	expect(() => validateJsonResume(resume, { strictFormats: true })).not.toThrow();
	const basics = resume.basics as Obj;
	expect(basics.name).toBe(d.name);
	expect(basics.label).toBe(d.label);
	expect(basics.email).toBe(d.email);
	expect(basics.phone).toBe(d.phone);
	expect(basics.location).toEqual(d.location ? parseLocation(d.location) : undefined);
	const links = [
		basics.url as string | undefined,
		...((basics.profiles as Obj[] | undefined) ?? []).map((p) => p.url as string)
	]
		.filter(Boolean)
		.map((u) => bare(u!));
	expect(links.sort()).toEqual(d.links.map(bare).sort());
	expect(basics.summary).toContain(d.summary);

	expectRoles((resume.work ?? []) as Obj[], d.experience, 'name');
	expectRoles((resume.volunteer ?? []) as Obj[], d.volunteer, 'organization');

	const education = resume.education as Obj[];
	expect(education).toHaveLength(d.education.length);
	d.education.forEach((e, i) => {
		const found = education[i]!;
		expect(found.institution).toBe([e.school, e.location].filter(Boolean).join(', '));
		expect(words(`${found.studyType} ${found.area ?? ''}`).sort()).toEqual(words(e.degree).sort());
		// A degree under way ends when it is expected to; a finished one when it was.
		expect(found.endDate, e.degree).toBe(iso(e.end));
		expect(found.startDate, e.degree).toBe(e.start && iso(e.start));
	});

	expect(resume.certificates ?? []).toEqual(
		d.certifications.map((c) => ({ name: c.name, issuer: c.issuer, date: c.date && iso(c.date) }))
	);
	expect(resume.skills).toEqual(d.skills.map((s) => ({ name: s.name, keywords: s.keywords })));
	expect(
		((resume.languages ?? []) as Obj[]).map((l) => ({
			language: l.language,
			fluency: String(l.fluency).toLowerCase()
		}))
	).toEqual(d.languages.map((l) => ({ ...l, fluency: l.fluency.toLowerCase() })));
}
