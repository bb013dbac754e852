import { describe, expect, it } from 'vitest';
import { utcToWallClock, wallClockToUtc } from '../../src/lib/domain/workshop-time';

describe('workshop times in the Polish zone', () => {
	it('reads a summer and a winter hour with their own offsets', () => {
		expect(new Date(wallClockToUtc('2025-05-20T09:00')!).toISOString()).toBe('2025-05-20T07:00:00.000Z');
		expect(new Date(wallClockToUtc('2025-01-20T09:00')!).toISOString()).toBe('2025-01-20T08:00:00.000Z');
	});

	it('round-trips into a datetime-local value', () => {
		for (const value of ['2025-05-20T09:00', '2025-10-26T23:30', '2026-03-29T04:15']) {
			expect(utcToWallClock(wallClockToUtc(value)!)).toBe(value);
		}
	});

	it('refuses impossible dates', () => {
		expect(wallClockToUtc('2025-02-30T09:00')).toBeNull();
		expect(wallClockToUtc('2025-05-20T25:00')).toBeNull();
		expect(wallClockToUtc('yesterday')).toBeNull();
	});
});
