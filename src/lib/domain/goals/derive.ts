import type * as Y from 'yjs';
import { compareByOrder } from '../sibling-order';
import { readArea, readItems, type Indicator, type StoredArea, type StoredItem } from './schema';
import { parseTimeframe, type Timeframe } from './timeframe';
import type { ItemLink } from './item-links';

/**
 * The outline every client reads: area → strategic goals ("5") → specific goals ("5.1") →
 * action directions numbered 1…n across the whole area. Numbers are positions, never stored,
 * so inserts, moves and deletes renumber by themselves and two replicas that hold the same doc
 * show the same numbers.
 *
 * Repairs (on read, by rules that depend only on the doc, the doc itself left as it is):
 * - a specific goal whose parent is missing or not a strategic goal goes under the first
 *   strategic goal; an action whose parent is missing or not a goal goes there too;
 * - when no strategic goal is left at all (two people deleted the last two at once), those
 *   orphans are shown under a placeholder strategic goal with id '' until someone adds one.
 */
export type ActionProblem = 'no-indicator' | 'no-timeframe' | 'bad-timeframe';

export interface ActionDirection {
	id: string;
	/** 1, 2, … continuous across the area, in outline order. */
	number: number;
	parentId: string;
	text: string;
	timeframe: string;
	parsedTimeframe: Timeframe | null;
	indicators: Indicator[];
	/** Own entities, or the area's when the action lists none. */
	entities: string[];
	inheritsEntities: boolean;
	responsible: string;
	funding: string;
	footnotes: string[];
	problems: ActionProblem[];
	sourceBoxId: string | null;
	sourceBoardId: string | null;
	links: ItemLink[];
	repaired: boolean;
	/** Stored sibling key ('' when unusable). */
	order: string;
}

export interface SpecificGoal {
	id: string;
	/** "5.1" */
	number: string;
	parentId: string;
	text: string;
	actions: ActionDirection[];
	footnotes: string[];
	sourceBoxId: string | null;
	sourceBoardId: string | null;
	links: ItemLink[];
	repaired: boolean;
	order: string;
}

export interface StrategicGoal {
	id: string;
	/** "5" when the area starts at 5, else "1", "2", … by position. */
	number: string;
	text: string;
	specific: SpecificGoal[];
	/** Actions placed directly under the strategic goal (numbered after its specific goals' actions). */
	actions: ActionDirection[];
	footnotes: string[];
	sourceBoxId: string | null;
	sourceBoardId: string | null;
	links: ItemLink[];
	/** The placeholder shown when orphans exist but no strategic goal does (id ''). */
	placeholder: boolean;
	order: string;
}

export interface GoalsFootnote {
	/** 1, 2, … in reading order: goal footnotes, then the area's (indicator column), then actions'. */
	number: number;
	/** The item that carries it, or 'area'. */
	ownerId: string;
	index: number;
	text: string;
}

export interface GoalsOutline {
	area: { title: string; number: string; firstGoalNumber: number; entities: string[]; entitiesNote: string; footnotes: string[] };
	strategic: StrategicGoal[];
	/** Every action in outline (= number) order. */
	actions: ActionDirection[];
	incompleteActions: number;
	footnotes: GoalsFootnote[];
}

export function deriveGoals(doc: Y.Doc): GoalsOutline {
	const stored = readItems(doc);
	const area = readArea(doc);
	const firstGoalNumber = area.firstGoalNumber ?? goalNumberFromArea(area.number) ?? 1;

	const strategicItems = [...stored.values()].filter((item) => item.type === 'strategic').sort(compareByOrder);
	const firstStrategicId = strategicItems[0]?.id ?? '';
	const childrenOf = new Map<string, Array<{ item: StoredItem; repaired: boolean }>>();
	for (const item of stored.values()) {
		if (item.type === 'strategic') continue;
		const parent = stored.get(item.parent);
		const fits = item.type === 'specific' ? parent?.type === 'strategic' : parent !== undefined && parent.type !== 'action';
		const parentId = fits ? item.parent : firstStrategicId;
		const list = childrenOf.get(parentId) ?? [];
		list.push({ item, repaired: !fits });
		childrenOf.set(parentId, list);
	}
	for (const list of childrenOf.values()) list.sort((a, b) => compareByOrder(a.item, b.item));

	const roots = strategicItems.map((item) => ({ item, placeholder: false }));
	if (roots.length === 0 && childrenOf.has('')) roots.push({ item: placeholderItem(), placeholder: true });

	const allActions: ActionDirection[] = [];
	const toAction = (item: StoredItem, parentId: string, repaired: boolean) => {
		const action = toActionDirection(item, parentId, repaired, allActions.length + 1, area);
		allActions.push(action);
		return action;
	};
	const strategic = roots.map(({ item, placeholder }, index): StrategicGoal => {
		const children = childrenOf.get(item.id) ?? [];
		const specific = children
			.filter(({ item: child }) => child.type === 'specific')
			.map(({ item: child, repaired }, specificIndex): SpecificGoal => ({
				...goalFields(child),
				number: `${firstGoalNumber + index}.${specificIndex + 1}`,
				parentId: item.id,
				repaired,
				actions: (childrenOf.get(child.id) ?? []).map((entry) => toAction(entry.item, child.id, entry.repaired))
			}));
		const actions = children
			.filter(({ item: child }) => child.type === 'action')
			.map((entry) => toAction(entry.item, item.id, entry.repaired));
		return { ...goalFields(item), number: `${firstGoalNumber + index}`, specific, actions, placeholder };
	});

	return {
		area: { ...area, firstGoalNumber },
		strategic,
		actions: allActions,
		incompleteActions: allActions.filter((action) => action.problems.length > 0).length,
		footnotes: collectFootnotes(strategic, area, allActions)
	};
}

