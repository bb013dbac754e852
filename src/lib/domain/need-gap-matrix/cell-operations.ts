import type * as Y from 'yjs';
import {
	NOTE_MAX,
	REASON_MAX,
	cellFieldKey,
	getEntryMap,
	isGapOverrideValue,
	isNeedValue,
	isOfferValue,
	isPriority,
	matrixCellsMap,
	matrixColumnsMap,
	matrixRowsMap,
	type CellField,
	type GapOverrideValue,
	type NeedValue,
	type OfferValue,
	type Priority
} from './schema';

/**
 * Cell edits. Every field of a cell is its own key of the cells map (see schema.ts), so two
 * people filling in the need and the offer of the same cell both keep their value, also when
 * both make the cell's very first edit before their changes meet.
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
	const cells = matrixCellsMap(doc);
	doc.transact(() => {
		for (const [field, value] of changes) {
			const key = cellFieldKey(rowId, columnId, field as CellField);
			if (cells.get(key) !== value) cells.set(key, value);
		}
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
	const cells = matrixCellsMap(doc);
	const gapKey = cellFieldKey(rowId, columnId, 'gapOverride');
	const reasonKey = cellFieldKey(rowId, columnId, 'overrideReason');
	doc.transact(() => {
		if (cells.get(gapKey) !== gap) cells.set(gapKey, gap);
		if (cells.get(reasonKey) !== wantedReason) cells.set(reasonKey, wantedReason);
	}, origin);
	return true;
}

function checkText(value: unknown, max: number, invalid: CellError, tooLong: CellError): CellError | null {
	if (typeof value !== 'string') return invalid;
	return value.length > max ? tooLong : null;
}
