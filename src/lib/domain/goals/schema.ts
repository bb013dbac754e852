import * as Y from 'yjs';
import { isOrderKey } from '../sibling-order';
import { readItemLinks, type ItemLink } from './item-links';

/**
 * The Yjs schema of a goals board (cele i kierunki działań). One board = one Y.Doc:
 *   meta:  { schemaVersion }
 *   area:  { title: Y.Text, number, firstGoalNumber, entities: Y.Array<string>, entitiesNote,
 *            footnotes: Y.Array<string> }
 *   items: { [id]: Y.Map { type, parent, order, text: Y.Text, footnotes: Y.Array<string>,
 *            and for actions timeframe, indicators: Y.Array<Y.Map>, entities: Y.Array<string>,
 *            responsible, funding, sourceBoxId?, sourceBoardId? } }
 * Like the problem tree, the outline is stored as parent pointers plus fractional sibling keys,
 * so a move is one field write. The hierarchy is fixed by type (strategic → specific → action),
 * so pointers cannot form a cycle; an entry whose parent is gone or of the wrong type is
 * re-homed on read (derive.ts). Footnotes are allowed on every item and on the area (the seed
 * has one on a specific goal and one on the indicator column), not only on actions.
 * Nothing read from the doc is trusted: readers validate each entry and skip what does not fit.
 */
export const GOALS_SCHEMA_VERSION = 1;

export const GOALS_META_NAME = 'meta';
export const GOALS_AREA_NAME = 'area';
export const GOALS_ITEMS_NAME = 'items';

/** Pseudo-id that setEntities/addFootnote/removeFootnote accept for the area itself. */
export const AREA_ID = 'area';

export const ITEM_TEXT_MAX = 1500;
export const AREA_TITLE_MAX = 300;
export const AREA_NUMBER_MAX = 12;
export const FIELD_MAX = 300;
export const ENTITY_MAX = 300;
export const ENTITIES_MAX = 60;
export const ENTITIES_NOTE_MAX = 1000;
export const FOOTNOTE_MAX = 1500;
export const FOOTNOTES_MAX = 20;
export const INDICATORS_MAX = 30;
export const FIRST_GOAL_NUMBER_MAX = 999;
/** Board and box ids are UUIDs or short fixed ids ('core', 'o-<uuid>'). */
export const SOURCE_ID_MAX = 100;

export const ITEM_TYPES = ['strategic', 'specific', 'action'] as const;
export type GoalItemType = (typeof ITEM_TYPES)[number];

export interface Indicator {
	id: string;
	name: string;
	unit: string;
	baseline: string;
	target: string;
	source: string;
	splitBySex: boolean;
}

export const INDICATOR_TEXT_FIELDS = ['name', 'unit', 'baseline', 'target', 'source'] as const;
export type IndicatorFields = Partial<Omit<Indicator, 'id'>>;

/** One entry of the items map as stored, with repairable fields already defaulted. */
export interface StoredItem {
	id: string;
	type: GoalItemType;
	parent: string;
	/** A valid fractional-indexing key, or '' (sorts first) when the stored one is unusable. */
	order: string;
	text: string;
	footnotes: string[];
	timeframe: string;
	indicators: Indicator[];
	entities: string[];
	responsible: string;
	funding: string;
	sourceBoxId: string | null;
	sourceBoardId: string | null;
	/** Matrix cells and rows, cost-of-inaction cards that justify the item (item-links.ts). */
	links: ItemLink[];
}

export interface StoredArea {
	title: string;
	number: string;
	/** Stored value, or null when unset/invalid (derive then falls back to the area number). */
	firstGoalNumber: number | null;
	entities: string[];
	entitiesNote: string;
	footnotes: string[];
}

export function goalsMetaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(GOALS_META_NAME);
}

export function goalsAreaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(GOALS_AREA_NAME);
}

export function goalsItemsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(GOALS_ITEMS_NAME);
}

export function isGoalItemType(value: unknown): value is GoalItemType {
	return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value);
}

