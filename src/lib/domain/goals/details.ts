import * as Y from 'yjs';
import { replaceTextMinimally } from '../text-edit';
import { ensureAreaTypes } from './operations';
import { ITEM_LINKS_MAX, decodeItemLink, encodeItemLink, readItemLinks, type ItemLink } from './item-links';
import {
	AREA_ID,
	AREA_NUMBER_MAX,
	AREA_TITLE_MAX,
	ENTITIES_MAX,
	ENTITIES_NOTE_MAX,
	ENTITY_MAX,
	FIELD_MAX,
	FOOTNOTE_MAX,
	FOOTNOTES_MAX,
	INDICATORS_MAX,
	INDICATOR_TEXT_FIELDS,
	SOURCE_ID_MAX,
	getItemMap,
	goalsAreaMap,
	isGoalNumber,
	readIndicators,
	type IndicatorFields
} from './schema';

/**
 * Field operations on a goals board: action fields, indicators, entities, footnotes and the
 * area. Same rules as operations.ts: one transaction each, the caller's origin, false/null
 * instead of throwing for ids that no longer exist.
 */
export interface ActionFields {
	timeframe?: string;
	responsible?: string;
	funding?: string;
}

export interface AreaFields {
	title?: string;
	/** As printed: "V", "5". */
	number?: string;
	/** Number of the area's first strategic goal; null clears it (then derived from `number`). */
	firstGoalNumber?: number | null;
	entitiesNote?: string;
}

/** Sets the fields given (others untouched) on an action; each is cut to its limit. */
export function setActionFields(doc: Y.Doc, id: string, fields: ActionFields, origin: unknown = null): boolean {
	const map = actionMap(doc, id);
	if (!map) return false;
	const changes: Array<[string, string]> = [];
	for (const key of ['timeframe', 'responsible', 'funding'] as const) {
		const value = fields[key];
		if (typeof value !== 'string') continue;
		const next = value.slice(0, FIELD_MAX);
		if (map.get(key) !== next) changes.push([key, next]);
	}
	if (changes.length > 0) doc.transact(() => changes.forEach(([key, value]) => map.set(key, value)), origin);
	return true;
}

/** Appends an indicator to an action; returns its id. */
export function addIndicator(doc: Y.Doc, actionId: string, fields: IndicatorFields & { id?: string } = {}, origin: unknown = null): string | null {
	const map = actionMap(doc, actionId);
	if (!map) return null;
	const existing = readIndicators(map.get('indicators'));
	const id = fields.id ?? crypto.randomUUID();
	if (id === '' || existing.length >= INDICATORS_MAX || existing.some((indicator) => indicator.id === id)) return null;
	doc.transact(() => {
		const indicator = new Y.Map<unknown>();
		indicator.set('id', id);
		for (const key of INDICATOR_TEXT_FIELDS) indicator.set(key, (fields[key] ?? '').slice(0, FIELD_MAX));
		indicator.set('splitBySex', fields.splitBySex === true);
		indicatorsArray(map).push([indicator]);
	}, origin);
	return id;
}

export function updateIndicator(doc: Y.Doc, actionId: string, indicatorId: string, fields: IndicatorFields, origin: unknown = null): boolean {
	const map = actionMap(doc, actionId);
	const indicator = map ? findIndicator(map, indicatorId) : null;
	if (!indicator) return false;
	const changes: Array<[string, string | boolean]> = [];
	for (const key of INDICATOR_TEXT_FIELDS) {
		const value = fields[key];
		if (typeof value === 'string' && indicator.map.get(key) !== value.slice(0, FIELD_MAX)) changes.push([key, value.slice(0, FIELD_MAX)]);
	}
	if (typeof fields.splitBySex === 'boolean' && indicator.map.get('splitBySex') !== fields.splitBySex) changes.push(['splitBySex', fields.splitBySex]);
	if (changes.length > 0) doc.transact(() => changes.forEach(([key, value]) => indicator.map.set(key, value)), origin);
	return true;
}

