import { cellKey } from './schema';
import type { MatrixCell, MatrixColumn, MatrixRow, NeedGapMatrix } from './derive';

/**
 * The lists the goals board works from: the largest gaps ("top 10") that goals can link to, and
 * the check that every large gap is answered by an action or carries a written justification.
 * Both walk the matrix as given, so a matrix narrowed by filterMatrixByGroups lists only its
 * groups' gaps.
 */
export interface GapEntry {
	cell: MatrixCell;
	row: MatrixRow;
	column: MatrixColumn;
}

const GAP_RANK: Record<string, number> = { large: 0, small: 1 };
const NEED_RANK: Record<string, number> = { high: 0, medium: 1, low: 2, none: 3, '': 4 };

/**
 * Cells with a large or small gap: large gaps first, then by priority (1 first, none last),
 * then by need (high first); ties keep the matrix's own order, row by row, column by column.
 */
export function topGaps(matrix: NeedGapMatrix, n = 10): GapEntry[] {
	const limit = Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 10;
	return gapEntries(matrix, (cell) => cell.gap === 'large' || cell.gap === 'small')
		.sort(
			(a, b) =>
				GAP_RANK[a.cell.gap] - GAP_RANK[b.cell.gap] ||
				(a.cell.priority ?? 4) - (b.cell.priority ?? 4) ||
				NEED_RANK[a.cell.need] - NEED_RANK[b.cell.need] ||
				a.row.index - b.row.index ||
				a.column.index - b.column.index
		)
		.slice(0, limit);
}

/**
 * Large-gap cells that no goal or action links to (`linkedCellKeys`, by cellKey, gathered from
 * the goals boards) and that carry no written justification, in matrix order.
 */
export function unjustifiedLargeGaps(matrix: NeedGapMatrix, linkedCellKeys: ReadonlySet<string>): GapEntry[] {
	return gapEntries(matrix, (cell) => cell.gap === 'large' && !linkedCellKeys.has(cell.key) && cell.justification.trim() === '');
}

function gapEntries(matrix: NeedGapMatrix, keep: (cell: MatrixCell) => boolean): GapEntry[] {
	const out: GapEntry[] = [];
	for (const row of matrix.rows) {
		for (const column of matrix.columns) {
			const cell = matrix.cells.get(cellKey(row.id, column.id));
			if (cell && keep(cell)) out.push({ cell, row, column });
		}
	}
	return out;
}
