import type { DerivedTree, TreeBox } from '../problem-tree';
import { topGaps, type NeedGapMatrix } from '../need-gap-matrix';
import type { InactionCard } from '../inaction-cards';

/**
 * What a goals board may cite as its justification, as plain data the server sends with the
 * page: the objective trees of the same process, box by box in outline order. Seeding from an
 * objective tree and linking a goal to a box both read this; neither needs the tree's Y.Doc.
 */
export type SourceBoxRole = 'core' | 'end' | 'mean';

export interface ObjectiveSourceBox {
	id: string;
	text: string;
	role: SourceBoxRole;
	/** The core is 0, its children 1, … */
	depth: number;
	parentId: string | null;
}

export interface ObjectiveTreeSummary {
	boardId: string;
	title: string;
	/** Core first, then the ends (effects) and the means (causes), each depth-first in order. */
	boxes: ObjectiveSourceBox[];
}

export function summariseObjectiveTree(boardId: string, title: string, tree: DerivedTree): ObjectiveTreeSummary {
	const boxes: ObjectiveSourceBox[] = [toSource(tree.core, 'core')];
	const walk = (box: TreeBox, role: SourceBoxRole) => {
		boxes.push(toSource(box, role));
		for (const child of box.children) walk(child, role);
	};
	for (const end of tree.effects) walk(end, 'end');
	for (const mean of tree.causes) walk(mean, 'mean');
	return { boardId, title, boxes };
}

function toSource(box: TreeBox, role: SourceBoxRole): ObjectiveSourceBox {
	return { id: box.id, text: box.text, role, depth: box.depth, parentId: box.parentId };
}

/** A need/gap matrix as the goals board cites it: its services (rows) and its gaps, largest first. */
export interface MatrixSourceSummary {
	boardId: string;
	title: string;
	rows: Array<{ id: string; name: string; group: string }>;
	/** Large and small gaps in the matrix's "top gaps" order. */
	gaps: Array<{ cellKey: string; rowName: string; columnName: string; gap: 'large' | 'small' }>;
}

/** A cost-of-inaction board as the goals board cites it: its cards by area. */
export interface CardsSourceSummary {
	boardId: string;
	title: string;
	cards: Array<{ id: string; area: string }>;
}

/** Enough for a picker, bounded so a page never carries a whole 1,200-cell matrix. */
export const MATRIX_SOURCE_GAPS_MAX = 100;

export function summariseMatrix(boardId: string, title: string, matrix: NeedGapMatrix): MatrixSourceSummary {
	const groupName = new Map(matrix.groups.map((group) => [group.id, group.name]));
	return {
		boardId,
		title,
		rows: matrix.rows.map((row) => ({ id: row.id, name: row.name, group: groupName.get(row.groupId) ?? '' })),
		gaps: topGaps(matrix, MATRIX_SOURCE_GAPS_MAX).map(({ cell, row, column }) => ({
			cellKey: cell.key,
			rowName: row.name,
			columnName: column.name,
			gap: cell.gap === 'large' ? 'large' : 'small'
		}))
	};
}

export function summariseCards(boardId: string, title: string, cards: InactionCard[]): CardsSourceSummary {
	return { boardId, title, cards: cards.map((card) => ({ id: card.id, area: card.area })) };
}