export function removeIndicator(doc: Y.Doc, actionId: string, indicatorId: string, origin: unknown = null): boolean {
	const map = actionMap(doc, actionId);
	const indicator = map ? findIndicator(map, indicatorId) : null;
	if (!map || !indicator) return false;
	doc.transact(() => indicatorsArray(map).delete(indicator.index, 1), origin);
	return true;
}

/**
 * Replaces the entity list of the area (id 'area') or of an action; an action with an empty
 * list inherits the area's. Names are trimmed; blanks and repeats are dropped.
 */
export function setEntities(doc: Y.Doc, id: string, entities: string[], origin: unknown = null): boolean {
	const owner = id === AREA_ID ? areaOwner(doc, origin) : actionMap(doc, id);
	if (!owner) return false;
	const clean: string[] = [];
	for (const entity of entities) {
		const name = typeof entity === 'string' ? entity.trim().slice(0, ENTITY_MAX) : '';
		if (name !== '' && !clean.includes(name)) clean.push(name);
		if (clean.length === ENTITIES_MAX) break;
	}
	const current = owner.get('entities');
	if (current instanceof Y.Array && sameList(current.toArray(), clean)) return true;
	doc.transact(() => {
		const list = stringArray(owner, 'entities');
		if (list.length > 0) list.delete(0, list.length);
		if (clean.length > 0) list.push(clean);
	}, origin);
	return true;
}

/** Appends a footnote to an item or to the area (id 'area'). */
export function addFootnote(doc: Y.Doc, id: string, text: string, origin: unknown = null): boolean {
	const owner = id === AREA_ID ? areaOwner(doc, origin) : getItemMap(doc, id);
	const note = text.trim().slice(0, FOOTNOTE_MAX);
	if (!owner || note === '') return false;
	const current = owner.get('footnotes');
	if (current instanceof Y.Array && current.length >= FOOTNOTES_MAX) return false;
	doc.transact(() => stringArray(owner, 'footnotes').push([note]), origin);
	return true;
}

/** Rewrites footnote `index` of an item or of the area. */
export function setFootnote(doc: Y.Doc, id: string, index: number, text: string, origin: unknown = null): boolean {
	const owner = id === AREA_ID ? areaOwner(doc, origin) : getItemMap(doc, id);
	const list = owner?.get('footnotes');
	const note = text.trim().slice(0, FOOTNOTE_MAX);
	if (!(list instanceof Y.Array) || !validIndex(index, list.length) || note === '') return false;
	if (list.get(index) === note) return true;
	doc.transact(() => {
		list.delete(index, 1);
		list.insert(index, [note]);
	}, origin);
	return true;
}

export function removeFootnote(doc: Y.Doc, id: string, index: number, origin: unknown = null): boolean {
	const owner = id === AREA_ID ? areaOwner(doc, origin) : getItemMap(doc, id);
	const list = owner?.get('footnotes');
	if (!(list instanceof Y.Array) || !validIndex(index, list.length)) return false;
	doc.transact(() => list.delete(index, 1), origin);
	return true;
}

/**
 * Links an item to what justifies it (an objective-tree box, by board and box id), or removes
 * the link (null). Ids longer than a UUID-sized key are refused rather than cut.
 */
export function setItemSource(doc: Y.Doc, id: string, source: { boardId: string; boxId: string } | null, origin: unknown = null): boolean {
	const map = getItemMap(doc, id);
	if (!map) return false;
	if (source && !(isSourceId(source.boardId) && isSourceId(source.boxId))) return false;
	if (map.get('sourceBoardId') === (source?.boardId ?? undefined) && map.get('sourceBoxId') === (source?.boxId ?? undefined)) return true;
	doc.transact(() => {
		if (source) {
			map.set('sourceBoardId', source.boardId);
			map.set('sourceBoxId', source.boxId);
		} else {
			map.delete('sourceBoardId');
			map.delete('sourceBoxId');
		}
	}, origin);
	return true;
}