/** "Obszar V. Poprawa współpracy" → { number: 'V', title: 'Poprawa współpracy' }; other text is all title. */
export function splitAreaName(text: string): { number: string; title: string } {
	const match = /^obszar\s+([IVXLC]{1,8}|\d{1,3})\s*[.:–-]?\s*(.*)$/i.exec(text.trim());
	return match ? { number: match[1].toUpperCase(), title: match[2].trim() } : { number: '', title: text.trim() };
}

/** "V" → 5, "5" → 5, "Obszar 3" → null: the area's own number, when it reads as one. */
export function goalNumberFromArea(number: string): number | null {
	const text = number.trim().replace(/\.$/, '');
	if (/^\d{1,3}$/.test(text)) return Number(text);
	const upper = text.toUpperCase();
	if (!/^[IVXLC]{1,8}$/.test(upper)) return null;
	const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
	let total = 0;
	for (let i = 0; i < upper.length; i++) {
		const value = values[upper[i]];
		const next = values[upper[i + 1]] ?? 0;
		total += value < next ? -value : value;
	}
	return total > 0 ? total : null;
}

export function actionProblems(item: { timeframe: string; indicators: Indicator[] }): ActionProblem[] {
	const problems: ActionProblem[] = [];
	if (!item.indicators.some((indicator) => indicator.name.trim() !== '')) problems.push('no-indicator');
	if (item.timeframe.trim() === '') problems.push('no-timeframe');
	else if (parseTimeframe(item.timeframe) === null) problems.push('bad-timeframe');
	return problems;
}

function goalFields(item: StoredItem) {
	return {
		id: item.id,
		text: item.text,
		footnotes: item.footnotes,
		sourceBoxId: item.sourceBoxId,
		sourceBoardId: item.sourceBoardId,
		links: item.links,
		order: item.order
	};
}

function toActionDirection(item: StoredItem, parentId: string, repaired: boolean, number: number, area: StoredArea): ActionDirection {
	const inheritsEntities = item.entities.length === 0;
	return {
		id: item.id,
		number,
		parentId,
		text: item.text,
		timeframe: item.timeframe,
		parsedTimeframe: parseTimeframe(item.timeframe),
		indicators: item.indicators,
		entities: inheritsEntities ? area.entities : item.entities,
		inheritsEntities,
		responsible: item.responsible,
		funding: item.funding,
		footnotes: item.footnotes,
		problems: actionProblems(item),
		sourceBoxId: item.sourceBoxId,
		sourceBoardId: item.sourceBoardId,
		links: item.links,
		repaired,
		order: item.order
	};
}

function collectFootnotes(strategic: StrategicGoal[], area: StoredArea, actions: ActionDirection[]): GoalsFootnote[] {
	const owners: Array<{ id: string; footnotes: string[] }> = [];
	for (const goal of strategic) {
		owners.push(goal);
		owners.push(...goal.specific);
	}
	owners.push({ id: 'area', footnotes: area.footnotes }, ...actions);
	const out: GoalsFootnote[] = [];
	for (const owner of owners) {
		owner.footnotes.forEach((text, index) => out.push({ number: out.length + 1, ownerId: owner.id, index, text }));
	}
	return out;
}

function placeholderItem(): StoredItem {
	return {
		id: '',
		type: 'strategic',
		parent: '',
		order: '',
		text: '',
		footnotes: [],
		timeframe: '',
		indicators: [],
		entities: [],
		responsible: '',
		funding: '',
		sourceBoxId: null,
		sourceBoardId: null,
		links: []
	};
}
