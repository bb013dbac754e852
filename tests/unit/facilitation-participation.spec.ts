import { describe, expect, it } from 'vitest';
import { anonymisedNames, stepDurations, summariseParticipation } from '../../src/lib/domain/facilitation/participation';

const MIN = 60_000;

describe('participation summary', () => {
	it('counts people by sector, by institution (however they typed it) and by women/men who said', () => {
		const summary = summariseParticipation([
			{ sector: 'social_assistance', institution: 'PCPR w Piszu', gender: 'woman' },
			{ sector: 'social_assistance', institution: ' pcpr  w Piszu', gender: 'woman' },
			{ sector: 'education', institution: 'Szkoła Podstawowa nr 1', gender: 'man' },
			{ sector: 'police', institution: 'KPP Pisz', gender: null },
			{ sector: 'education', institution: 'Szkoła Podstawowa nr 1', gender: null }
		]);
		expect(summary.participants).toBe(5);
		expect(summary.bySector).toEqual([
			{ key: 'education', count: 2 },
			{ key: 'social_assistance', count: 2 },
			{ key: 'police', count: 1 }
		]);
		expect(summary.byInstitution).toEqual([
			{ key: 'PCPR w Piszu', count: 2 },
			{ key: 'Szkoła Podstawowa nr 1', count: 2 },
			{ key: 'KPP Pisz', count: 1 }
		]);
		expect(summary.byGender).toEqual({ women: 2, men: 1, notGiven: 2 });
	});

	it('is all zeros for a workshop nobody joined', () => {
		expect(summariseParticipation([])).toEqual({ participants: 0, bySector: [], byInstitution: [], byGender: { women: 0, men: 0, notGiven: 0 } });
	});

	it('gives planned against actual minutes, and says which step is still running or never started', () => {
		const t0 = Date.UTC(2026, 10, 26, 9, 0);
		const durations = stepDurations(
			[
				{ id: 'a', title: 'Powitanie', plannedMinutes: 10, startedAt: t0, endedAt: t0 + 14 * MIN + 20_000 },
				{ id: 'b', title: 'Burza mózgów', plannedMinutes: 20, startedAt: t0 + 15 * MIN, endedAt: null },
				{ id: 'c', title: 'Przerwa', plannedMinutes: 15, startedAt: null, endedAt: null }
			],
			t0 + 27 * MIN
		);
		expect(durations.map((d) => [d.title, d.plannedMinutes, d.actualMinutes, d.status])).toEqual([
			['Powitanie', 10, 14, 'done'],
			['Burza mózgów', 20, 12, 'running'],
			['Przerwa', 15, null, 'not-started']
		]);
	});

	it('numbers anonymised participants in joining order', () => {
		const names = anonymisedNames(
			[
				{ id: 'late', joinedAt: 300 },
				{ id: 'first', joinedAt: 100 },
				{ id: 'second', joinedAt: 200 }
			],
			(n) => `Uczestnik ${n}`
		);
		expect(names).toEqual([
			{ id: 'first', name: 'Uczestnik 1' },
			{ id: 'second', name: 'Uczestnik 2' },
			{ id: 'late', name: 'Uczestnik 3' }
		]);
	});
});
