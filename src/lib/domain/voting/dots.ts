import type { VoteItem } from './items';

/** What the facilitator chose when opening the vote. */
export interface VoteSettings {
	dotsPerPerson: number;
	/** 1 = one dot per item; dotsPerPerson = all dots may go to one item. */
	maxPerItem: number;
	/** Counts shown to everyone while the vote runs, or only once it is closed. */
	resultsLive: boolean;
	noOwnItems: boolean;
	randomOrder: boolean;
	facilitatorVotes: boolean;
}

export const DOTS_PER_PERSON_MAX = 20;

export type PlaceRefusal = 'not-voting' | 'own-item' | 'no-dots-left' | 'item-full';

/**
 * Whether one more dot may go to `item`, given the voter's dots so far (item ids, one per dot).
 * The server applies it inside the transaction that inserts the dot, so concurrent clicks
 * cannot pass it twice.
 */
export function refusePlace(
	settings: VoteSettings,
	voter: { id: string; isFacilitator: boolean },
	item: VoteItem,
	myDots: readonly string[]
): PlaceRefusal | null {
	if (voter.isFacilitator && !settings.facilitatorVotes) return 'not-voting';
	if (settings.noOwnItems && item.authorId !== null && item.authorId === voter.id) return 'own-item';
	if (myDots.length >= settings.dotsPerPerson) return 'no-dots-left';
	if (myDots.filter((id) => id === item.id).length >= settings.maxPerItem) return 'item-full';
	return null;
}

/** Dots per item id, from one item id per dot. */
export function countDots(itemIds: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const id of itemIds) counts[id] = (counts[id] ?? 0) + 1;
	return counts;
}

export interface RankedItem extends VoteItem {
	dots: number;
	/** 1-based; items with the same count share a place ("1, 2, 2, 4"). */
	place: number;
}

/** Most dots first; ties keep the board's order, so every screen shows the same list. */
export function rankItems(items: readonly VoteItem[], totals: Readonly<Record<string, number>>): RankedItem[] {
	const sorted = items
		.map((item, index) => ({ ...item, dots: totals[item.id] ?? 0, index }))
		.sort((a, b) => b.dots - a.dots || a.index - b.index);
	let place = 0;
	return sorted.map(({ index: _index, ...item }, position) => {
		if (position === 0 || sorted[position - 1].dots !== item.dots) place = position + 1;
		return { ...item, place };
	});
}

/**
 * The items in an order of their own for each person (random order option), the same on every
 * reload: a shuffle seeded by person and vote, so nobody's first item is everyone's first item.
 */
export function orderForPerson<T extends { id: string }>(items: readonly T[], personId: string, voteId: string): T[] {
	const random = seededRandom(`${personId}:${voteId}`);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** mulberry32 over an FNV-1a hash of the seed: small, fast, good enough to shuffle a list. */
function seededRandom(seed: string): () => number {
	let state = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
