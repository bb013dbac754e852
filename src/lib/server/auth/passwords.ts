import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): about 30–60 ms per hash on a
 * small server, slow enough to make offline guessing expensive, fast enough for sign-in.
 * `Algorithm` is a const enum in the typings; esbuild cannot inline ambient const enums, so
 * the numeric value (Argon2id = 2) is written out and the module runs in the bundled CLI too.
 */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 accepts long input, but a megabyte "password" is a cheap way to burn our CPU. */
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash alike: never throws at sign-in. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real verification, so an unknown e-mail cannot be told apart
 * from a wrong password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('narada-dummy-password-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
