/**
 * Short workshop join codes that people read off a projector and type on a laptop.
 *
 * The alphabet starts from digits and capital letters and drops every symbol that is easily
 * confused with another one on a projector, in handwriting or in a sans-serif font:
 *   0 O Q    — all dropped (D stays: with 0 and O gone nothing is left to mistake it for),
 *   1 I L    — all dropped,
 *   2 Z, 5 S, 6 G, 8 B — both members of each pair dropped.
 * That leaves 22 symbols; 8 of them give 22^8 ≈ 5.5·10^10 codes (about 35.7 bits). That is far
 * too few for a secret on its own, which is why a code only works for one workshop inside its
 * time window and failed attempts are rate-limited (see lib/server/join-limits.ts); join links
 * carry full-strength tokens instead.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY3479';
export const JOIN_CODE_LENGTH = 8;

/** Accepts only bytes below the largest multiple of the alphabet size: no modulo bias. */
const UNBIASED_LIMIT = 256 - (256 % JOIN_CODE_ALPHABET.length);

export function generateJoinCode(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
	let code = '';
	const bytes = new Uint8Array(JOIN_CODE_LENGTH * 2);
	while (code.length < JOIN_CODE_LENGTH) {
		random(bytes);
		for (const byte of bytes) {
			if (byte >= UNBIASED_LIMIT) continue;
			code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
			if (code.length === JOIN_CODE_LENGTH) break;
		}
	}
	return code;
}

/** What a person typed, as stored: upper case, without spaces, dashes or other separators. */
export function normalizeJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s\-_.–—]+/g, '');
}

export function isWellFormedJoinCode(code: string): boolean {
	if (code.length !== JOIN_CODE_LENGTH) return false;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return false;
	return true;
}

/** XXXX-XXXX: two groups of four are easier to read aloud and to type. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
