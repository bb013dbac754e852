import * as Y from 'yjs';
import { replaceTextMinimally } from '../text-edit';
import { clampIndex, placeAt } from '../sibling-order';
import { deriveGoals, type GoalsOutline } from './derive';
import {
	FIELD_MAX,
	GOALS_SCHEMA_VERSION,
	ITEM_TEXT_MAX,
	getItemMap,
	goalsAreaMap,
	goalsItemsMap,
	goalsMetaMap,
	readGoalsSchemaVersion,
	type GoalItemType
} from './schema';

/**
 * Outline operations on a goals board. Each runs in one transaction with the caller's origin
 * (so an UndoManager tracking that origin undoes exactly the local person's changes), decides
 * against the outline as derived locally (repairs included), and returns null/false, never
 * throws, when it cannot be carried out: ids come from the UI and may name an item another
 * person has just deleted. Field-level operations (indicators, entities, footnotes, area) are
 * in details.ts.
 */
export interface NewItemInput {
	text?: string;
	/** Position among the new item's siblings of the same type; the end when omitted. */
	index?: number;
	/** For tests and imports; a fresh UUID otherwise. */
	id?: string;
	/** Link to the objective-tree box the item came from. */
	sourceBoxId?: string;
	sourceBoardId?: string;
}

export interface NewActionInput extends NewItemInput {
	timeframe?: string;
}

/** Writes the meta and the area's shared types when missing; safe to call on a doc that has them. */
export function initGoalsDoc(doc: Y.Doc, options: { origin?: unknown } = {}): void {
	doc.transact(() => {
		if (readGoalsSchemaVersion(doc) === 0) goalsMetaMap(doc).set('schemaVersion', GOALS_SCHEMA_VERSION);
		ensureAreaTypes(doc);
	}, options.origin ?? null);
}

/**
 * The area's Y.Text and Y.Arrays are created with the board (server side) so that two clients
 * never each create one and lose the other's edits; this only fills in what an old doc lacks.
 */
export function ensureAreaTypes(doc: Y.Doc): void {
	const area = goalsAreaMap(doc);
	if (!(area.get('title') instanceof Y.Text)) area.set('title', new Y.Text());
	if (!(area.get('entities') instanceof Y.Array)) area.set('entities', new Y.Array<string>());
	if (!(area.get('footnotes') instanceof Y.Array)) area.set('footnotes', new Y.Array<string>());
	if (typeof area.get('number') !== 'string') area.set('number', '');
	if (typeof area.get('entitiesNote') !== 'string') area.set('entitiesNote', '');
}

export function addStrategicGoal(doc: Y.Doc, input: NewItemInput = {}, origin: unknown = null): string | null {
	return addItem(doc, 'strategic', '', input, origin);
}

/** Under a strategic goal. */
export function addSpecificGoal(doc: Y.Doc, parentId: string, input: NewItemInput = {}, origin: unknown = null): string | null {
	return addItem(doc, 'specific', parentId, input, origin);
}

/** Under a specific goal or directly under a strategic goal. */
export function addAction(doc: Y.Doc, parentId: string, input: NewActionInput = {}, origin: unknown = null): string | null {
	return addItem(doc, 'action', parentId, input, origin);
}

function addItem(doc: Y.Doc, type: GoalItemType, parentId: string, input: NewActionInput, origin: unknown): string | null {
	const outline = deriveGoals(doc);
	const siblings = siblingsUnder(outline, parentId, type);
	const id = input.id ?? crypto.randomUUID();
	if (!siblings || id === '' || goalsItemsMap(doc).has(id)) return null;
	doc.transact(() => {
		const [order] = placeAt(siblings, input.index ?? siblings.length, 1, setItemOrder(doc));
		goalsItemsMap(doc).set(id, createItemMap(type, parentId, order, input));
	}, origin);
	return id;
}

/**
 * Replaces an item's text by changing only the span that differs, so two people typing in the
 * same item at once both keep their words.
 */
export function editItemText(doc: Y.Doc, id: string, nextText: string, origin: unknown = null): boolean {
	const text = getItemMap(doc, id)?.get('text');
	if (!(text instanceof Y.Text)) return false;
	replaceTextMinimally(doc, text, nextText.slice(0, ITEM_TEXT_MAX), origin);
	return true;
}


/**
 * Puts an item (with what hangs under it) under `newParentId` at `index` among that parent's
 * children of the same type, counted without the item. Types never change: a strategic goal
 * takes parent '', a specific goal a strategic goal, an action either kind of goal.
 */
export function moveItem(doc: Y.Doc, id: string, newParentId: string, index: number, origin: unknown = null): boolean {
	const outline = deriveGoals(doc);
	const node = locate(outline).get(id);
	const map = getItemMap(doc, id);
	if (!node || !map) return false;
	const current = siblingsUnder(outline, newParentId, node.type);
	if (!current) return false;
	const siblings = current.filter((sibling) => sibling.id !== id);
	const at = clampIndex(index, siblings.length);
	if (!node.repaired && map.get('parent') === newParentId && current.findIndex((s) => s.id === id) === at) return true;
	doc.transact(() => {
		const [order] = placeAt(siblings, at, 1, setItemOrder(doc));
		if (map.get('parent') !== newParentId) map.set('parent', newParentId);
		if (map.get('order') !== order) map.set('order', order);
	}, origin);
	return true;
}

