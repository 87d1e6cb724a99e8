import { describe, expect, it } from 'vitest';
import { humanDate, humanPeriod } from '../../src/lib/dates';

describe('human dates', () => {
	it('writes ISO dates as a resume does', () => {
		expect(humanDate('2023-03')).toBe('Mar 2023');
		expect(humanDate('2023-11-15')).toBe('Nov 2023');
		expect(humanDate('2019')).toBe('2019');
		expect(humanDate('Summer 2019')).toBe('Summer 2019');
	});

	it('writes a period, an open one, and an item with a single date', () => {
		expect(humanPeriod({ startDate: '2021-04', endDate: '2024-01' })).toBe('Apr 2021 – Jan 2024');
		expect(humanPeriod({ startDate: '2021-04' })).toBe('Apr 2021 – present');
		expect(humanPeriod({ startDate: '2021-04' }, 'Present')).toBe('Apr 2021 – Present');
		expect(humanPeriod({ endDate: '2015-05' })).toBe('May 2015');
		expect(humanPeriod({ date: '2022-06' })).toBe('Jun 2022');
		expect(humanPeriod({})).toBe('');
	});
});
