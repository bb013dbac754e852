import { describe, expect, it } from 'vitest';
import {
	gotoStepTimes,
	isPlannedMinutes,
	moveStep,
	normaliseStepTitle,
	stepSequence,
	type AgendaStep
} from '../../src/lib/domain/facilitation/agenda';

function step(id: string, extra: Partial<AgendaStep> = {}): AgendaStep {
	return { id, title: id, boardId: null, activity: 'discussion', plannedMinutes: 10, privacy: 'open', startedAt: null, endedAt: null, ...extra };
}

describe('agenda', () => {
	it('accepts titles of 1–200 characters after trimming, and whole minutes 1–480', () => {
		expect(normaliseStepTitle('  Ściana   pomysłów ')).toBe('Ściana pomysłów');
		expect(normaliseStepTitle('   ')).toBeNull();
		expect(normaliseStepTitle('x'.repeat(201))).toBeNull();
		expect(isPlannedMinutes(7)).toBe(true);
		expect([0, 481, 2.5, Number.NaN].map(isPlannedMinutes)).toEqual([false, false, false, false]);
	});

	it('moves a step to a new place, clamping the index, and refuses an unknown step', () => {
		expect(moveStep(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
		expect(moveStep(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
		expect(moveStep(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
		expect(moveStep(['a', 'b'], 'z', 0)).toBeNull();
	});

	it('knows the current, previous and next step; before the start the first step is next', () => {
		const steps = [step('a'), step('b'), step('c')];
		expect(stepSequence(steps, null)).toMatchObject({ current: null, next: { id: 'a' }, previous: null });
		expect(stepSequence(steps, 'b')).toMatchObject({ current: { id: 'b' }, next: { id: 'c' }, previous: { id: 'a' } });
		expect(stepSequence(steps, 'c').next).toBeNull();
	});

	it('records when a step starts and ends, keeping the first start when revisited', () => {
		const steps = [step('a', { startedAt: 100 }), step('b', { startedAt: 50, endedAt: 90 })];
		expect(gotoStepTimes(steps, 'a', 'b', 200)).toEqual([
			{ id: 'a', startedAt: 100, endedAt: 200 },
			{ id: 'b', startedAt: 50, endedAt: null }
		]);
		expect(gotoStepTimes(steps, null, 'a', 300)).toEqual([{ id: 'a', startedAt: 100, endedAt: null }]);
		expect(gotoStepTimes(steps, 'a', 'a', 300)).toEqual([]);
		expect(gotoStepTimes(steps, 'a', null, 300)).toEqual([{ id: 'a', startedAt: 100, endedAt: 300 }]);
	});
});
