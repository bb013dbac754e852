import type * as Y from 'yjs';
import { parseCostEstimate, type CostEstimate } from './cost-estimate';
import { DIMENSIONS, readCardsInOrder, type Severity, type StoredCard } from './schema';

/**
 * The read model of a cost-of-inaction board: cards in board order with their estimate read
 * and their severities summed up, plus the grid's sorting, filtering and the cost summary.
 * Pure functions of the doc, so every replica shows the same grid.
 */
export interface InactionCard extends StoredCard {
	/** 0-based place on the board (the order people arranged), kept through sorting and filtering. */
	position: number;
	/** The estimate read from costEstimate; { ok: false, reason: 'empty' } when none is written. */
	cost: CostEstimate;
	/** The highest severity over the assessed dimensions; null when none is assessed. */
	maxSeverity: Severity | null;
}

export type CardSortKey = 'order' | 'area' | 'severity' | 'cost';
export type SortDirection = 'asc' | 'desc';

export interface CardFilter {
	/** Cards of this area (compared without case and surrounding spaces). */
	area?: string;
	/** Cards whose highest severity is at least this; unassessed cards drop out. */
	minSeverity?: number;
	/** true: only cards with a computed estimate; false: only cards without one (none or unreadable). */
	withCost?: boolean;
}

/** Enough to name a card in a list and jump to it. */
export interface CardRef {
	id: string;
	area: string;
}

export interface CostSummary {
	/** Sum of the computed estimates, rounded to grosze. */
	total: number;
	withEstimate: number;
	/** Cards with nothing written as the estimate. */
	withoutEstimate: CardRef[];
	/** Cards whose estimate is written but cannot be computed (see card.cost.reason). */
	unparsable: CardRef[];
}

export function deriveCards(doc: Y.Doc): InactionCard[] {
	return readCardsInOrder(doc).map((card, position) => toInactionCard(card, position));
}

export function toInactionCard(card: StoredCard, position: number): InactionCard {
	const severities = DIMENSIONS.flatMap((dimension) => card.severity[dimension] ?? []);
	return {
		...card,
		position,
		cost: parseCostEstimate(card.costEstimate),
		maxSeverity: severities.length > 0 ? (Math.max(...severities) as Severity) : null
	};
}

/**
 * A sorted copy. Cards without the sorted value (no area, no assessed severity, no computed
 * cost) go last in both directions, since they are what the group still has to fill in; ties
 * keep board order.
 */
export function sortCards(cards: readonly InactionCard[], by: CardSortKey, dir: SortDirection = 'asc'): InactionCard[] {
	const sign = dir === 'desc' ? -1 : 1;
	return [...cards].sort((a, b) => {
		if (by === 'order') return sign * (a.position - b.position);
		const [x, y] = [sortValue(a, by), sortValue(b, by)];
		if (x === null || y === null) return x === y ? a.position - b.position : x === null ? 1 : -1;
		const compared = typeof x === 'string' ? areaCollator.compare(x, y as string) : x - (y as number);
		return compared !== 0 ? sign * compared : a.position - b.position;
	});
}

export function filterCards(cards: readonly InactionCard[], filter: CardFilter): InactionCard[] {
	const area = filter.area === undefined ? undefined : normalizeArea(filter.area);
	return cards.filter((card) => {
		if (area !== undefined && area !== '' && normalizeArea(card.area) !== area) return false;
		if (filter.minSeverity !== undefined && (card.maxSeverity === null || card.maxSeverity < filter.minSeverity)) return false;
		if (filter.withCost !== undefined && card.cost.ok !== filter.withCost) return false;
		return true;
	});
}

export function costSummary(cards: readonly InactionCard[]): CostSummary {
	const summary: CostSummary = { total: 0, withEstimate: 0, withoutEstimate: [], unparsable: [] };
	let cents = 0;
	for (const card of cards) {
		const ref = { id: card.id, area: card.area };
		if (card.cost.ok) {
			cents += Math.round(card.cost.value * 100);
			summary.withEstimate++;
		} else if (card.cost.reason === 'empty') summary.withoutEstimate.push(ref);
		else summary.unparsable.push(ref);
	}
	summary.total = cents / 100;
	return summary;
}

/** The distinct areas on the board, for the area filter: first spelling of each, sorted the Polish way. */
export function cardAreas(cards: readonly InactionCard[]): string[] {
	const byKey = new Map<string, string>();
	for (const card of cards) {
		const key = normalizeArea(card.area);
		if (key !== '' && !byKey.has(key)) byKey.set(key, card.area.trim());
	}
	return [...byKey.values()].sort(areaCollator.compare);
}

const areaCollator = new Intl.Collator('pl', { sensitivity: 'base' });

function normalizeArea(area: string): string {
	return area.trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
}

function sortValue(card: InactionCard, by: Exclude<CardSortKey, 'order'>): string | number | null {
	if (by === 'area') return card.area.trim() === '' ? null : card.area.trim();
	if (by === 'severity') return card.maxSeverity;
	return card.cost.ok ? card.cost.value : null;
}
