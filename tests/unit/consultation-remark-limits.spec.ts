import { describe, expect, it } from 'vitest';
import { RemarkRateLimits } from '../../src/lib/server/consultation/remark-limits';

describe('remark rate limits', () => {
	it('stops one address, then lets it write again once the window has passed', () => {
		const limits = new RemarkRateLimits({ max: 3, windowMs: 60_000 }, { max: 100, windowMs: 60_000 });
		for (let i = 0; i < 3; i++) {
			expect(limits.check('10.0.0.1', 'link', 1000).allowed).toBe(true);
			limits.record('10.0.0.1', 'link', 1000);
		}
		expect(limits.check('10.0.0.1', 'link', 1000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
		expect(limits.check('10.0.0.2', 'link', 1000).allowed).toBe(true);
		expect(limits.check('10.0.0.1', 'link', 61_000).allowed).toBe(true);
	});

	it('stops a link flooded from many addresses, whatever the address, and not another link', () => {
		const limits = new RemarkRateLimits({ max: 100, windowMs: 60_000 }, { max: 5, windowMs: 600_000 });
		for (let i = 0; i < 5; i++) limits.record(`10.0.1.${i}`, 'public-link', 0);
		const blocked = limits.check('10.9.9.9', 'public-link', 30_000);
		expect(blocked.allowed).toBe(false);
		expect(blocked.retryAfterSeconds).toBe(570);
		expect(limits.check('10.9.9.9', 'another-link', 30_000).allowed).toBe(true);
	});
});