/** 0 for a doc nobody has written yet. */
export function readGoalsSchemaVersion(doc: Y.Doc): number {
	const version = goalsMetaMap(doc).get('schemaVersion');
	return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isGoalsSchemaSupported(doc: Y.Doc): boolean {
	return readGoalsSchemaVersion(doc) <= GOALS_SCHEMA_VERSION;
}

export function readArea(doc: Y.Doc): StoredArea {
	const area = goalsAreaMap(doc);
	const title = area.get('title');
	const first = area.get('firstGoalNumber');
	return {
		title: title instanceof Y.Text ? title.toString().slice(0, AREA_TITLE_MAX) : '',
		number: stringOr(area.get('number'), '').slice(0, AREA_NUMBER_MAX),
		firstGoalNumber: isGoalNumber(first) ? first : null,
		entities: readStringArray(area.get('entities'), ENTITY_MAX, ENTITIES_MAX),
		entitiesNote: stringOr(area.get('entitiesNote'), '').slice(0, ENTITIES_NOTE_MAX),
		footnotes: readStringArray(area.get('footnotes'), FOOTNOTE_MAX, FOOTNOTES_MAX)
	};
}

export function isGoalNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= FIRST_GOAL_NUMBER_MAX;
}

/**
 * Reads one entry of the items map, or null when it is not an item (not a Y.Map, no Y.Text,
 * unknown type). Repairable fields get fixed defaults so every client derives the same outline.
 */
export function readItem(id: string, value: unknown): StoredItem | null {
	if (!(value instanceof Y.Map)) return null;
	const text = value.get('text');
	const type = value.get('type');
	if (!(text instanceof Y.Text) || !isGoalItemType(type)) return null;
	const order = value.get('order');
	return {
		id,
		type,
		parent: stringOr(value.get('parent'), ''),
		order: isOrderKey(order) ? order : '',
		text: text.toString().slice(0, ITEM_TEXT_MAX),
		footnotes: readStringArray(value.get('footnotes'), FOOTNOTE_MAX, FOOTNOTES_MAX),
		timeframe: stringOr(value.get('timeframe'), '').slice(0, FIELD_MAX),
		indicators: readIndicators(value.get('indicators')),
		entities: readStringArray(value.get('entities'), ENTITY_MAX, ENTITIES_MAX),
		responsible: stringOr(value.get('responsible'), '').slice(0, FIELD_MAX),
		funding: stringOr(value.get('funding'), '').slice(0, FIELD_MAX),
		sourceBoxId: sourceIdOrNull(value.get('sourceBoxId')),
		sourceBoardId: sourceIdOrNull(value.get('sourceBoardId')),
		links: readItemLinks(value.get('links'))
	};
}

/** Every valid item by id; malformed entries are skipped. */
export function readItems(doc: Y.Doc): Map<string, StoredItem> {
	const items = new Map<string, StoredItem>();
	for (const [id, value] of goalsItemsMap(doc).entries()) {
		const item = readItem(id, value);
		if (item) items.set(id, item);
	}
	return items;
}

export function getItemMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const value = goalsItemsMap(doc).get(id);
	return readItem(id, value) ? (value as Y.Map<unknown>) : null;
}

export function getItemText(doc: Y.Doc, id: string): Y.Text | null {
	return (getItemMap(doc, id)?.get('text') as Y.Text | undefined) ?? null;
}

/** Indicators with a usable id; duplicates of an id keep the first. */
export function readIndicators(value: unknown): Indicator[] {
	if (!(value instanceof Y.Array)) return [];
	const out: Indicator[] = [];
	const seen = new Set<string>();
	for (const entry of value.toArray().slice(0, INDICATORS_MAX * 2)) {
		if (!(entry instanceof Y.Map)) continue;
		const id = entry.get('id');
		if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
		seen.add(id);
		const indicator: Indicator = { id, name: '', unit: '', baseline: '', target: '', source: '', splitBySex: entry.get('splitBySex') === true };
		for (const key of INDICATOR_TEXT_FIELDS) indicator[key] = stringOr(entry.get(key), '').slice(0, FIELD_MAX);
		out.push(indicator);
		if (out.length === INDICATORS_MAX) break;
	}
	return out;
}

export function readStringArray(value: unknown, itemMax: number, countMax: number): string[] {
	if (!(value instanceof Y.Array)) return [];
	const out: string[] = [];
	for (const entry of value.toArray()) {
		if (typeof entry !== 'string') continue;
		out.push(entry.slice(0, itemMax));
		if (out.length === countMax) break;
	}
	return out;
}

function stringOr(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}

function sourceIdOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' && value.length <= SOURCE_ID_MAX ? value : null;
}
