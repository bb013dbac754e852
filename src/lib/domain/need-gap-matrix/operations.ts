import * as Y from 'yjs';
import { clampIndex, placeAt, type Ordered } from '../sibling-order';
import { deriveStructure, OTHER_GROUP_ID, type MatrixStructure } from './derive';
import {
	COLUMNS_MAX,
	GROUPS_MAX,
	MATRIX_SCHEMA_VERSION,
	NAME_MAX,
	ROWS_MAX,
	getEntryMap,
	isColumnKind,
	isEntryId,
	matrixColumnsMap,
	matrixGroupsMap,
	matrixMetaMap,
	matrixRowsMap,
	readMatrixSchemaVersion,
	type ColumnKind
} from './schema';

/**
 * Structure operations on a need/gap matrix: target groups, rows (services) and columns
 * (territories, institutions). Each runs in one transaction with the caller's origin (so an
 * UndoManager tracking that origin undoes exactly the local person's change), places against
 * the order as derived locally, and returns null/false, never throws, when it cannot be carried
 * out: ids come from the UI and may name something another person has just removed. Why an
 * input was refused is told by the check* functions, as codes the UI translates.
 * Cell edits are in cell-operations.ts.
 */
export type StructureError =
	| 'name-empty'
	| 'name-too-long'
	| 'id-invalid'
	| 'id-taken'
	| 'kind-invalid'
	| 'group-missing'
	| 'row-missing'
	| 'column-missing'
	| 'too-many-groups'
	| 'too-many-rows'
	| 'too-many-columns';

export interface NewEntryInput {
	name: string;
	/** Position among the siblings; the end when omitted. */
	index?: number;
	/** For tests and imports; a fresh UUID otherwise. */
	id?: string;
}

export interface NewColumnInput extends NewEntryInput {
	kind: ColumnKind;
}

export function initMatrixDoc(doc: Y.Doc, options: { origin?: unknown } = {}): void {
	if (readMatrixSchemaVersion(doc) !== 0) return;
	doc.transact(() => matrixMetaMap(doc).set('schemaVersion', MATRIX_SCHEMA_VERSION), options.origin ?? null);
}

/** Names are stored trimmed; empty or overlong ones are refused rather than cut. */
export function checkName(name: unknown): StructureError | null {
	if (typeof name !== 'string' || name.trim() === '') return 'name-empty';
	return name.trim().length > NAME_MAX ? 'name-too-long' : null;
}

export function checkNewGroup(doc: Y.Doc, input: NewEntryInput): StructureError | null {
	return (
		checkName(input.name) ??
		checkNewId(matrixGroupsMap(doc), input.id) ??
		(matrixGroupsMap(doc).size >= GROUPS_MAX ? 'too-many-groups' : null)
	);
}

export function checkNewRow(doc: Y.Doc, groupId: string, input: NewEntryInput): StructureError | null {
	return (
		checkName(input.name) ??
		checkNewId(matrixRowsMap(doc), input.id) ??
		(getEntryMap(matrixGroupsMap(doc), groupId) ? null : 'group-missing') ??
		(matrixRowsMap(doc).size >= ROWS_MAX ? 'too-many-rows' : null)
	);
}

export function checkNewColumn(doc: Y.Doc, input: NewColumnInput): StructureError | null {
	return (
		checkName(input.name) ??
		(isColumnKind(input.kind) ? null : 'kind-invalid') ??
		checkNewId(matrixColumnsMap(doc), input.id) ??
		(matrixColumnsMap(doc).size >= COLUMNS_MAX ? 'too-many-columns' : null)
	);
}

export function addGroup(doc: Y.Doc, input: NewEntryInput, origin: unknown = null): string | null {
	if (checkNewGroup(doc, input)) return null;
	const siblings = deriveStructure(doc).groups.filter((group) => !group.other);
	return addEntry(doc, matrixGroupsMap(doc), siblings, input, {}, origin);
}

/** Under an existing group. */
export function addRow(doc: Y.Doc, groupId: string, input: NewEntryInput, origin: unknown = null): string | null {
	if (checkNewRow(doc, groupId, input)) return null;
	const siblings = rowsOf(deriveStructure(doc), groupId);
	return addEntry(doc, matrixRowsMap(doc), siblings, input, { group: groupId }, origin);
}

export function addColumn(doc: Y.Doc, input: NewColumnInput, origin: unknown = null): string | null {
	if (checkNewColumn(doc, input)) return null;
	return addEntry(doc, matrixColumnsMap(doc), deriveStructure(doc).columns, input, { kind: input.kind }, origin);
}

export function renameGroup(doc: Y.Doc, id: string, name: string, origin: unknown = null): boolean {
	return rename(doc, matrixGroupsMap(doc), id, name, origin);
}

export function renameRow(doc: Y.Doc, id: string, name: string, origin: unknown = null): boolean {
	return rename(doc, matrixRowsMap(doc), id, name, origin);
}

export function renameColumn(doc: Y.Doc, id: string, name: string, origin: unknown = null): boolean {
	return rename(doc, matrixColumnsMap(doc), id, name, origin);
}