/** Links an item to a matrix cell or row or a cost-of-inaction card (item-links.ts). */
export function addItemLink(doc: Y.Doc, itemId: string, link: ItemLink, origin: unknown = null): boolean {
	const map = getItemMap(doc, itemId);
	const encoded = encodeItemLink(link);
	if (!map || !decodeItemLink(encoded)) return false;
	const current = readItemLinks(map.get('links'));
	if (current.some((existing) => encodeItemLink(existing) === encoded)) return true;
	if (current.length >= ITEM_LINKS_MAX) return false;
	doc.transact(() => {
		let list = map.get('links');
		if (!(list instanceof Y.Array)) {
			list = new Y.Array<string>();
			map.set('links', list);
		}
		(list as Y.Array<string>).push([encoded]);
	}, origin);
	return true;
}

/** Removes every copy (two people may have added the same link at once). */
export function removeItemLink(doc: Y.Doc, itemId: string, link: ItemLink, origin: unknown = null): boolean {
	const list = getItemMap(doc, itemId)?.get('links');
	if (!(list instanceof Y.Array)) return false;
	const encoded = encodeItemLink(link);
	const at = list.toArray().flatMap((entry, index) => (entry === encoded ? [index] : []));
	if (at.length === 0) return false;
	doc.transact(() => {
		for (const index of at.reverse()) list.delete(index, 1);
	}, origin);
	return true;
}

function isSourceId(value: unknown): value is string {
	return typeof value === 'string' && value !== '' && value.length <= SOURCE_ID_MAX;
}

/** Sets the area fields given (others untouched); the title is edited span by span. */
export function setAreaFields(doc: Y.Doc, fields: AreaFields, origin: unknown = null): boolean {
	const area = areaOwner(doc, origin);
	doc.transact(() => {
		const title = area.get('title');
		if (typeof fields.title === 'string' && title instanceof Y.Text) replaceTextMinimally(doc, title, fields.title.slice(0, AREA_TITLE_MAX), origin);
		if (typeof fields.number === 'string') setIfChanged(area, 'number', fields.number.trim().slice(0, AREA_NUMBER_MAX));
		if (typeof fields.entitiesNote === 'string') setIfChanged(area, 'entitiesNote', fields.entitiesNote.slice(0, ENTITIES_NOTE_MAX));
		if (fields.firstGoalNumber === null && area.has('firstGoalNumber')) area.delete('firstGoalNumber');
		if (isGoalNumber(fields.firstGoalNumber)) setIfChanged(area, 'firstGoalNumber', fields.firstGoalNumber);
	}, origin);
	return true;
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
	if (map.get(key) !== value) map.set(key, value);
}

function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const map = getItemMap(doc, id);
	return map && map.get('type') === 'action' ? map : null;
}

function areaOwner(doc: Y.Doc, origin: unknown): Y.Map<unknown> {
	const area = goalsAreaMap(doc);
	const complete = area.get('title') instanceof Y.Text && area.get('entities') instanceof Y.Array && area.get('footnotes') instanceof Y.Array;
	if (!complete) doc.transact(() => ensureAreaTypes(doc), origin);
	return area;
}

function indicatorsArray(map: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
	const current = map.get('indicators');
	if (current instanceof Y.Array) return current as Y.Array<Y.Map<unknown>>;
	const fresh = new Y.Array<Y.Map<unknown>>();
	map.set('indicators', fresh);
	return fresh;
}

function stringArray(map: Y.Map<unknown>, key: string): Y.Array<string> {
	const current = map.get(key);
	if (current instanceof Y.Array) return current as Y.Array<string>;
	const fresh = new Y.Array<string>();
	map.set(key, fresh);
	return fresh;
}

/** The first entry with this id (readIndicators shows the first of duplicates too). */
function findIndicator(map: Y.Map<unknown>, indicatorId: string): { map: Y.Map<unknown>; index: number } | null {
	const list = map.get('indicators');
	if (!(list instanceof Y.Array) || indicatorId === '') return null;
	const entries = list.toArray();
	for (let index = 0; index < entries.length; index++) {
		const entry = entries[index];
		if (entry instanceof Y.Map && entry.get('id') === indicatorId) return { map: entry, index };
	}
	return null;
}

function validIndex(index: number, length: number): boolean {
	return Number.isInteger(index) && index >= 0 && index < length;
}

function sameList(a: unknown[], b: string[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}
