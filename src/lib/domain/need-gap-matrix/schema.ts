import * as Y from 'yjs';
import { isOrderKey } from '../sibling-order';

/**
 * The Yjs schema of a need/gap matrix board (matryca potrzeb, nisz i luk). One board = one Y.Doc:
 *   meta:    { schemaVersion }
 *   groups:  { [id]: Y.Map { name, order } }                 target groups
 *   rows:    { [id]: Y.Map { name, group, order } }          services, `group` a group id
 *   columns: { [id]: Y.Map { name, kind, order } }           territories or institutions
 *   cells:   { ["rowId|columnId|field"]: primitive }   field one of CELL_FIELDS
 * A cell is the set of its field keys, one primitive per field, not a map of its own: a nested
 * map would be created on a cell's first edit, and two first edits of one untouched cell that
 * cross on the wire would each set their own map under the same key, so one person's fields
 * would be lost. Flat keys merge field by field; only two writes of the same field compete, and
 * then Yjs keeps one of them on every replica.
 * Cells are keyed by stable row and column ids, never by position, so reordering rows or columns
 * never touches a cell. Removing a row or a column leaves its cells in place (tombstoned: no
 * longer shown, exported or counted). That is what survives best: a concurrent "delete row" +
 * "edit cell in that row" keeps the edit, and undoing the delete (or a concurrent undo on the
 * other side) brings the row back with every cell exactly as it was. The cost is a few orphan
 * cell fields in the doc; they are small and compaction of the update log keeps them cheap.
 * Ids never contain '|' (the cell key separator); entries whose id does are skipped on read.
 * Nothing read from the doc is trusted: readers validate each entry and skip or default what
 * does not fit, the same way on every client.
 */
export const MATRIX_SCHEMA_VERSION = 1;

export const MATRIX_META_NAME = 'meta';
export const MATRIX_GROUPS_NAME = 'groups';
export const MATRIX_ROWS_NAME = 'rows';
export const MATRIX_COLUMNS_NAME = 'columns';
export const MATRIX_CELLS_NAME = 'cells';

export const NAME_MAX = 200;
export const NOTE_MAX = 2000;
export const REASON_MAX = 1000;
export const ID_MAX = 100;
export const GROUPS_MAX = 40;
export const ROWS_MAX = 300;
export const COLUMNS_MAX = 100;

export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const OFFER_LEVELS = ['none', 'insufficient', 'sufficient'] as const;
export const GAP_LEVELS = ['none', 'small', 'large'] as const;
export const COLUMN_KINDS = ['territory', 'institution'] as const;
export const PRIORITIES = [1, 2, 3] as const;

export type NeedLevel = (typeof NEED_LEVELS)[number];
export type OfferLevel = (typeof OFFER_LEVELS)[number];
export type GapLevel = (typeof GAP_LEVELS)[number];
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export type Priority = (typeof PRIORITIES)[number];
/** '' = not filled in yet. */
export type NeedValue = NeedLevel | '';
export type OfferValue = OfferLevel | '';
export type GapOverrideValue = GapLevel | '';

export interface StoredGroup {
	id: string;
	name: string;
	/** A valid fractional-indexing key, or '' (sorts first) when the stored one is unusable. */
	order: string;
}

export interface StoredRow {
	id: string;
	name: string;
	/** As stored; derive shows the row under the "other" pseudo-group when no such group exists. */
	group: string;
	order: string;
}

export interface StoredColumn {
	id: string;
	name: string;
	kind: ColumnKind;
	order: string;
}

export interface StoredCell {
	need: NeedValue;
	offer: OfferValue;
	gapOverride: GapOverrideValue;
	overrideReason: string;
	note: string;
	/** Why a large gap is left without an action (checked against the goals board). */
	justification: string;
	priority: Priority | null;
	/** An opportunity for a social-economy entity or NGO to take up the service. */
	niche: boolean;
}

export const EMPTY_CELL: Readonly<StoredCell> = Object.freeze({
	need: '',
	offer: '',
	gapOverride: '',
	overrideReason: '',
	note: '',
	justification: '',
	priority: null,
	niche: false
});

export function matrixMetaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(MATRIX_META_NAME);
}

export function matrixGroupsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(MATRIX_GROUPS_NAME);
}

export function matrixRowsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(MATRIX_ROWS_NAME);
}

export function matrixColumnsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(MATRIX_COLUMNS_NAME);
}

export function matrixCellsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(MATRIX_CELLS_NAME);
}

/** The fields a cell stores, each under its own key of the cells map. */
export const CELL_FIELDS = ['need', 'offer', 'gapOverride', 'overrideReason', 'note', 'justification', 'priority', 'niche'] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/** The key of the cell at a row and a column; also how the goals board names a cell it links to. */
export function cellKey(rowId: string, columnId: string): string {
	return `${rowId}|${columnId}`;
}

/** Where one field of a cell is stored in the cells map. */
export function cellFieldKey(rowId: string, columnId: string, field: CellField): string {
	return `${rowId}|${columnId}|${field}`;
}

export function isCellField(value: unknown): value is CellField {
	return (CELL_FIELDS as readonly unknown[]).includes(value);
}

export function isEntryId(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX && !value.includes('|');
}

export function isNeedValue(value: unknown): value is NeedValue {
	return value === '' || (NEED_LEVELS as readonly unknown[]).includes(value);
}

