import { filterCards, sortCards, type CardFilter, type CardSortKey, type InactionCard, type SortDirection } from '$lib/domain/inaction-cards';

/** How the grid is sorted and filtered: a view of one's own screen, never written to the board. */
export interface CardsView {
	sortKey: CardSortKey;
	sortDir: SortDirection;
	/** '' = every area. */
	area: string;
	/** '' = any severity, unassessed cards included; otherwise '1'…'5'. */
	minSeverity: string;
	cost: 'all' | 'with' | 'without';
}

export const DEFAULT_VIEW: CardsView = { sortKey: 'order', sortDir: 'asc', area: '', minSeverity: '', cost: 'all' };

export function isFiltered(view: CardsView): boolean {
	return view.area !== '' || view.minSeverity !== '' || view.cost !== 'all';
}

/** The cards the grid shows, in the order it shows them. */
export function viewCards(cards: readonly InactionCard[], view: CardsView): InactionCard[] {
	const filter: CardFilter = {};
	if (view.area !== '') filter.area = view.area;
	if (view.minSeverity !== '') filter.minSeverity = Number(view.minSeverity);
	if (view.cost !== 'all') filter.withCost = view.cost === 'with';
	return sortCards(filterCards(cards, filter), view.sortKey, view.sortDir);
}