export function setColumnKind(doc: Y.Doc, id: string, kind: ColumnKind, origin: unknown = null): boolean {
	const map = getEntryMap(matrixColumnsMap(doc), id);
	if (!map || !isColumnKind(kind)) return false;
	if (map.get('kind') !== kind) doc.transact(() => map.set('kind', kind), origin);
	return true;
}

/** `index` counts positions among the other groups (the moved one left out). */
export function moveGroup(doc: Y.Doc, id: string, index: number, origin: unknown = null): boolean {
	const groups = deriveStructure(doc).groups.filter((group) => !group.other);
	return move(doc, matrixGroupsMap(doc), groups, id, index, {}, origin);
}

/** Into an existing group (the same or another) at `index` among its other rows; cells stay with the row. */
export function moveRow(doc: Y.Doc, id: string, groupId: string, index: number, origin: unknown = null): boolean {
	if (!getEntryMap(matrixGroupsMap(doc), groupId)) return false;
	return move(doc, matrixRowsMap(doc), rowsOf(deriveStructure(doc), groupId), id, index, { group: groupId }, origin);
}

export function moveColumn(doc: Y.Doc, id: string, index: number, origin: unknown = null): boolean {
	return move(doc, matrixColumnsMap(doc), deriveStructure(doc).columns, id, index, {}, origin);
}

/**
 * Removes a group. Its rows go along when `withRows` is set; otherwise they stay and are shown
 * in the "other" pseudo-group until moved. Rows someone adds to the group at the same time
 * end up there too. Undo brings the group (and its rows) back in place.
 */
export function removeGroup(doc: Y.Doc, id: string, options: { withRows?: boolean } = {}, origin: unknown = null): boolean {
	if (!getEntryMap(matrixGroupsMap(doc), id)) return false;
	const rows = options.withRows ? rowsOf(deriveStructure(doc), id) : [];
	doc.transact(() => {
		for (const row of rows) matrixRowsMap(doc).delete(row.id);
		matrixGroupsMap(doc).delete(id);
	}, origin);
	return true;
}

/** The row's cells stay in the doc (see schema.ts), so undo brings them back with it. */
export function removeRow(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	return remove(doc, matrixRowsMap(doc), id, origin);
}

export function removeColumn(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	return remove(doc, matrixColumnsMap(doc), id, origin);
}

function checkNewId(container: Y.Map<unknown>, id: string | undefined): StructureError | null {
	if (id === undefined) return null;
	if (!isEntryId(id)) return 'id-invalid';
	return container.has(id) ? 'id-taken' : null;
}

function rowsOf(structure: MatrixStructure, groupId: string): Ordered[] {
	return groupId === OTHER_GROUP_ID ? [] : (structure.groups.find((group) => group.id === groupId && !group.other)?.rows ?? []);
}

function addEntry(
	doc: Y.Doc,
	container: Y.Map<unknown>,
	siblings: readonly Ordered[],
	input: NewEntryInput,
	fields: Record<string, string>,
	origin: unknown
): string {
	const id = input.id ?? crypto.randomUUID();
	doc.transact(() => {
		const [order] = placeAt(siblings, input.index ?? siblings.length, 1, setOrder(container));
		const map = new Y.Map<unknown>();
		map.set('name', input.name.trim());
		map.set('order', order);
		for (const [key, value] of Object.entries(fields)) map.set(key, value);
		container.set(id, map);
	}, origin);
	return id;
}

function rename(doc: Y.Doc, container: Y.Map<unknown>, id: string, name: string, origin: unknown): boolean {
	const map = getEntryMap(container, id);
	if (!map || checkName(name)) return false;
	const wanted = name.trim();
	if (map.get('name') !== wanted) doc.transact(() => map.set('name', wanted), origin);
	return true;
}

function move(
	doc: Y.Doc,
	container: Y.Map<unknown>,
	current: readonly Ordered[],
	id: string,
	index: number,
	fields: Record<string, string>,
	origin: unknown
): boolean {
	const map = getEntryMap(container, id);
	if (!map) return false;
	const siblings = current.filter((sibling) => sibling.id !== id);
	const at = clampIndex(index, siblings.length);
	const unchanged = Object.entries(fields).every(([key, value]) => map.get(key) === value);
	if (unchanged && current.findIndex((sibling) => sibling.id === id) === at) return true;
	doc.transact(() => {
		const [order] = placeAt(siblings, at, 1, setOrder(container));
		for (const [key, value] of Object.entries(fields)) if (map.get(key) !== value) map.set(key, value);
		if (map.get('order') !== order) map.set('order', order);
	}, origin);
	return true;
}

function remove(doc: Y.Doc, container: Y.Map<unknown>, id: string, origin: unknown): boolean {
	if (!getEntryMap(container, id)) return false;
	doc.transact(() => container.delete(id), origin);
	return true;
}

function setOrder(container: Y.Map<unknown>) {
	return (id: string, key: string) => getEntryMap(container, id)?.set('order', key);
}