export function isOfferValue(value: unknown): value is OfferValue {
	return value === '' || (OFFER_LEVELS as readonly unknown[]).includes(value);
}

export function isGapOverrideValue(value: unknown): value is GapOverrideValue {
	return value === '' || (GAP_LEVELS as readonly unknown[]).includes(value);
}

export function isColumnKind(value: unknown): value is ColumnKind {
	return (COLUMN_KINDS as readonly unknown[]).includes(value);
}

export function isPriority(value: unknown): value is Priority {
	return (PRIORITIES as readonly unknown[]).includes(value);
}

/** 0 for a doc nobody has written yet. */
export function readMatrixSchemaVersion(doc: Y.Doc): number {
	const version = matrixMetaMap(doc).get('schemaVersion');
	return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isMatrixSchemaSupported(doc: Y.Doc): boolean {
	return readMatrixSchemaVersion(doc) <= MATRIX_SCHEMA_VERSION;
}

export function readGroup(id: string, value: unknown): StoredGroup | null {
	if (!isEntryId(id) || !(value instanceof Y.Map)) return null;
	return { id, name: readName(value), order: readOrder(value) };
}

export function readRow(id: string, value: unknown): StoredRow | null {
	if (!isEntryId(id) || !(value instanceof Y.Map)) return null;
	return { id, name: readName(value), group: stringOr(value.get('group'), ''), order: readOrder(value) };
}

/** A column of unknown kind is read as a territory, the kind the seed's matrix uses. */
export function readColumn(id: string, value: unknown): StoredColumn | null {
	if (!isEntryId(id) || !(value instanceof Y.Map)) return null;
	const kind = value.get('kind');
	return { id, name: readName(value), kind: isColumnKind(kind) ? kind : 'territory', order: readOrder(value) };
}

/**
 * Assembles a cell from its stored fields (`get` gives what is stored for a field, or undefined).
 * Each field is validated on its own: one bad field falls back to empty, the others stay.
 */
export function readCell(get: (field: CellField) => unknown): StoredCell {
	const need = get('need');
	const offer = get('offer');
	const gapOverride = get('gapOverride');
	const priority = get('priority');
	return {
		need: isNeedValue(need) ? need : '',
		offer: isOfferValue(offer) ? offer : '',
		gapOverride: isGapOverrideValue(gapOverride) ? gapOverride : '',
		overrideReason: stringOr(get('overrideReason'), '').slice(0, REASON_MAX),
		note: stringOr(get('note'), '').slice(0, NOTE_MAX),
		justification: stringOr(get('justification'), '').slice(0, NOTE_MAX),
		priority: isPriority(priority) ? priority : null,
		niche: get('niche') === true
	};
}

/**
 * Every stored cell's fields by cellKey, in one pass over the cells map (reading 1,200 cells one
 * key at a time would cost eight lookups each). Keys that do not name a field of a cell between
 * valid ids are skipped.
 */
export function readStoredCellFields(doc: Y.Doc): Map<string, Partial<Record<CellField, unknown>>> {
	const out = new Map<string, Partial<Record<CellField, unknown>>>();
	const refused = new Set<string>();
	for (const [key, value] of matrixCellsMap(doc).entries()) {
		const cut = key.lastIndexOf('|');
		const field = key.slice(cut + 1);
		const id = key.slice(0, cut);
		if (cut < 0 || !isCellField(field) || refused.has(id)) continue;
		let fields = out.get(id);
		if (!fields) {
			const split = id.indexOf('|');
			if (split < 0 || !isEntryId(id.slice(0, split)) || !isEntryId(id.slice(split + 1))) {
				refused.add(id);
				continue;
			}
			fields = {};
			out.set(id, fields);
		}
		fields[field] = value;
	}
	return out;
}

export function readGroups(doc: Y.Doc): Map<string, StoredGroup> {
	return readEntries(matrixGroupsMap(doc), readGroup);
}

export function readRows(doc: Y.Doc): Map<string, StoredRow> {
	return readEntries(matrixRowsMap(doc), readRow);
}

export function readColumns(doc: Y.Doc): Map<string, StoredColumn> {
	return readEntries(matrixColumnsMap(doc), readColumn);
}

/** The cell at a row and a column; null when none of its fields was ever written. */
export function readCellAt(doc: Y.Doc, rowId: string, columnId: string): StoredCell | null {
	if (!isEntryId(rowId) || !isEntryId(columnId)) return null;
	const cells = matrixCellsMap(doc);
	if (!CELL_FIELDS.some((field) => cells.has(cellFieldKey(rowId, columnId, field)))) return null;
	return readCell((field) => cells.get(cellFieldKey(rowId, columnId, field)));
}

/** The Y.Map of a valid entry of `container`, or null. */
export function getEntryMap(container: Y.Map<unknown>, id: string): Y.Map<unknown> | null {
	const value = container.get(id);
	return isEntryId(id) && value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

function readEntries<T>(container: Y.Map<unknown>, read: (id: string, value: unknown) => T | null): Map<string, T> {
	const out = new Map<string, T>();
	for (const [id, value] of container.entries()) {
		const entry = read(id, value);
		if (entry) out.set(id, entry);
	}
	return out;
}

function readName(map: Y.Map<unknown>): string {
	return stringOr(map.get('name'), '').slice(0, NAME_MAX);
}

function readOrder(map: Y.Map<unknown>): string {
	const order = map.get('order');
	return isOrderKey(order) ? order : '';
}

function stringOr(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}
