import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Sibling order for the structured boards (problem tree, goals): fractional-indexing keys, so
 * concurrent inserts between the same two siblings both survive, ties broken by id.
 */
export const ORDER_KEY_MAX = 128;

export interface Ordered {
	id: string;
	/** '' when the stored key was unusable (see isOrderKey); sorts first. */
	order: string;
}

/** A key that fractional-indexing accepts; anything else would make key generation throw. */
export function isOrderKey(value: unknown): value is string {
	if (typeof value !== 'string' || value.length === 0 || value.length > ORDER_KEY_MAX) return false;
	try {
		generateKeyBetween(value, null);
		return true;
	} catch {
		return false;
	}
}

/** By key, ties (concurrent inserts at the same spot) broken by id, the same everywhere. */
export function compareByOrder(a: Ordered, b: Ordered): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function clampIndex(index: number, length: number): number {
	return Number.isFinite(index) ? Math.min(Math.max(Math.trunc(index), 0), length) : length;
}

/**
 * `count` keys that sort at `index` among `siblings` (ordered, without the entries being placed).
 * Keys written by other clients may be unusable ('' on read) or equal (two inserts at the same
 * spot); when the neighbours leave no room, every sibling gets a fresh key in its current order
 * through `setOrder`. Call inside a transaction: the renumbering writes to the doc.
 */
export function placeAt(siblings: readonly Ordered[], index: number, count: number, setOrder: (id: string, key: string) => void): string[] {
	const at = clampIndex(index, siblings.length);
	// '' sorts before every key, so an entry after an unusable key can take any key from the bottom.
	const before = siblings[at - 1]?.order || null;
	const after = at < siblings.length ? siblings[at].order : null;
	if (after !== '' && (before === null || after === null || before < after)) {
		const keys = keysBetween(before, after, count);
		if (keys && keys.every((key) => key.length <= ORDER_KEY_MAX)) return keys;
	}
	const fresh = generateNKeysBetween(null, null, siblings.length + count);
	siblings.forEach((sibling, i) => {
		const key = fresh[i < at ? i : i + count];
		if (sibling.order !== key) setOrder(sibling.id, key);
	});
	return fresh.slice(at, at + count);
}

function keysBetween(before: string | null, after: string | null, count: number): string[] | null {
	try {
		return generateNKeysBetween(before, after, count);
	} catch {
		return null; // keys are validated on read, so this is only a safety net
	}
}
