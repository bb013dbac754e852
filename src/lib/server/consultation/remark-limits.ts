import { combineDecisions, sharedLimiter, WindowLimiter, type LimitDecision, type WindowOptions } from '../auth/rate-limit';

/**
 * How fast remarks may be written (new ones and edits), per client address AND per link token.
 *
 * The arithmetic. A careful respondent writes a remark in minutes; forty in ten minutes from one
 * address is an office pasting a prepared list, still let through. A public link is shared by a
 * whole town: 400 writes per ten minutes across everyone using it stops a script flooding the
 * round while a busy evening of real people stays far below. An invited person's link is theirs
 * alone, so it meets the same ceiling and never runs into it.
 */
export const REMARK_RATE = {
	address: { max: 40, windowMs: 10 * 60_000 },
	link: { max: 400, windowMs: 10 * 60_000 }
} as const satisfies Record<string, WindowOptions>;

export class RemarkRateLimits {
	readonly address: WindowLimiter;
	readonly link: WindowLimiter;

	constructor(address: WindowOptions = REMARK_RATE.address, link: WindowOptions = REMARK_RATE.link) {
		this.address = new WindowLimiter(address);
		this.link = new WindowLimiter(link);
	}

	/** Asked before a write; a refused write changes nothing. */
	check(address: string, linkToken: string, now = Date.now()): LimitDecision {
		return combineDecisions(this.address.check(address, now), this.link.check(linkToken, now));
	}

	/** Counts a write once it is stored. */
	record(address: string, linkToken: string, now = Date.now()): void {
		this.address.fail(address, now);
		this.link.fail(linkToken, now);
	}
}

export function remarkRateLimits(): RemarkRateLimits {
	return sharedLimiter('consultation-remarks', () => new RemarkRateLimits());
}
