import { encodeItemLink, type CardsSourceSummary, type ItemLink, type MatrixSourceSummary } from '$lib/domain/goals';
import { m } from '$lib/paraglide/messages';

/** Where a link opens: the cited board with the cell, service row or card selected. */
export function linkHref(link: ItemLink): string {
	const board = `/boards/${encodeURIComponent(link.boardId)}`;
	const param = link.kind === 'matrix-cell' ? 'cell' : link.kind === 'matrix-row' ? 'row' : 'card';
	return `${board}?${param}=${encodeURIComponent(link.targetId)}`;
}

/** "Duża luka: Teleopieka — powiat piski (Matryca potrzeb)", or a note that it is gone. */
export function linkLabel(link: ItemLink, matrices: MatrixSourceSummary[], cardBoards: CardsSourceSummary[]): string {
	if (link.kind === 'inaction-card') {
		const board = cardBoards.find((candidate) => candidate.boardId === link.boardId);
		const card = board?.cards.find((candidate) => candidate.id === link.targetId);
		return board && card ? m.goals_just_card({ area: card.area, board: board.title }) : m.goals_just_missing();
	}
	const matrix = matrices.find((candidate) => candidate.boardId === link.boardId);
	if (!matrix) return m.goals_just_missing();
	if (link.kind === 'matrix-row') {
		const row = matrix.rows.find((candidate) => candidate.id === link.targetId);
		return row ? m.goals_just_row({ row: row.name, board: matrix.title }) : m.goals_just_missing();
	}
	const gap = matrix.gaps.find((candidate) => candidate.cellKey === link.targetId);
	if (gap) return m.goals_just_cell({ gap: gapName(gap.gap), row: gap.rowName, column: gap.columnName, board: matrix.title });
	// A cell whose gap has since closed is still a valid citation; its names come from the row.
	const [rowId] = link.targetId.split('|');
	const row = matrix.rows.find((candidate) => candidate.id === rowId);
	return row ? m.goals_just_cell_closed({ row: row.name, board: matrix.title }) : m.goals_just_missing();
}

export interface PickerGroup {
	label: string;
	options: Array<{ value: string; label: string; link: ItemLink }>;
}

/** The select's groups: each matrix's gaps, then its services, then each board's cards; what is already linked is left out. */
export function pickerOptions(matrices: MatrixSourceSummary[], cardBoards: CardsSourceSummary[], linked: ItemLink[]): PickerGroup[] {
	const taken = new Set(linked.map(encodeItemLink));
	const option = (link: ItemLink, label: string) => ({ value: encodeItemLink(link), label, link });
	const groups: PickerGroup[] = [];
	for (const matrix of matrices) {
		groups.push({
			label: m.goals_just_group_gaps({ board: matrix.title }),
			options: matrix.gaps.map((gap) =>
				option({ kind: 'matrix-cell', boardId: matrix.boardId, targetId: gap.cellKey }, m.goals_just_gap_option({ gap: gapName(gap.gap), row: gap.rowName, column: gap.columnName }))
			)
		});
		groups.push({
			label: m.goals_just_group_rows({ board: matrix.title }),
			options: matrix.rows.map((row) => option({ kind: 'matrix-row', boardId: matrix.boardId, targetId: row.id }, row.group ? `${row.name} (${row.group})` : row.name))
		});
	}
	for (const board of cardBoards) {
		groups.push({
			label: m.goals_just_group_cards({ board: board.title }),
			options: board.cards.map((card) => option({ kind: 'inaction-card', boardId: board.boardId, targetId: card.id }, card.area))
		});
	}
	return groups
		.map((group) => ({ ...group, options: group.options.filter((candidate) => !taken.has(candidate.value)) }))
		.filter((group) => group.options.length > 0);
}

function gapName(gap: 'large' | 'small'): string {
	return gap === 'large' ? m.goals_gap_large() : m.goals_gap_small();
}
