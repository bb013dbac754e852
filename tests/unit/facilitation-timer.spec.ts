import { describe, expect, it } from 'vitest';
import {
	IDLE_TIMER,
	addMinute,
	formatRemaining,
	pauseTimer,
	remainingMs,
	resumeTimer,
	startTimer,
	stopTimer,
	timerPhase
} from '../../src/lib/domain/facilitation/timer';

const t0 = 1_750_000_000_000;

describe('workshop timer', () => {
	it('runs down from the minutes given and is ended at zero, never negative', () => {
		const timer = startTimer(7, t0);
		expect(remainingMs(timer, t0 + 60_000)).toBe(6 * 60_000);
		expect(timerPhase(timer, t0 + 60_000)).toBe('running');
		expect(timerPhase(timer, t0 + 7 * 60_000)).toBe('ended');
		expect(remainingMs(timer, t0 + 9 * 60_000)).toBe(0);
	});

	it('keeps the remaining time while paused and continues from it on resume', () => {
		const paused = pauseTimer(startTimer(5, t0), t0 + 90_000);
		expect(timerPhase(paused, t0 + 10 * 60_000)).toBe('paused');
		expect(remainingMs(paused, t0 + 10 * 60_000)).toBe(210_000);
		const resumed = resumeTimer(paused, t0 + 10 * 60_000);
		expect(remainingMs(resumed, t0 + 10 * 60_000 + 10_000)).toBe(200_000);
	});

	it('adds a minute when running, paused, or already ended', () => {
		expect(remainingMs(addMinute(startTimer(2, t0), t0), t0)).toBe(3 * 60_000);
		expect(remainingMs(addMinute(pauseTimer(startTimer(2, t0), t0 + 30_000), t0 + 40_000), t0 + 99_000)).toBe(150_000);
		const ended = startTimer(1, t0);
		expect(remainingMs(addMinute(ended, t0 + 5 * 60_000), t0 + 5 * 60_000)).toBe(60_000);
		expect(addMinute(IDLE_TIMER, t0)).toEqual(IDLE_TIMER);
	});

	it('ignores a pause of a paused timer and a resume of a running one, so repeated clicks agree', () => {
		const running = startTimer(3, t0);
		expect(resumeTimer(running, t0 + 1000)).toEqual(running);
		const paused = pauseTimer(running, t0 + 1000);
		expect(pauseTimer(paused, t0 + 5000)).toEqual(paused);
		expect(stopTimer()).toEqual(IDLE_TIMER);
		expect(remainingMs(IDLE_TIMER, t0)).toBeNull();
		expect(timerPhase(IDLE_TIMER, t0)).toBe('idle');
	});

	it('shows mm:ss rounding up, so 00:00 means time is up', () => {
		expect(formatRemaining(7 * 60_000)).toBe('07:00');
		expect(formatRemaining(59_001)).toBe('01:00');
		expect(formatRemaining(500)).toBe('00:01');
		expect(formatRemaining(0)).toBe('00:00');
		expect(formatRemaining(125 * 60_000)).toBe('125:00');
	});
});
