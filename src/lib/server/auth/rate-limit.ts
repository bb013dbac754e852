/**
 * In-memory limits for guessing attacks (sign-in, setup code, join codes). One Node process
 * serves Narada, so memory is the right store; a multi-process deployment would swap this
 * module for a shared one (rate-limiter-flexible has Redis stores) behind the same API.
 * Written by hand rather than with rate-limiter-flexible because the per-pair limit needs
 * delays that double with every failure, and tests need an injectable clock.
 */

export interface LimitDecision {
	allowed: boolean;
	/** Whole seconds until the next attempt is allowed; 0 when allowed. */
	retryAfterSeconds: number;
}

const ALLOWED: LimitDecision = { allowed: true, retryAfterSeconds: 0 };

function blockedFor(ms: number): LimitDecision {
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
}

/** Entries are swept when the map grows past this, so a flood of keys cannot exhaust memory. */
const SWEEP_THRESHOLD = 10_000;

export interface BackoffOptions {
	/** Failures allowed before any delay. */
	freeFailures: number;
	/** Delay after the first failure past the free ones; doubles with each further failure. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A key with no failure for this long starts afresh. */
	forgetAfterMs: number;
}

/** Growing delays per key: after `freeFailures` failures each attempt waits base × 2^n, capped. */
export class BackoffLimiter {
	#entries = new Map<string, { failures: number; lastFailureAt: number }>();
	constructor(private readonly options: BackoffOptions) {}

	check(key: string, now = Date.now()): LimitDecision {
		const entry = this.#live(key, now);
		if (!entry || entry.failures < this.options.freeFailures) return ALLOWED;
		const exponent = entry.failures - this.options.freeFailures;
		const delay = Math.min(this.options.baseDelayMs * 2 ** Math.min(exponent, 40), this.options.maxDelayMs);
		const waitMs = entry.lastFailureAt + delay - now;
		return waitMs > 0 ? blockedFor(waitMs) : ALLOWED;
	}

	fail(key: string, now = Date.now()): void {
		const entry = this.#live(key, now);
		this.#entries.set(key, { failures: (entry?.failures ?? 0) + 1, lastFailureAt: now });
		if (this.#entries.size > SWEEP_THRESHOLD) this.#sweep(now);
	}

	reset(key: string): void {
		this.#entries.delete(key);
	}

	#live(key: string, now: number) {
		const entry = this.#entries.get(key);
		if (entry && now - entry.lastFailureAt >= this.options.forgetAfterMs) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}

	#sweep(now: number) {
		for (const key of [...this.#entries.keys()]) this.#live(key, now);
	}
}

export interface WindowOptions {
	max: number;
	windowMs: number;
}

/** At most `max` failures per key in a fixed window that starts with the first failure. */
export class WindowLimiter {
	#entries = new Map<string, { count: number; startedAt: number }>();
	constructor(private readonly options: WindowOptions) {}

	check(key: string, now = Date.now()): LimitDecision {
		const entry = this.#live(key, now);
		if (!entry || entry.count < this.options.max) return ALLOWED;
		return blockedFor(entry.startedAt + this.options.windowMs - now);
	}

	fail(key: string, now = Date.now()): void {
		const entry = this.#live(key, now);
		if (entry) entry.count += 1;
		else this.#entries.set(key, { count: 1, startedAt: now });
		if (this.#entries.size > SWEEP_THRESHOLD) for (const k of [...this.#entries.keys()]) this.#live(k, now);
	}

	reset(key: string): void {
		this.#entries.delete(key);
	}

	#live(key: string, now: number) {
		const entry = this.#entries.get(key);
		if (entry && now - entry.startedAt >= this.options.windowMs) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}
}

/** The stricter of several decisions: blocked if any blocks, waiting for the longest. */
export function combineDecisions(...decisions: LimitDecision[]): LimitDecision {
	const blocked = decisions.filter((d) => !d.allowed);
	if (blocked.length === 0) return ALLOWED;
	return { allowed: false, retryAfterSeconds: Math.max(...blocked.map((d) => d.retryAfterSeconds)) };
}

export interface SignInAttempt {
	email: string;
	address: string;
}

/**
 * Sign-in limits. The pair (account, address) gets growing delays, so guessing one password
 * from one place is slow; the address alone gets a generous cap, so one machine cannot spray
 * many accounts, yet forty laptops of a town hall behind one NAT still sign in. No limit on
 * the account alone: a stranger failing from elsewhere must not lock a facilitator out.
 */
export class SignInLimiter {
	readonly pair: BackoffLimiter;
	readonly address: WindowLimiter;

	constructor(
		pair: BackoffOptions = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 },
		address: WindowOptions = { max: 300, windowMs: 15 * 60_000 }
	) {
		this.pair = new BackoffLimiter(pair);
		this.address = new WindowLimiter(address);
	}

	check(attempt: SignInAttempt, now = Date.now()): LimitDecision {
		return combineDecisions(this.pair.check(pairKey(attempt), now), this.address.check(attempt.address, now));
	}

	recordFailure(attempt: SignInAttempt, now = Date.now()): void {
		this.pair.fail(pairKey(attempt), now);
		this.address.fail(attempt.address, now);
	}

	/** A correct password clears the pair; the address keeps its count (other accounts' failures). */
	recordSuccess(attempt: SignInAttempt): void {
		this.pair.reset(pairKey(attempt));
	}
}

function pairKey({ email, address }: SignInAttempt): string {
	return `${email.trim().toLowerCase()}\u0000${address}`;
}

/**
 * A process-wide limiter by name, kept on globalThis so a dev-server module reload keeps its
 * memory. Other modules (join codes, for instance) create theirs the same way.
 */
export function sharedLimiter<T>(name: string, create: () => T): T {
	const holder = globalThis as unknown as Record<symbol, T | undefined>;
	const key = Symbol.for(`narada.limiter.${name}`);
	return (holder[key] ??= create());
}

export function signInLimiter(): SignInLimiter {
	return sharedLimiter('sign-in', () => new SignInLimiter());
}

/** Setup-code guesses per address: 60 bits already make guessing hopeless; this keeps logs quiet. */
export function setupCodeLimiter(): BackoffLimiter {
	return sharedLimiter(
		'setup-code',
		() => new BackoffLimiter({ freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 3600_000 })
	);
}
