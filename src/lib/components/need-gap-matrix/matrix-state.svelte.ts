import type { BoardConnection } from '$lib/collab/board-connection.svelte';
import { BoardState } from '$lib/collab/board-state.svelte';
import type { PresenceRole } from '$lib/collab/presence.svelte';
import type { PresentEditor } from '$lib/collab/presence-editors';
import {
	SEED_004_CATALOGUE,
	SEED_004_TERRITORIES,
	addColumn,
	addGroup,
	addRow,
	checkCellFields,
	checkCellTarget,
	checkGapOverride,
	checkName,
	checkNewColumn,
	checkNewGroup,
	checkNewRow,
	deriveMatrix,
	importCatalogue,
	importColumns,
	isMatrixSchemaSupported,
	matrixCellsMap,
	matrixColumnsMap,
	matrixGroupsMap,
	matrixRowsMap,
	moveColumn,
	moveGroup,
	moveRow,
	removeColumn,
	removeGroup,
	removeRow,
	renameColumn,
	renameGroup,
	renameRow,
	setCell,
	setGapOverride,
	type CellError,
	type CellFields,
	type ColumnKind,
	type GapOverrideValue,
	type ImportResult,
	type NeedGapMatrix,
	type StructureError
} from '$lib/domain/need-gap-matrix';
import { stabilizeMatrix } from './stable-matrix';

/** Awareness field naming the cell (its cellKey) someone is editing right now. */
const EDITING_FIELD = 'cell';

export interface CellRef {
	rowId: string;
	columnId: string;
}

/** What a refused verb says: a domain code the UI translates, or 'read-only'. */
export type MatrixError = StructureError | CellError | 'read-only';

/**
 * A need/gap matrix board as components see it: the derived matrix (gaps, counts) and verbs.
 * The grid, the heat map and the cell editor read this one object, so the selected cell and the
 * counts agree everywhere. Every verb checks first and says why it refused (changing nothing),
 * and writes with the connection's origin, so undo takes back exactly one's own changes.
 */
export class NeedGapMatrixState extends BoardState<NeedGapMatrix> {
	selected = $state<CellRef | null>(null);

	constructor(connection: BoardConnection, me: { name: string; role: PresenceRole }) {
		let previous: NeedGapMatrix | null = null;
		super(connection, me, {
			types: (doc) => [matrixGroupsMap(doc), matrixRowsMap(doc), matrixColumnsMap(doc), matrixCellsMap(doc)],
			derive: (doc) => (previous = stabilizeMatrix(previous, deriveMatrix(doc))),
			isSupported: isMatrixSchemaSupported,
			editingField: EDITING_FIELD
		});
	}

	get matrix(): NeedGapMatrix {
		return this.derived;
	}

	select(cell: CellRef | null) {
		this.selected = cell;
	}

	/** Others (not this tab) editing each cell, by cellKey; only cells someone is on are listed. */
	get editorsByCell(): Map<string, PresentEditor[]> {
		const out = new Map<string, PresentEditor[]>();
		for (const value of this.presence.othersField(EDITING_FIELD).values()) {
			if (typeof value !== 'string' || out.has(value)) continue;
			const editors = this.editorsOf(value);
			if (editors.length > 0) out.set(value, editors);
		}
		return out;
	}

	/** Tells the others which cell one is editing (null: none). */
	focusCell(key: string | null) {
		this.focus(key);
	}

	/** Seed 004's catalogue of services by target group; one undo step. */
	importCatalogue(): ImportResult | MatrixError {
		return this.#structural(() => importCatalogue(this.doc, SEED_004_CATALOGUE, this.origin));
	}

	/** The 17 counties and Elbląg as territory columns; one undo step. Returns how many were added. */
	importTerritories(): number | MatrixError {
		const columns = SEED_004_TERRITORIES.map((name) => ({ name, kind: 'territory' as const }));
		return this.#structural(() => importColumns(this.doc, columns, this.origin));
	}

	addGroup(name: string): MatrixError | null {
		const input = { name };
		return this.#checked(checkNewGroup(this.doc, input), () => addGroup(this.doc, input, this.origin));
	}

	addRow(groupId: string, name: string): MatrixError | null {
		const input = { name };
		return this.#checked(checkNewRow(this.doc, groupId, input), () => addRow(this.doc, groupId, input, this.origin));
	}

	addColumn(name: string, kind: ColumnKind): MatrixError | null {
		const input = { name, kind };
		return this.#checked(checkNewColumn(this.doc, input), () => addColumn(this.doc, input, this.origin));
	}

	rename(what: 'group' | 'row' | 'column', id: string, name: string): MatrixError | null {
		const rename = { group: renameGroup, row: renameRow, column: renameColumn }[what];
		return this.#done(checkName(name), () => rename(this.doc, id, name, this.origin), what);
	}

	moveGroup(id: string, index: number): MatrixError | null {
		return this.#done(null, () => moveGroup(this.doc, id, index, this.origin), 'group');
	}

	moveRow(id: string, groupId: string, index: number): MatrixError | null {
		return this.#done(null, () => moveRow(this.doc, id, groupId, index, this.origin), 'row');
	}

	moveColumn(id: string, index: number): MatrixError | null {
		return this.#done(null, () => moveColumn(this.doc, id, index, this.origin), 'column');
	}

	/** A group goes with its services; undo brings both back. */
	remove(what: 'group' | 'row' | 'column', id: string): MatrixError | null {
		const error = this.#done(null, () => {
			if (what === 'group') return removeGroup(this.doc, id, { withRows: true }, this.origin);
			return (what === 'row' ? removeRow : removeColumn)(this.doc, id, this.origin);
		}, what);
		const selected = this.selected;
		if (!error && selected && (selected.rowId === id || selected.columnId === id)) this.selected = null;
		return error;
	}

	/** Typing in the note or the justification is grouped by the undo manager's capture window. */
	setCell(cell: CellRef, fields: CellFields): MatrixError | null {
		if (!this.canEdit) return 'read-only';
		const error = checkCellTarget(this.doc, cell.rowId, cell.columnId) ?? checkCellFields(fields);
		if (error) return error;
		setCell(this.doc, cell.rowId, cell.columnId, fields, this.origin);
		return null;
	}

	setGapOverride(cell: CellRef, gap: GapOverrideValue, reason: string): MatrixError | null {
		if (!this.canEdit) return 'read-only';
		const error = checkCellTarget(this.doc, cell.rowId, cell.columnId) ?? checkGapOverride(gap, reason);
		if (error) return error;
		this.ownStep(() => setGapOverride(this.doc, cell.rowId, cell.columnId, gap, reason, this.origin));
		return null;
	}

	/** Structural changes are their own undo step; refused as 'read-only' when one may not edit. */
	#structural<T>(change: () => T): T | 'read-only' {
		return this.canEdit ? this.ownStep(change) : 'read-only';
	}

	/** Checked first, so the add itself cannot refuse; null when done. */
	#checked(error: StructureError | null, change: () => string | null): MatrixError | null {
		if (error) return error;
		const result = this.#structural(change);
		if (result === 'read-only') return result;
		return result === null ? 'id-invalid' : null;
	}

	/** null when done; a gone entry (someone just removed it) is told as missing. */
	#done(error: StructureError | null, change: () => boolean, what: 'group' | 'row' | 'column'): MatrixError | null {
		if (error) return error;
		const result = this.#structural(change);
		if (result === 'read-only') return result;
		return result ? null : (`${what}-missing` as const);
	}
}
