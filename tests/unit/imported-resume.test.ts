import { describe, expect, it } from 'vitest';
import { readImportedResume } from '../../src/lib/ui/imported-resume';

const now = new Date('2026-03-01T00:00:00Z');

describe('readImportedResume', () => {
	it('reads the header, each section in order and leaves out the empty ones', () => {
		const view = readImportedResume(
			{
				basics: {
					name: ' Jane Doe ',
					email: 'jane@example.com',
					url: 'https://www.jane.dev/',
					profiles: [{ username: 'jdoe' }]
				},
				work: [
					{ position: 'Staff Nurse', name: 'Riverside', startDate: '2021-03', highlights: ['Led'] }
				],
				projects: [],
				languages: [{ language: 'French', fluency: 'Fluent' }]
			},
			now
		);
		expect(view.name).toBe('Jane Doe');
		expect(view.contact).toEqual(['jane@example.com', 'jdoe', 'jane.dev']);
		expect(view.sections.map((s) => s.id)).toEqual(['work']);
		expect(view.sections[0]!.entries[0]).toMatchObject({
			title: 'Staff Nurse',
			subtitle: 'Riverside',
			bullets: ['Led']
		});
		expect(view.languages).toEqual(['French — Fluent']);
	});

	it('says a degree that ends after today is expected', () => {
		const view = readImportedResume(
			{
				education: [{ studyType: 'BSc', area: 'Nursing', institution: 'Kings', endDate: '2027-05' }]
			},
			now
		);
		expect(view.sections[0]!.entries[0]).toMatchObject({
			title: 'BSc in Nursing',
			subtitle: 'Kings',
			dates: expect.stringMatching(/^expected /)
		});
	});
});
