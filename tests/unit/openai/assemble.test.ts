import { describe, expect, it } from 'vitest';
import { parsePosting, rankClaims } from '../../../src/lib/server/engines/local';
import {
	assembleNarrative,
	assembleTalkingPoints
} from '../../../src/lib/server/engines/openai/assemble';
import { FIXTURES, NOW, careerRecord, readJson, readText } from '../engines/load';

const record = careerRecord(readJson(`${FIXTURES}careers/ines-varga.json`));
const posting = parsePosting(readText(`${FIXTURES}postings/tern-senior-data-scientist.txt`));
const ranking = rankClaims(posting.requirements, record.claims, record.items, { now: NOW });
const claim = (path: string) => record.claims.find((c) => c.sourcePath === path)!;
const sql = claim('/work/1/highlights/0');
const looker = claim('/work/0/highlights/2');
const sqlRequirement = posting.requirements.findIndex((r) => /SQL/.test(r.text)) + 1;

describe('assembleTalkingPoints', () => {
	it('keeps the person’s claims as evidence and drops ids that are not theirs', () => {
		const [tp] = assembleTalkingPoints(
			ranking,
			{
				points: [
					{
						requirement: sqlRequirement,
						point: ' I write SQL. ',
						claimIds: ['nope', sql.id, sql.id]
					}
				]
			},
			record.claims
		);
		expect(tp).toEqual({
			requirement: posting.requirements[sqlRequirement - 1]!.text,
			kind: 'required',
			point: 'I write SQL.',
			evidence: [{ claimId: sql.id, sourcePath: sql.sourcePath, text: sql.text }],
			strength: expect.any(Number)
		});
		expect(tp!.strength).toBeGreaterThan(0);
		expect(tp!.strength).toBeLessThanOrEqual(1);
	});

	it('turns a point without a real citation, an unknown requirement or an empty point into nothing', () => {
		const points = assembleTalkingPoints(
			ranking,
			{
				points: [
					{ requirement: sqlRequirement, point: 'Invented.', claimIds: ['claim-999'] },
					{ requirement: 0, point: 'Out of range.', claimIds: [sql.id] },
					{ requirement: 1.5, point: 'Not a number shown.', claimIds: [sql.id] },
					{ requirement: 999, point: 'Out of range.', claimIds: [sql.id] },
					{ requirement: 1, point: '   ', claimIds: [sql.id] }
				]
			},
			record.claims
		);
		expect(points).toEqual([]);
	});

	it('keeps the first point per requirement, in the posting’s order', () => {
		const points = assembleTalkingPoints(
			ranking,
			{
				points: [
					{ requirement: sqlRequirement + 1, point: 'Later.', claimIds: [looker.id] },
					{ requirement: sqlRequirement, point: 'First.', claimIds: [sql.id] },
					{ requirement: sqlRequirement, point: 'Second.', claimIds: [looker.id] }
				]
			},
			record.claims
		);
		expect(points.map((p) => p.point)).toEqual(['First.', 'Later.']);
	});

	it('rates a point by how well the ranking scored its claims', () => {
		const [strong] = assembleTalkingPoints(
			ranking,
			{ points: [{ requirement: sqlRequirement, point: 'x', claimIds: [sql.id] }] },
			record.claims
		);
		const mentored = claim('/work/0/highlights/4');
		const [weak] = assembleTalkingPoints(
			ranking,
			{ points: [{ requirement: sqlRequirement, point: 'x', claimIds: [mentored.id] }] },
			record.claims
		);
		expect(strong!.strength).toBeGreaterThan(weak!.strength);
	});
});

describe('assembleNarrative', () => {
	it('keeps sentences with real citations and joins them', () => {
		const result = assembleNarrative(
			{
				sentences: [
					{ text: 'I write SQL.', claimIds: [sql.id, 'claim-999'] },
					{ text: 'I invented this.', claimIds: ['claim-999'] },
					{ text: ' ', claimIds: [looker.id] },
					{ text: 'I build dashboards.', claimIds: [looker.id] }
				]
			},
			record.claims
		);
		expect(result).toEqual({
			narrative: 'I write SQL. I build dashboards.',
			narrativeSentences: [
				{ text: 'I write SQL.', claimIds: [sql.id] },
				{ text: 'I build dashboards.', claimIds: [looker.id] }
			]
		});
	});
});
