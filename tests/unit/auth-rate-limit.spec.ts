import { describe, expect, it } from 'vitest';
import { BackoffLimiter, SignInLimiter, WindowLimiter } from '../../src/lib/server/auth/rate-limit';

const T0 = 1_700_000_000_000;

describe('sign-in limits', () => {
	it('lets five wrong passwords through, then makes the pair wait 1 s, doubling to at most 15 min', () => {
		const limiter = new SignInLimiter();
		const anna = { email: 'anna@ops.pl', address: '10.0.0.1' };
		for (let i = 0; i < 5; i++) {
			expect(limiter.check(anna, T0).allowed).toBe(true);
			limiter.recordFailure(anna, T0);
		}
		expect(limiter.check(anna, T0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
		expect(limiter.check(anna, T0 + 1000).allowed).toBe(true);

		limiter.recordFailure(anna, T0 + 1000);
		expect(limiter.check(anna, T0 + 1000)).toEqual({ allowed: false, retryAfterSeconds: 2 });
		let now = T0 + 1000;
		for (let i = 0; i < 20; i++) {
			now += 15 * 60_000;
			limiter.recordFailure(anna, now);
		}
		expect(limiter.check(anna, now)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
	});

	it('does not lock the account owner out when a stranger fails from another address', () => {
		const limiter = new SignInLimiter();
		const stranger = { email: 'anna@ops.pl', address: '203.0.113.9' };
		for (let i = 0; i < 50; i++) limiter.recordFailure(stranger, T0);
		expect(limiter.check(stranger, T0).allowed).toBe(false);
		expect(limiter.check({ email: 'anna@ops.pl', address: '10.0.0.1' }, T0).allowed).toBe(true);
	});

	it('treats the e-mail case-insensitively, so changing case does not reset the delay', () => {
		const limiter = new SignInLimiter();
		for (let i = 0; i < 5; i++) limiter.recordFailure({ email: 'Anna@OPS.pl', address: '10.0.0.1' }, T0);
		expect(limiter.check({ email: 'anna@ops.pl', address: '10.0.0.1' }, T0).allowed).toBe(false);
	});

	it('keeps forty town-hall laptops behind one address signing in, but caps a spray of accounts', () => {
		const limiter = new SignInLimiter();
		const hall = '198.51.100.7';
		// Forty people each mistype their password twice.
		for (let person = 0; person < 40; person++) {
			for (let i = 0; i < 2; i++) limiter.recordFailure({ email: `p${person}@gmina.pl`, address: hall }, T0);
		}
		expect(limiter.check({ email: 'p0@gmina.pl', address: hall }, T0).allowed).toBe(true);
		expect(limiter.check({ email: 'late@gmina.pl', address: hall }, T0).allowed).toBe(true);

		// One machine trying many accounts hits the address cap of 300 per 15 minutes.
		for (let i = 0; i < 300; i++) limiter.recordFailure({ email: `victim${i}@gmina.pl`, address: '192.0.2.1' }, T0 + 60_000);
		const sprayed = limiter.check({ email: 'fresh@gmina.pl', address: '192.0.2.1' }, T0 + 60_000);
		expect(sprayed.allowed).toBe(false);
		expect(sprayed.retryAfterSeconds).toBe(15 * 60);
		expect(limiter.check({ email: 'fresh@gmina.pl', address: '192.0.2.1' }, T0 + 60_000 + 15 * 60_000).allowed).toBe(true);
	});

	it('clears the pair after a successful sign-in', () => {
		const limiter = new SignInLimiter();
		const anna = { email: 'anna@ops.pl', address: '10.0.0.1' };
		for (let i = 0; i < 7; i++) limiter.recordFailure(anna, T0);
		expect(limiter.check(anna, T0).allowed).toBe(false);
		limiter.recordSuccess(anna);
		expect(limiter.check(anna, T0).allowed).toBe(true);
	});
});

describe('building blocks', () => {
	it('BackoffLimiter forgets a key after a quiet period', () => {
		const limiter = new BackoffLimiter({ freeFailures: 1, baseDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 3600_000 });
		limiter.fail('k', T0);
		limiter.fail('k', T0);
		expect(limiter.check('k', T0 + 1000).allowed).toBe(false);
		expect(limiter.check('k', T0 + 3600_000).allowed).toBe(true);
	});

	it('WindowLimiter starts a new window after the old one ends', () => {
		const limiter = new WindowLimiter({ max: 2, windowMs: 10_000 });
		limiter.fail('k', T0);
		limiter.fail('k', T0 + 1000);
		expect(limiter.check('k', T0 + 1000)).toEqual({ allowed: false, retryAfterSeconds: 9 });
		expect(limiter.check('k', T0 + 10_000).allowed).toBe(true);
	});
});
