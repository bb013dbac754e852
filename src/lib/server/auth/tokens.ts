import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

// 32 symbols, so each random byte's top five bits pick one without bias.
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 characters × 5 bits = 120 bits of randomness, as the Lucia guide asks. */
export function generateSecureRandomString(length = 24): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += TOKEN_ALPHABET[byte >> 3];
	return out;
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function hashSecretHex(secret: string): string {
	return Buffer.from(hashSecret(secret)).toString('hex');
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	const hash = hashSecret(secret);
	return hash.length === storedHash.length && constantTimeEqual(hash, new Uint8Array(storedHash));
}
