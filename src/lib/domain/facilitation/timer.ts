/**
 * The workshop timer as the server holds it: an end time while running, the remaining time
 * while paused, nothing when stopped. Storing the end time (not a countdown) lets every client
 * compute the same remaining time from the server's clock, whatever its own clock says.
 * Commands that do not apply (pause a paused timer) leave the state as it is, so two
 * facilitators pressing the same button at once end in the same state.
 */
export interface TimerState {
	endsAt: number | null;
	pausedRemainingMs: number | null;
	durationMs: number | null;
}

export type TimerPhase = 'idle' | 'running' | 'paused' | 'ended';

export const TIMER_MIN_MINUTES = 1;
export const TIMER_MAX_MINUTES = 480;
const MINUTE = 60_000;

export const IDLE_TIMER: TimerState = { endsAt: null, pausedRemainingMs: null, durationMs: null };

export function startTimer(minutes: number, now: number): TimerState {
	const durationMs = Math.round(minutes * MINUTE);
	return { endsAt: now + durationMs, pausedRemainingMs: null, durationMs };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
	if (timer.endsAt === null) return timer;
	return { endsAt: null, pausedRemainingMs: Math.max(0, timer.endsAt - now), durationMs: timer.durationMs };
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
	if (timer.pausedRemainingMs === null) return timer;
	return { endsAt: now + timer.pausedRemainingMs, pausedRemainingMs: null, durationMs: timer.durationMs };
}

/** An ended timer given a minute runs again for one minute from now, not from its old end. */
export function addMinute(timer: TimerState, now: number): TimerState {
	const durationMs = (timer.durationMs ?? 0) + MINUTE;
	if (timer.endsAt !== null) return { endsAt: Math.max(timer.endsAt, now) + MINUTE, pausedRemainingMs: null, durationMs };
	if (timer.pausedRemainingMs !== null) return { endsAt: null, pausedRemainingMs: timer.pausedRemainingMs + MINUTE, durationMs };
	return timer;
}

export function stopTimer(): TimerState {
	return IDLE_TIMER;
}

/** Milliseconds left at `now`, never negative; null when no timer is set. */
export function remainingMs(timer: TimerState, now: number): number | null {
	if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
	return timer.pausedRemainingMs;
}

export function timerPhase(timer: TimerState, now: number): TimerPhase {
	if (timer.endsAt !== null) return timer.endsAt - now <= 0 ? 'ended' : 'running';
	if (timer.pausedRemainingMs !== null) return timer.pausedRemainingMs <= 0 ? 'ended' : 'paused';
	return 'idle';
}

/** mm:ss, rounding up so "00:00" appears only when time is really up. */
export function formatRemaining(ms: number): string {
	const totalSeconds = Math.ceil(Math.max(0, ms) / 1000);
	const minutes = Math.floor(totalSeconds / 60);
	const seconds = totalSeconds % 60;
	return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
