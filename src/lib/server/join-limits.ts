import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed join-code attempts per client address. Only failures count: a room full of people
 * typing the right code never comes near the limit.
 *
 * The arithmetic. A town hall puts forty laptops behind one address; if every one of them
 * mistypes the code twice, that is 80 failures in the first quarter of an hour, under the
 * limit of 100. A guesser gets at most 100 tries per 15 minutes, then waits 15 minutes:
 * 9,600 tries a day. There are 22^8 ≈ 5.5·10^10 codes, so even with 100 workshops open at the
 * same moment one address finds one of them with probability 9,600 · 100 / 5.5·10^10 ≈ 1.7·10^-5
 * per day — and a code only opens its workshop inside that workshop's time window. Someone who
 * really wants in needs a million addresses; join links, which carry 160-bit tokens, are the
 * way in that is not limited at all.
 *
 * Memory-backed: the counters live in this process and reset when it restarts, which is fine
 * for a limit measured in minutes. With several server processes, swap in a shared store.
 */
const FAILURES_ALLOWED = 100;
const WINDOW_SECONDS = 15 * 60;
const BLOCK_SECONDS = 15 * 60;

const limiter = new RateLimiterMemory({
	keyPrefix: 'join-code',
	points: FAILURES_ALLOWED,
	duration: WINDOW_SECONDS,
	blockDuration: BLOCK_SECONDS
});

export type JoinLimit = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Checks before looking the code up, so a blocked address learns nothing about any code. */
export async function checkJoinCodeLimit(address: string): Promise<JoinLimit> {
	const state = await limiter.get(address);
	if (state && state.consumedPoints > FAILURES_ALLOWED) return { allowed: false, retryAfterMs: Math.max(state.msBeforeNext, 1000) };
	return { allowed: true };
}

/** Counts one wrong or expired code; answers whether the address may try again. */
export async function recordJoinCodeFailure(address: string): Promise<JoinLimit> {
	try {
		await limiter.consume(address);
		return { allowed: true };
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(rejection.msBeforeNext, 1000) };
		throw rejection;
	}
}
