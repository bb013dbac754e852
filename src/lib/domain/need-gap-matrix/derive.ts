import type * as Y from 'yjs';
import { compareByOrder } from '../sibling-order';
import { effectiveGap, deriveGap, isOverrideEffective, type Gap } from './gap';
import {
	EMPTY_CELL,
	cellKey,
	readCell,
	readColumns,
	readGroups,
	readRows,
	readStoredCellFields,
	type ColumnKind,
	type StoredCell,
	type StoredRow
} from './schema';

/**
 * The matrix every client reads. Order comes from fractional keys (ties broken by id), so two
 * replicas holding the same doc show the same rows and columns in the same places.
 * Repair on read: a row whose group is missing (deleted, perhaps while someone added the row)
 * is shown in the "other" pseudo-group, id '', placed last; moving the row to a real group
 * takes it out. Cells of removed rows or columns are not part of the matrix (see schema.ts).
 */
export const OTHER_GROUP_ID = '';

export interface GapCounts {
	large: number;
	small: number;
	none: number;
	noData: number;
}

export interface MatrixCell extends StoredCell {
	key: string;
	rowId: string;
	columnId: string;
	/** What need and offer give, whatever the override. */
	derivedGap: Gap;
	/** What the matrix shows: the override when it carries a reason, else the derived gap. */
	gap: Gap;
	overridden: boolean;
}

export interface MatrixRow {
	id: string;
	name: string;
	/** The group the row is shown under ('' for the "other" pseudo-group). */
	groupId: string;
	order: string;
	/** 0, 1, … down the whole matrix, in display order. */
	index: number;
	counts: GapCounts;
}

export interface MatrixGroup {
	id: string;
	/** '' for the "other" pseudo-group: the UI names it. */
	name: string;
	order: string;
	other: boolean;
	rows: MatrixRow[];
}

export interface MatrixColumn {
	id: string;
	name: string;
	kind: ColumnKind;
	order: string;
	index: number;
	counts: GapCounts;
}

export interface NeedGapMatrix {
	groups: MatrixGroup[];
	/** Every shown row, in display order (group by group). */
	rows: MatrixRow[];
	columns: MatrixColumn[];
	/** One entry per shown row × column, by cellKey; cells nobody has filled in read as empty. */
	cells: Map<string, MatrixCell>;
	totals: GapCounts;
}

export interface MatrixStructure {
	groups: Array<{ id: string; name: string; order: string; other: boolean; rows: StoredRow[] }>;
	columns: Array<{ id: string; name: string; kind: ColumnKind; order: string }>;
}

/** Groups with their rows and the columns, in order, without cells: what the operations place against. */
export function deriveStructure(doc: Y.Doc): MatrixStructure {
	const groups = [...readGroups(doc).values()].sort(compareByOrder);
	const rowsByGroup = new Map<string, StoredRow[]>();
	const known = new Set(groups.map((group) => group.id));
	for (const row of readRows(doc).values()) {
		const groupId = known.has(row.group) ? row.group : OTHER_GROUP_ID;
		const list = rowsByGroup.get(groupId) ?? [];
		list.push(row);
		rowsByGroup.set(groupId, list);
	}
	for (const list of rowsByGroup.values()) list.sort(compareByOrder);
	const out: MatrixStructure['groups'] = groups.map((group) => ({ ...group, other: false, rows: rowsByGroup.get(group.id) ?? [] }));
	const orphans = rowsByGroup.get(OTHER_GROUP_ID);
	if (orphans) out.push({ id: OTHER_GROUP_ID, name: '', order: '', other: true, rows: orphans });
	return { groups: out, columns: [...readColumns(doc).values()].sort(compareByOrder) };
}

export function deriveMatrix(doc: Y.Doc): NeedGapMatrix {
	const structure = deriveStructure(doc);
	const stored = readStoredCellFields(doc);
	const cells = new Map<string, MatrixCell>();
	const rows: MatrixRow[] = [];
	const groups = structure.groups.map((group): MatrixGroup => {
		const groupRows = group.rows.map((row): MatrixRow => {
			for (const column of structure.columns) {
				const key = cellKey(row.id, column.id);
				const fields = stored.get(key);
				cells.set(key, toMatrixCell(key, row.id, column.id, fields ? readCell((field) => fields[field]) : EMPTY_CELL));
			}
			const shown: MatrixRow = { id: row.id, name: row.name, groupId: group.id, order: row.order, index: rows.length, counts: emptyCounts() };
			rows.push(shown);
			return shown;
		});
		return { id: group.id, name: group.name, order: group.order, other: group.other, rows: groupRows };
	});
	const columns = structure.columns.map((column, index): MatrixColumn => ({ ...column, index, counts: emptyCounts() }));
	return withCounts({ groups, rows, columns, cells, totals: emptyCounts() });
}

/**
 * The matrix narrowed to some target groups ('' names the "other" pseudo-group): column counts
 * and totals cover only the rows left, so the heat map's margins match what is on screen.
 */
export function filterMatrixByGroups(matrix: NeedGapMatrix, groupIds: Iterable<string>): NeedGapMatrix {
	const wanted = new Set(groupIds);
	const groups = matrix.groups.filter((group) => wanted.has(group.id));
	const rows: MatrixRow[] = [];
	const cells = new Map<string, MatrixCell>();
	const narrowed = groups.map((group) => ({
		...group,
		rows: group.rows.map((row) => {
			const shown = { ...row, index: rows.length, counts: emptyCounts() };
			rows.push(shown);
			for (const column of matrix.columns) {
				const key = cellKey(row.id, column.id);
				const cell = matrix.cells.get(key);
				if (cell) cells.set(key, cell);
			}
			return shown;
		})
	}));
	const columns = matrix.columns.map((column) => ({ ...column, counts: emptyCounts() }));
	return withCounts({ groups: narrowed, rows, columns, cells, totals: emptyCounts() });
}

export function cellAt(matrix: NeedGapMatrix, rowId: string, columnId: string): MatrixCell | null {
	return matrix.cells.get(cellKey(rowId, columnId)) ?? null;
}

export function emptyCounts(): GapCounts {
	return { large: 0, small: 0, none: 0, noData: 0 };
}

/** Field by field rather than by spreading: this runs for every cell of the matrix on every change. */
function toMatrixCell(key: string, rowId: string, columnId: string, stored: StoredCell): MatrixCell {
	const overridden = isOverrideEffective(stored);
	const derivedGap = deriveGap(stored.need, stored.offer);
	return {
		key,
		rowId,
		columnId,
		need: stored.need,
		offer: stored.offer,
		gapOverride: stored.gapOverride,
		overrideReason: stored.overrideReason,
		note: stored.note,
		justification: stored.justification,
		priority: stored.priority,
		niche: stored.niche,
		derivedGap,
		gap: overridden ? effectiveGap(stored) : derivedGap,
		overridden
	};
}

/** Fills in the (fresh, zeroed) counts of `matrix`'s rows, columns and totals from its cells. */
function withCounts(matrix: NeedGapMatrix): NeedGapMatrix {
	for (const row of matrix.rows) {
		for (const column of matrix.columns) {
			const gap = matrix.cells.get(cellKey(row.id, column.id))?.gap ?? 'no-data';
			const field = gap === 'no-data' ? 'noData' : gap;
			row.counts[field]++;
			column.counts[field]++;
			matrix.totals[field]++;
		}
	}
	return matrix;
}
