import { costSummary, type InactionCard } from '../inaction-cards/derive';
import { cellKey } from '../need-gap-matrix/schema';
import { topGaps } from '../need-gap-matrix/gap-lists';
import type { NeedGapMatrix } from '../need-gap-matrix/derive';
import { flattenTree, type DerivedTree } from '../problem-tree/derive';
import { areaKey, type DerivedBoard, type DraftBoardInput } from './board-data';
import type { DraftLabels } from './labels';
import { draftIds, type DraftCardsBlock, type DraftDiagnosisArea, type DraftMatrixAnnex, type DraftMatrixBlock, type DraftTree } from './model';

/** How many of a matrix's gaps the diagnosis lists; the annex holds the whole matrix. */
export const LARGEST_GAPS_SHOWN = 10;

/**
 * The diagnosis boards grouped by the area they were created for, areas in the order their
 * first board was chosen, boards within an area in the chosen order.
 */
export function buildDiagnosisAreas(boards: readonly DerivedBoard[], labels: DraftLabels): DraftDiagnosisArea[] {
	const areas = new Map<string, DraftDiagnosisArea>();
	for (const derived of boards) {
		if (derived.kind === 'goals') continue;
		const key = areaKey(derived.board.area);
		let area = areas.get(key);
		if (!area) {
			area = { id: draftIds.diagnosisArea(key), title: (derived.board.area ?? '').trim(), problemTrees: [], inactionCards: [], matrices: [] };
			areas.set(key, area);
		}
		if (derived.kind === 'tree') area.problemTrees.push(draftTree(derived.board, derived.tree));
		else if (derived.kind === 'cards') area.inactionCards.push(draftCards(derived.board, derived.cards));
		else area.matrices.push(draftMatrix(derived.board, derived.matrix, labels));
	}
	return [...areas.values()];
}

export function buildMatrixAnnexes(boards: readonly DerivedBoard[], labels: DraftLabels): DraftMatrixAnnex[] {
	return boards.flatMap((derived) => (derived.kind === 'matrix' ? [matrixAnnex(derived.board, derived.matrix, labels)] : []));
}

function draftTree(board: DraftBoardInput, tree: DerivedTree): DraftTree {
	return {
		id: draftIds.tree(board.id),
		boardId: board.id,
		title: board.title,
		treeKind: tree.treeKind,
		boxes: flattenTree(tree).map((box) => ({
			id: draftIds.treeBox(board.id, box.id),
			parentId: box.parentId === null ? null : draftIds.treeBox(board.id, box.parentId),
			role: box.role,
			depth: box.depth,
			text: box.text,
			evidence: box.evidence,
			evidenceSource: box.evidenceSource,
			scale: box.scale
		}))
	};
}

function draftCards(board: DraftBoardInput, cards: InactionCard[]): DraftCardsBlock {
	const summary = costSummary(cards);
	return {
		id: draftIds.cards(board.id),
		boardId: board.id,
		title: board.title,
		cards: cards.map((card) => ({
			id: draftIds.card(board.id, card.id),
			area: card.area,
			text: card.text,
			bearers: card.bearers,
			costEstimate: card.costEstimate,
			yearlyCost: card.cost.ok ? card.cost.value : null,
			horizon: card.horizon,
			likelihood: card.likelihood,
			maxSeverity: card.maxSeverity,
			evidence: card.evidence,
			sources: card.sources
		})),
		summary: {
			total: summary.total,
			withEstimate: summary.withEstimate,
			withoutEstimate: summary.withoutEstimate.length,
			unparsable: summary.unparsable.length
		}
	};
}

function draftMatrix(board: DraftBoardInput, matrix: NeedGapMatrix, labels: DraftLabels): DraftMatrixBlock {
	const groupName = new Map(matrix.groups.map((group) => [group.id, group.other ? labels.otherGroup : group.name]));
	return {
		id: draftIds.matrix(board.id),
		boardId: board.id,
		title: board.title,
		largestGaps: topGaps(matrix, LARGEST_GAPS_SHOWN).map(({ cell, row, column }) => ({
			id: draftIds.matrixCell(board.id, cell.key),
			group: groupName.get(row.groupId) ?? '',
			service: row.name,
			column: column.name,
			gap: cell.gap === 'large' ? 'large' : 'small',
			need: cell.need,
			offer: cell.offer,
			priority: cell.priority,
			note: cell.note
		})),
		annexId: draftIds.matrixAnnex(board.id)
	};
}

function matrixAnnex(board: DraftBoardInput, matrix: NeedGapMatrix, labels: DraftLabels): DraftMatrixAnnex {
	return {
		id: draftIds.matrixAnnex(board.id),
		boardId: board.id,
		title: board.title,
		columns: matrix.columns.map((column) => ({ id: column.id, name: column.name })),
		groups: matrix.groups.map((group) => ({
			id: group.id,
			name: group.other ? labels.otherGroup : group.name,
			rows: group.rows.map((row) => ({
				id: draftIds.matrixRow(board.id, row.id),
				name: row.name,
				gaps: matrix.columns.map((column) => matrix.cells.get(cellKey(row.id, column.id))?.gap ?? 'no-data')
			}))
		}))
	};
}
