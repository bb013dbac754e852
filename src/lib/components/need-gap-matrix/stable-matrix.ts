import type { GapCounts, MatrixCell, MatrixColumn, MatrixGroup, MatrixRow, NeedGapMatrix } from '$lib/domain/need-gap-matrix';

/**
 * Deriving gives fresh objects for every cell on every change. Handing the grid the previous
 * object wherever nothing changed lets Svelte skip the 1,199 cells that stayed the same (its
 * deriveds compare by identity), so one edit updates one cell, not a 60 × 20 table.
 */
export function stabilizeMatrix(previous: NeedGapMatrix | null, next: NeedGapMatrix): NeedGapMatrix {
	if (!previous) return next;
	const cells = new Map<string, MatrixCell>();
	for (const [key, cell] of next.cells) {
		const old = previous.cells.get(key);
		cells.set(key, old && sameFields(old, cell) ? old : cell);
	}
	const oldRows = new Map(previous.rows.map((row) => [row.id, row]));
	const rows = next.rows.map((row) => reuse(oldRows.get(row.id), row));
	const byId = new Map(rows.map((row) => [row.id, row]));
	const oldGroups = new Map(previous.groups.map((group) => [group.id, group]));
	const groups = next.groups.map((group): MatrixGroup => {
		const stableRows = group.rows.map((row) => byId.get(row.id) ?? row);
		const old = oldGroups.get(group.id);
		const same = old && old.name === group.name && old.order === group.order && old.other === group.other && sameList(old.rows, stableRows);
		return same ? old : { ...group, rows: stableRows };
	});
	const oldColumns = new Map(previous.columns.map((column) => [column.id, column]));
	const columns = next.columns.map((column) => reuse(oldColumns.get(column.id), column));
	return {
		groups: sameList(previous.groups, groups) ? previous.groups : groups,
		rows: sameList(previous.rows, rows) ? previous.rows : rows,
		columns: sameList(previous.columns, columns) ? previous.columns : columns,
		cells,
		totals: sameCounts(previous.totals, next.totals) ? previous.totals : next.totals
	};
}

function reuse<T extends MatrixRow | MatrixColumn>(old: T | undefined, next: T): T {
	if (!old || !sameCounts(old.counts, next.counts)) return next;
	return sameFields({ ...old, counts: null }, { ...next, counts: null }) ? old : next;
}

function sameFields(a: object, b: object): boolean {
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	for (const key in right) if (left[key] !== right[key]) return false;
	return true;
}

function sameCounts(a: GapCounts, b: GapCounts): boolean {
	return a.large === b.large && a.small === b.small && a.none === b.none && a.noData === b.noData;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