/**
 * Deletes an item; what hangs under it moves up. A specific goal's actions go to its strategic
 * goal, ahead of that goal's own actions. A strategic goal's specific goals and actions join
 * the previous strategic goal (the next one for the first); the only strategic goal can be
 * deleted only once it is empty.
 */
export function deleteItem(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	const outline = deriveGoals(doc);
	const node = locate(outline).get(id);
	if (!node || !getItemMap(doc, id)) return false;
	if (node.type === 'action') {
		doc.transact(() => goalsItemsMap(doc).delete(id), origin);
		return true;
	}
	if (node.type === 'specific') {
		const goal = outline.strategic.find((g) => g.specific.some((s) => s.id === id))!;
		const specific = goal.specific.find((s) => s.id === id)!;
		doc.transact(() => {
			// Under the placeholder the actions stay orphans, shown in the same place.
			if (!goal.placeholder) rehome(doc, specific.actions, goal.id, goal.actions, 0);
			goalsItemsMap(doc).delete(id);
		}, origin);
		return true;
	}
	const real = outline.strategic.filter((g) => !g.placeholder);
	const at = real.findIndex((g) => g.id === id);
	const goal = real[at];
	const heir = real[at - 1] ?? real[at + 1];
	const hasChildren = goal.specific.length > 0 || goal.actions.length > 0;
	if (hasChildren && !heir) return false;
	doc.transact(() => {
		if (heir) {
			rehome(doc, goal.specific, heir.id, heir.specific, heir.specific.length);
			rehome(doc, goal.actions, heir.id, heir.actions, heir.actions.length);
		}
		goalsItemsMap(doc).delete(id);
	}, origin);
	return true;
}

function rehome(doc: Y.Doc, moving: Sibling[], parentId: string, siblings: Sibling[], index: number): void {
	if (moving.length === 0) return;
	const keys = placeAt(siblings, index, moving.length, setItemOrder(doc));
	moving.forEach((item, i) => {
		const map = getItemMap(doc, item.id);
		if (!map) return;
		map.set('parent', parentId);
		map.set('order', keys[i]);
	});
}

interface Sibling {
	id: string;
	order: string;
}

interface LocatedItem {
	type: GoalItemType;
	parentId: string;
	repaired: boolean;
}

/** Every real item of the outline by id (the placeholder excluded). */
export function locate(outline: GoalsOutline): Map<string, LocatedItem> {
	const out = new Map<string, LocatedItem>();
	for (const goal of outline.strategic) {
		if (!goal.placeholder) out.set(goal.id, { type: 'strategic', parentId: '', repaired: false });
		for (const specific of goal.specific) {
			out.set(specific.id, { type: 'specific', parentId: specific.parentId, repaired: specific.repaired });
			for (const action of specific.actions) out.set(action.id, { type: 'action', parentId: action.parentId, repaired: action.repaired });
		}
		for (const action of goal.actions) out.set(action.id, { type: 'action', parentId: action.parentId, repaired: action.repaired });
	}
	return out;
}

/** The ordered siblings an item of `type` would have under `parentId`, or null when it cannot go there. */
function siblingsUnder(outline: GoalsOutline, parentId: string, type: GoalItemType): Sibling[] | null {
	if (type === 'strategic') return parentId === '' ? outline.strategic.filter((g) => !g.placeholder) : null;
	const goal = outline.strategic.find((g) => g.id === parentId && !g.placeholder);
	if (goal) return type === 'specific' ? goal.specific : goal.actions;
	if (type === 'specific') return null;
	for (const g of outline.strategic) {
		const specific = g.specific.find((s) => s.id === parentId);
		if (specific) return specific.actions;
	}
	return null;
}

function createItemMap(type: GoalItemType, parent: string, order: string, input: NewActionInput): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	const text = new Y.Text();
	if (input.text) text.insert(0, input.text.slice(0, ITEM_TEXT_MAX));
	map.set('type', type);
	map.set('parent', parent);
	map.set('order', order);
	map.set('text', text);
	map.set('footnotes', new Y.Array<string>());
	// Created with the item, so two people adding the first links at once add to one array.
	map.set('links', new Y.Array<string>());
	if (typeof input.sourceBoxId === 'string') map.set('sourceBoxId', input.sourceBoxId);
	if (typeof input.sourceBoardId === 'string') map.set('sourceBoardId', input.sourceBoardId);
	if (type !== 'action') return map;
	map.set('timeframe', (input.timeframe ?? '').slice(0, FIELD_MAX));
	map.set('indicators', new Y.Array<Y.Map<unknown>>());
	map.set('entities', new Y.Array<string>());
	map.set('responsible', '');
	map.set('funding', '');
	return map;
}

/** How placeAt renumbers an item's siblings. */
function setItemOrder(doc: Y.Doc) {
	return (id: string, key: string) => getItemMap(doc, id)?.set('order', key);
}
