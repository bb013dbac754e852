/**
 * A choice remembered on this device, such as a board's view: people settle on what suits them.
 * Storage may be missing or refuse writes (private mode, the server render); then the choice
 * lasts for this page only and the fallback stands.
 */
export function readStoredChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
	try {
		const stored = localStorage.getItem(key);
		return allowed.find((value) => value === stored) ?? fallback;
	} catch {
		return fallback;
	}
}

export function writeStoredChoice(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Private mode without storage: the choice lasts for this page only.
	}
}
