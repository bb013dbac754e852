import { describe, expect, it } from 'vitest';
import {
	formatJoinCode,
	generateJoinCode,
	isWellFormedJoinCode,
	JOIN_CODE_ALPHABET,
	normalizeJoinCode
} from '../../src/lib/domain/join-code';

describe('join codes', () => {
	it('has no look-alike symbols in the alphabet', () => {
		for (const ambiguous of '0OQ1IL2Z5S6G8B') expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('generates 8 characters from the alphabet', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateJoinCode();
			expect(code).toHaveLength(8);
			expect(isWellFormedJoinCode(code)).toBe(true);
		}
	});

	it('skips random bytes that would bias the first symbols', () => {
		// 242..255 would wrap around onto the first 14 symbols; they must be thrown away.
		const feed = [250, 255, 242, 0, 21, 243, 1, 2, 3, 4, 5, 6];
		let at = 0;
		const code = generateJoinCode((bytes) => {
			for (let i = 0; i < bytes.length; i++) bytes[i] = feed[at++ % feed.length];
		});
		const a = JOIN_CODE_ALPHABET;
		expect(code).toBe(a[0] + a[21] + a[1] + a[2] + a[3] + a[4] + a[5] + a[6]);
	});

	it('uses every symbol about equally often', () => {
		const counts = new Map<string, number>();
		for (let i = 0; i < 5000; i++) for (const c of generateJoinCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
		const expected = (5000 * 8) / JOIN_CODE_ALPHABET.length;
		for (const c of JOIN_CODE_ALPHABET) expect(Math.abs((counts.get(c) ?? 0) - expected) / expected).toBeLessThan(0.15);
	});

	it('accepts what people type: lower case, spaces and dashes', () => {
		expect(normalizeJoinCode(' ack3-m9tx ')).toBe('ACK3M9TX');
		expect(normalizeJoinCode('ack3 m9tx')).toBe('ACK3M9TX');
		expect(isWellFormedJoinCode(normalizeJoinCode('ack3-m9tx'))).toBe(true);
		expect(isWellFormedJoinCode('ACK3M9T')).toBe(false);
		expect(isWellFormedJoinCode('ACK3M9T0')).toBe(false);
	});

	it('shows the code as two groups of four', () => {
		expect(formatJoinCode('ACK3M9TX')).toBe('ACK3-M9TX');
	});
});
