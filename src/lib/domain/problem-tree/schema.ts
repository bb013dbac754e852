import * as Y from 'yjs';
import { isOrderKey } from '../sibling-order';

/**
 * The Yjs schema shared by the problem tree and the objective tree. One board = one Y.Doc:
 *   meta:  { schemaVersion, treeKind, sourceBoardId?, objectiveBoardId?, convertedAt? }
 *   boxes: { [boxId]: Y.Map { text: Y.Text, parent, side, order, createdBy, createdAt,
 *            evidence, evidenceSource, scale, and for objective trees sourceBoxId?,
 *            originalText?, suggestedText?, wording?, sourceMissing? } }
 * The tree is stored as parent pointers rather than nested arrays: a move is one field write,
 * so two people moving boxes never duplicate or drop a subtree. The price is that concurrent
 * moves can form a cycle; derive.ts repairs that on read, the same way on every client.
 * Nothing read from the doc is trusted: readers validate each entry and skip what does not fit.
 */
export const PROBLEM_TREE_SCHEMA_VERSION = 1;

export const META_NAME = 'meta';
export const BOXES_NAME = 'boxes';

/** Fixed id of the core box, created by the server with the board so clients never race to make it. */
export const CORE_BOX_ID = 'core';

export const BOX_TEXT_MAX = 500;
export const EVIDENCE_MAX = 500;
export const EVIDENCE_SOURCE_MAX = 200;
export const SCALE_MAX = 120;
/** Keys grow by about one character per insert at the same spot; past this the siblings are renumbered. */

export const TREE_KINDS = ['problem', 'objective'] as const;
export type TreeKind = (typeof TREE_KINDS)[number];

export const BOX_SIDES = ['cause', 'effect'] as const;
export type BoxSide = (typeof BOX_SIDES)[number];

export type ObjectiveWording = 'suggested' | 'flagged';

export interface TreeMeta {
	schemaVersion: number;
	treeKind: TreeKind;
	sourceBoardId: string | null;
	objectiveBoardId: string | null;
	convertedAt: number | null;
}

/** One entry of the boxes map as stored, with repairable fields already defaulted. */
export interface StoredBox {
	id: string;
	text: string;
	/** '' when the entry names no parent (valid only for the core). */
	parent: string;
	side: BoxSide;
	/** A valid fractional-indexing key, or '' (sorts first) when the stored one is unusable. */
	order: string;
	createdBy: string;
	createdAt: number;
	evidence: string;
	evidenceSource: string;
	scale: string;
	sourceBoxId: string | null;
	originalText: string | null;
	suggestedText: string | null;
	wording: ObjectiveWording | null;
	sourceMissing: boolean;
}

export interface BoxDetails {
	evidence?: string;
	evidenceSource?: string;
	scale?: string;
}

export function boxesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(BOXES_NAME);
}

export function treeMetaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(META_NAME);
}

export function isTreeKind(value: unknown): value is TreeKind {
	return typeof value === 'string' && (TREE_KINDS as readonly string[]).includes(value);
}

export function isBoxSide(value: unknown): value is BoxSide {
	return typeof value === 'string' && (BOX_SIDES as readonly string[]).includes(value);
}

/** 0 for a doc nobody has written yet. */
export function readSchemaVersion(doc: Y.Doc): number {
	const version = treeMetaMap(doc).get('schemaVersion');
	return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isSchemaSupported(doc: Y.Doc): boolean {
	return readSchemaVersion(doc) <= PROBLEM_TREE_SCHEMA_VERSION;
}

export function readTreeMeta(doc: Y.Doc): TreeMeta {
	const meta = treeMetaMap(doc);
	const treeKind = meta.get('treeKind');
	const convertedAt = meta.get('convertedAt');
	return {
		schemaVersion: readSchemaVersion(doc),
		treeKind: isTreeKind(treeKind) ? treeKind : 'problem',
		sourceBoardId: stringOrNull(meta.get('sourceBoardId')),
		objectiveBoardId: stringOrNull(meta.get('objectiveBoardId')),
		convertedAt: typeof convertedAt === 'number' && Number.isFinite(convertedAt) ? convertedAt : null
	};
}

/**
 * Reads one entry of the boxes map, or null when it is not a box (not a Y.Map, or no Y.Text).
 * Repairable fields get fixed defaults so every client derives the same tree from the same doc.
 */
export function readBox(id: string, value: unknown): StoredBox | null {
	if (!(value instanceof Y.Map)) return null;
	const text = value.get('text');
	if (!(text instanceof Y.Text)) return null;
	const side = value.get('side');
	const order = value.get('order');
	const createdAt = value.get('createdAt');
	const wording = value.get('wording');
	return {
		id,
		text: text.toString().slice(0, BOX_TEXT_MAX),
		parent: stringOr(value.get('parent'), ''),
		side: isBoxSide(side) ? side : 'cause',
		order: isOrderKey(order) ? order : '',
		createdBy: stringOr(value.get('createdBy'), ''),
		createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
		evidence: stringOr(value.get('evidence'), '').slice(0, EVIDENCE_MAX),
		evidenceSource: stringOr(value.get('evidenceSource'), '').slice(0, EVIDENCE_SOURCE_MAX),
		scale: stringOr(value.get('scale'), '').slice(0, SCALE_MAX),
		sourceBoxId: stringOrNull(value.get('sourceBoxId')),
		originalText: stringOrNull(value.get('originalText')),
		suggestedText: stringOrNull(value.get('suggestedText')),
		wording: wording === 'suggested' || wording === 'flagged' ? wording : null,
		sourceMissing: value.get('sourceMissing') === true
	};
}

/** Every valid box by id; malformed entries are skipped. */
export function readBoxes(doc: Y.Doc): Map<string, StoredBox> {
	const boxes = new Map<string, StoredBox>();
	for (const [id, value] of boxesMap(doc).entries()) {
		const box = readBox(id, value);
		if (box) boxes.set(id, box);
	}
	return boxes;
}

export function getBoxMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const value = boxesMap(doc).get(id);
	return readBox(id, value) ? (value as Y.Map<unknown>) : null;
}

export function getBoxText(doc: Y.Doc, id: string): Y.Text | null {
	return (getBoxMap(doc, id)?.get('text') as Y.Text | undefined) ?? null;
}

function stringOr(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

export { compareByOrder, isOrderKey, ORDER_KEY_MAX } from '../sibling-order';
