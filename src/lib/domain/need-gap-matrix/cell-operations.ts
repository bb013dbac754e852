import * as Y from 'yjs';
import {
	NOTE_MAX,
	REASON_MAX,
	cellKey,
	getEntryMap,
	isGapOverrideValue,
	isNeedValue,
	isOfferValue,
	isPriority,
	matrixCellsMap,
	matrixColumnsMap,
	matrixRowsMap,
	type GapOverrideValue,
	type NeedValue,
	type OfferValue,
	type Priority
} from './schema';

/**
 * Cell edits. A cell's fields are separate keys of its Y.Map, so two people filling in the need
 * and the offer of the same cell both keep their value. A cell map is created on its first edit;
 * two first edits of the same never-touched cell that cross on the wire keep only one person's
 * fields (Yjs keeps one of two maps set under one key). The board shows who is editing which
 * cell, which makes that rare; creating every cell up front would cost a map per row × column
 * and make "undo add row" take others' cell edits with it.
 */
export interface CellFields {
	need?: NeedValue;
	offer?: OfferValue;
	note?: string;
	justification?: string;
	priority?: Priority | null;
	niche?: boolean;
}

export type CellError =
	| 'row-missing'
	| 'column-missing'
	| 'unknown-field'
	| 'need-invalid'
	| 'offer-invalid'
	| 'note-invalid'
	| 'note-too-long'
	| 'justification-invalid'
	| 'justification-too-long'
	| 'priority-invalid'
	| 'niche-invalid'
	| 'gap-invalid'
	| 'reason-required'
	| 'reason-too-long';

const CELL_FIELD_CHECKS: Record<keyof CellFields, (value: unknown) => CellError | null> = {
	need: (value) => (isNeedValue(value) ? null : 'need-invalid'),
	offer: (value) => (isOfferValue(value) ? null : 'offer-invalid'),
	note: (value) => checkText(value, NOTE_MAX, 'note-invalid', 'note-too-long'),
	justification: (value) => checkText(value, NOTE_MAX, 'justification-invalid', 'justification-too-long'),
	priority: (value) => (value === null || isPriority(value) ? null : 'priority-invalid'),
	niche: (value) => (typeof value === 'boolean' ? null : 'niche-invalid')
};

/** Every field is checked, unknown ones refused: the first problem found, or null. */
export function checkCellFields(fields: unknown): CellError | null {
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return 'unknown-field';
	for (const [key, value] of Object.entries(fields)) {
		if (!Object.hasOwn(CELL_FIELD_CHECKS, key)) return 'unknown-field';
		if (value === undefined) continue;
		const error = CELL_FIELD_CHECKS[key as keyof CellFields](value);
		if (error) return error;
	}
	return null;
}

/** Clearing an override ('') needs no reason; setting one needs a written reason. */
export function checkGapOverride(gap: unknown, reason: unknown): CellError | null {
	if (!isGapOverrideValue(gap)) return 'gap-invalid';
	if (gap === '') return null;
	if (typeof reason !== 'string' || reason.trim() === '') return 'reason-required';
	return reason.trim().length > REASON_MAX ? 'reason-too-long' : null;
}

export function checkCellTarget(doc: Y.Doc, rowId: string, columnId: string): CellError | null {
	if (!getEntryMap(matrixRowsMap(doc), rowId)) return 'row-missing';
	return getEntryMap(matrixColumnsMap(doc), columnId) ? null : 'column-missing';
}

/**
 * Writes the given fields of the cell at a row and a column in one transaction; fields left
 * out (or undefined) stay as they are. Refused as a whole when any field is invalid or the row
 * or column is gone.
 */
export function setCell(doc: Y.Doc, rowId: string, columnId: string, fields: CellFields, origin: unknown = null): boolean {
	if (checkCellTarget(doc, rowId, columnId) || checkCellFields(fields)) return false;
	const changes = Object.entries(fields).filter(([, value]) => value !== undefined);
	doc.transact(() => {
		const cell = cellMap(doc, rowId, columnId);
		for (const [key, value] of changes) if (cell.get(key) !== value) cell.set(key, value);
	}, origin);
	return true;
}

/** Sets ('none' | 'small' | 'large', with a reason) or clears ('') the cell's gap override. */
export function setGapOverride(
	doc: Y.Doc,
	rowId: string,
	columnId: string,
	gap: GapOverrideValue,
	reason: string,
	origin: unknown = null
): boolean {
	if (checkCellTarget(doc, rowId, columnId) || checkGapOverride(gap, reason)) return false;
	const wantedReason = gap === '' ? '' : reason.trim();
	doc.transact(() => {
		const cell = cellMap(doc, rowId, columnId);
		if (cell.get('gapOverride') !== gap) cell.set('gapOverride', gap);
		if (cell.get('overrideReason') !== wantedReason) cell.set('overrideReason', wantedReason);
	}, origin);
	return true;
}

/** The cell's map, created when missing (or when what is stored under its key is not a map). */
function cellMap(doc: Y.Doc, rowId: string, columnId: string): Y.Map<unknown> {
	const cells = matrixCellsMap(doc);
	const key = cellKey(rowId, columnId);
	const existing = cells.get(key);
	if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
	const created = new Y.Map<unknown>();
	cells.set(key, created);
	return created;
}

function checkText(value: unknown, max: number, invalid: CellError, tooLong: CellError): CellError | null {
	if (typeof value !== 'string') return invalid;
	return value.length > max ? tooLong : null;
}
