import { readFileSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importJsonResume } from '../../src/lib/server/career/json-resume';
import { careerItems, claims, tailoredProfiles } from '../../src/lib/server/db/schema';
import {
	deleteClaim,
	getCareer,
	replaceCareer,
	updateClaim
} from '../../src/lib/server/domain/career';
import { NotFoundError } from '../../src/lib/server/domain/errors';
import { createOpportunity } from '../../src/lib/server/domain/opportunities';
import { testDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/engine';

type Resume = {
	work: { name: string; position: string; startDate: string; highlights: string[] }[];
	[section: string]: unknown;
};

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const original = (): Resume => JSON.parse(fixture('careers/ines-varga.json'));

/** The fixture with one highlight of the first job reworded. */
function withChangedHighlight(): Resume {
	const resume = original();
	resume.work[0]!.highlights[1] = 'Built a churn model in Python that nobody used.';
	return resume;
}

/** A different, smaller résumé: one job, one skill group, nothing else. */
const other = {
	basics: { name: 'Ines Varga', summary: 'Analyst who likes small data.' },
	work: [
		{
			name: 'Quillon Labs',
			position: 'Analyst',
			startDate: '2016-01',
			highlights: ['Counted things carefully.', 'Explained the counts to people.']
		}
	],
	skills: [{ name: 'Tools', keywords: ['Excel', 'SQL'] }]
};

let t: TestDatabase;

beforeAll(async () => {
	t = await testDatabase();
});

/** Claim id by source path, for the record as it is now. */
async function idsByPath(user: string): Promise<Map<string, string>> {
	const { claims } = await getCareer(t.db, user);
	return new Map(claims.map((c) => [c.sourcePath!, c.id]));
}

async function claimRow(id: string) {
	const [row] = await t.db.select().from(claims).where(eq(claims.id, id));
	return row;
}

/** Inserts a stored profile that cites the given claims (talking point and narrative). */
async function insertProfile(user: string, cited: { claimId: string; text: string }[]) {
	const opp = await createOpportunity(t.db, user, {
		description: 'Senior Data Scientist at Tern. Requirements: Python, SQL and experimentation.'
	});
	const [row] = await t.db
		.insert(tailoredProfiles)
		.values({
			userId: user,
			opportunityId: opp.id,
			talkingPoints: [
				{
					requirement: 'Python',
					kind: 'required',
					point: 'Uses Python',
					evidence: cited.slice(0, 1).map((c) => ({ ...c, sourcePath: null })),
					strength: 1
				}
			],
			narrative: cited.map((c) => c.text).join(' '),
			narrativeOriginal: cited.map((c) => c.text).join(' '),
			narrativeSentences: cited.map((c) => ({ text: c.text, claimIds: [c.claimId] })),
			resumeData: {},
			resumeDataOriginal: {},
			matchScore: 50,
			engine: 'local',
			model: 'local'
		})
		.returning({ id: tailoredProfiles.id });
	return row!.id;
}

async function isOutdated(profileId: string): Promise<boolean> {
	const [row] = await t.db
		.select({ flag: tailoredProfiles.recordOutdated })
		.from(tailoredProfiles)
		.where(eq(tailoredProfiles.id, profileId));
	return row!.flag;
}

/** What the record holds, in terms that two imports of one résumé share. */
async function recordShape(user: string) {
	const career = await getCareer(t.db, user);
	return {
		items: career.items.length,
		claims: career.claims.map((c) => `${c.sourcePath} ${c.text}`).sort()
	};
}

const shapeOf = (resume: unknown) => {
	const extract = importJsonResume(resume);
	return {
		items: extract.items.length,
		claims: extract.claims.map((c) => `${c.sourcePath} ${c.text}`).sort()
	};
};

describe('re-importing a career', () => {
	it('keeps every claim and item id when the résumé is the same', async () => {
		const user = await createUser(t, 'same');
		await replaceCareer(t.db, user, original());
		const before = await getCareer(t.db, user);
		const counts = await replaceCareer(t.db, user, original());
		const after = await getCareer(t.db, user);

		expect(counts).toEqual({ items: before.items.length, claims: before.claims.length });
		expect(after.claims.map((c) => c.id).sort()).toEqual(before.claims.map((c) => c.id).sort());
		expect(after.items.map((i) => i.id).sort()).toEqual(before.items.map((i) => i.id).sort());
		const all = await t.db.select().from(claims).where(eq(claims.userId, user));
		expect(all).toHaveLength(before.claims.length);
		expect(all.every((c) => c.retiredAt === null)).toBe(true);
	});

	it('retires exactly the changed highlight and keeps the ids of the others', async () => {
		const user = await createUser(t, 'changed');
		await replaceCareer(t.db, user, original());
		const before = await idsByPath(user);
		await replaceCareer(t.db, user, withChangedHighlight());
		const after = await idsByPath(user);

		const changedPath = '/work/0/highlights/1';
		const retiredId = before.get(changedPath)!;
		for (const [path, id] of before) {
			if (path !== changedPath) expect(after.get(path), path).toBe(id);
		}
		expect(after.get(changedPath)).toBeDefined();
		expect(after.get(changedPath)).not.toBe(retiredId);

		const retired = await claimRow(retiredId);
		expect(retired?.retiredAt).toBeInstanceOf(Date);
		expect(retired?.text).toMatch(/^Built a cancellation-risk model/);
		const { claims: record } = await getCareer(t.db, user);
		expect(record.map((c) => c.id)).not.toContain(retiredId);
		expect(record.find((c) => c.sourcePath === changedPath)?.text).toBe(
			'Built a churn model in Python that nobody used.'
		);
		const rows = await t.db.select().from(claims).where(eq(claims.userId, user));
		expect(rows.filter((c) => c.retiredAt !== null).map((c) => c.id)).toEqual([retiredId]);
	});

	it('brings a retired claim back with its id when its fact comes back', async () => {
		const user = await createUser(t, 'back');
		await replaceCareer(t.db, user, original());
		const first = await idsByPath(user);
		await replaceCareer(t.db, user, withChangedHighlight());
		const changedId = (await idsByPath(user)).get('/work/0/highlights/1')!;
		await replaceCareer(t.db, user, original());

		expect(await idsByPath(user)).toEqual(first);
		expect((await claimRow(changedId))?.retiredAt).toBeInstanceOf(Date);
		const rows = await t.db.select().from(claims).where(eq(claims.userId, user));
		expect(rows).toHaveLength(first.size + 1);
	});

	it('keeps ids across reordering and updates the source paths', async () => {
		const user = await createUser(t, 'reorder');
		await replaceCareer(t.db, user, original());
		const before = await getCareer(t.db, user);
		const resume = original();
		resume.work.reverse();
		resume.work[2]!.highlights.unshift('Ran the team offsite.');
		await replaceCareer(t.db, user, resume);
		const after = await getCareer(t.db, user);

		const byId = new Map(after.claims.map((c) => [c.id, c]));
		for (const c of before.claims) expect(byId.get(c.id)?.text, c.sourcePath!).toBe(c.text);
		const copperleaf = after.items.find((i) => i.data.name === 'Copperleaf Travel')!;
		expect(before.items.map((i) => i.id)).toContain(copperleaf.id);
		expect(copperleaf.sourcePath).toBe('/work/2');
		const conversion = after.claims.find((c) => c.text.startsWith('Designed and analysed'))!;
		expect(conversion.sourcePath).toBe('/work/2/highlights/1');
		expect(conversion.itemId).toBe(copperleaf.id);
		expect(after.claims).toHaveLength(before.claims.length + 1);
	});

	it('deletes an item the résumé drops, retires its claims, and restores them when it returns', async () => {
		const user = await createUser(t, 'drop');
		await replaceCareer(t.db, user, original());
		const before = await getCareer(t.db, user);
		const halvard = before.items.find((i) => i.data.name === 'Halvard Insurance')!;
		const halvardClaims = before.claims.filter((c) => c.itemId === halvard.id).map((c) => c.id);
		expect(halvardClaims.length).toBeGreaterThan(0);

		const resume = original();
		resume.work = resume.work.filter((w) => w.name !== 'Halvard Insurance');
		await replaceCareer(t.db, user, resume);
		const items = await t.db.select().from(careerItems).where(eq(careerItems.id, halvard.id));
		expect(items).toHaveLength(0);
		const retired = await t.db.select().from(claims).where(inArray(claims.id, halvardClaims));
		expect(retired).toHaveLength(halvardClaims.length);
		expect(retired.every((c) => c.retiredAt !== null && c.itemId === null)).toBe(true);

		await replaceCareer(t.db, user, original());
		const after = await getCareer(t.db, user);
		expect(after.claims.map((c) => c.id).sort()).toEqual(before.claims.map((c) => c.id).sort());
	});
});

describe('profiles of a re-imported career', () => {
	it('flags a profile citing a retired claim as outdated, and not one citing kept claims', async () => {
		const user = await createUser(t, 'profiles');
		await replaceCareer(t.db, user, original());
		const ids = await idsByPath(user);
		const { claims: record } = await getCareer(t.db, user);
		const cite = (path: string) => ({
			claimId: ids.get(path)!,
			text: record.find((c) => c.sourcePath === path)!.text
		});
		const citingChanged = await insertProfile(user, [
			cite('/work/0/highlights/0'),
			cite('/work/0/highlights/1')
		]);
		const citingKept = await insertProfile(user, [
			cite('/work/0/highlights/0'),
			cite('/work/1/highlights/0')
		]);

		await replaceCareer(t.db, user, withChangedHighlight());
		expect(await isOutdated(citingChanged)).toBe(true);
		expect(await isOutdated(citingKept)).toBe(false);

		// The flag stays when the fact comes back: regeneration clears it, not an import.
		await replaceCareer(t.db, user, original());
		expect(await isOutdated(citingChanged)).toBe(true);
		expect(await isOutdated(citingKept)).toBe(false);
	});
});

describe('concurrent imports', () => {
	it('leave exactly one of the two résumés, never a merge', async () => {
		const a = original();
		for (let round = 0; round < 6; round++) {
			const user = await createUser(t, `race${round}`);
			// Half the rounds start from an empty record, half from a stored one.
			if (round % 2) await replaceCareer(t.db, user, a);
			await Promise.all([replaceCareer(t.db, user, a), replaceCareer(t.db, user, other)]);
			const shape = await recordShape(user);
			expect([shapeOf(a), shapeOf(other)]).toContainEqual(shape);
		}
	});

	/** Resolves once some session of this database waits for an advisory lock. */
	async function lockWaiter() {
		for (;;) {
			const [row] = await t.sql`
				select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
				where l.locktype = 'advisory' and not l.granted and a.datname = current_database()`;
			if (row!.n > 0) return;
		}
	}

	it('waits for an import inside an outer transaction until that commits', async () => {
		const user = await createUser(t, 'outer');
		let second: Promise<unknown> | undefined;
		let secondDone = false;
		await t.db.transaction(async (tx) => {
			await replaceCareer(tx, user, original());
			second = replaceCareer(t.db, user, other).then(() => (secondDone = true));
			await lockWaiter();
			expect(secondDone).toBe(false);
		});
		await second;
		expect(await recordShape(user)).toEqual(shapeOf(other));
	});
});

describe('editing claims', () => {
	it('retires a cited claim on delete and deletes an uncited one', async () => {
		const user = await createUser(t, 'delete');
		await replaceCareer(t.db, user, original());
		const { claims: record } = await getCareer(t.db, user);
		const [cited, uncited] = record;
		const profile = await insertProfile(user, [{ claimId: cited!.id, text: cited!.text }]);

		await deleteClaim(t.db, user, cited!.id);
		expect((await claimRow(cited!.id))?.retiredAt).toBeInstanceOf(Date);
		expect(await isOutdated(profile)).toBe(true);
		await deleteClaim(t.db, user, uncited!.id);
		expect(await claimRow(uncited!.id)).toBeUndefined();

		const ids = (await getCareer(t.db, user)).claims.map((c) => c.id);
		expect(ids).not.toContain(cited!.id);
		expect(ids).not.toContain(uncited!.id);
	});

	it('does not find a retired claim to update or delete', async () => {
		const user = await createUser(t, 'retired');
		await replaceCareer(t.db, user, original());
		const retiredId = (await idsByPath(user)).get('/work/0/highlights/1')!;
		await replaceCareer(t.db, user, withChangedHighlight());

		await expect(updateClaim(t.db, user, retiredId, { text: 'Edited.' })).rejects.toThrow(
			NotFoundError
		);
		await expect(deleteClaim(t.db, user, retiredId)).rejects.toThrow(NotFoundError);
		const row = await claimRow(retiredId);
		expect(row?.text).toMatch(/^Built a cancellation-risk model/);
		expect(
			await t.db
				.select()
				.from(claims)
				.where(and(eq(claims.id, retiredId), eq(claims.userId, user)))
		).toHaveLength(1);
	});
});
