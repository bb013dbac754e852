import type { ActionDirection, GoalsOutline } from '../goals/derive';
import type { ItemLink } from '../goals/item-links';
import { cellKey } from '../need-gap-matrix/schema';
import type { DerivedBoard, DraftBoardInput } from './board-data';
import { shorten } from './board-data';
import type { DraftLabels } from './labels';
import { draftIds, type DraftAction, type DraftFootnote, type DraftGoalsArea, type DraftSource } from './model';

const QUOTE_MAX = 120;

/**
 * The goals chapters, one per goals board in the chosen order, in seed 000's structure.
 * Footnotes are renumbered across the whole document (each board numbers its own from 1), in
 * the board's reading order: goals' notes, the indicator column's, then the actions'.
 */
export function buildGoalsAreas(boards: readonly DerivedBoard[], labels: DraftLabels, footnotes: DraftFootnote[]): DraftGoalsArea[] {
	const sources = new SourceResolver(boards, labels);
	return boards.flatMap((derived) => (derived.kind === 'goals' ? [goalsArea(derived.board, derived.goals, sources, footnotes)] : []));
}

function goalsArea(board: DraftBoardInput, outline: GoalsOutline, sources: SourceResolver, footnotes: DraftFootnote[]): DraftGoalsArea {
	const itemId = (id: string) => (id === 'area' ? draftIds.goalsArea(board.id) : draftIds.goalsItem(board.id, id));
	const refs = new Map<string, number[]>();
	for (const note of outline.footnotes) {
		const number = footnotes.length + 1;
		footnotes.push({ number, ownerId: itemId(note.ownerId), text: note.text });
		refs.set(note.ownerId, [...(refs.get(note.ownerId) ?? []), number]);
	}
	const refsOf = (id: string) => refs.get(id) ?? [];
	const toAction = (action: ActionDirection): DraftAction => ({
		id: itemId(action.id),
		number: action.number,
		goalId: itemId(action.parentId),
		text: action.text,
		timeframe: action.timeframe,
		indicators: action.indicators.map((indicator) => ({
			id: draftIds.indicator(board.id, action.id, indicator.id),
			name: indicator.name,
			unit: indicator.unit,
			baseline: indicator.baseline,
			target: indicator.target,
			source: indicator.source,
			splitBySex: indicator.splitBySex
		})),
		entities: action.entities,
		inheritsEntities: action.inheritsEntities,
		responsible: action.responsible,
		funding: action.funding,
		footnoteRefs: refsOf(action.id),
		sources: sources.of(action),
		problems: action.problems
	});
	return {
		id: draftIds.goalsArea(board.id),
		boardId: board.id,
		number: outline.area.number,
		title: outline.area.title,
		entities: outline.area.entities,
		entitiesNote: outline.area.entitiesNote,
		footnoteRefs: refsOf('area'),
		strategic: outline.strategic.map((goal) => ({
			id: itemId(goal.id),
			number: goal.number,
			text: goal.text,
			footnoteRefs: refsOf(goal.id),
			sources: sources.of(goal),
			specific: goal.specific.map((specific) => ({
				id: itemId(specific.id),
				number: specific.number,
				text: specific.text,
				footnoteRefs: refsOf(specific.id),
				sources: sources.of(specific)
			})),
			actions: [...goal.specific.flatMap((specific) => specific.actions), ...goal.actions].map(toAction)
		}))
	};
}

interface SourcedItem {
	sourceBoardId: string | null;
	sourceBoxId: string | null;
	links: ItemLink[];
}

/**
 * Turns the ids a goal carries into labels a reader of the printed strategy understands
 * ("Drzewo celów: przemoc — Wzmocnienie kompetencji rodziców"). A source on a board that is
 * not in the draft, or that no longer exists there, keeps its id and is marked missing.
 */
class SourceResolver {
	private readonly byId: Map<string, DerivedBoard>;
	private readonly cardsById = new Map<string, Map<string, { area: string; text: string }>>();

	constructor(
		boards: readonly DerivedBoard[],
		private readonly labels: DraftLabels
	) {
		this.byId = new Map(boards.map((derived) => [derived.board.id, derived]));
	}

	of(item: SourcedItem): DraftSource[] {
		const out: DraftSource[] = [];
		if (item.sourceBoardId && item.sourceBoxId) out.push(this.treeBox(item.sourceBoardId, item.sourceBoxId));
		for (const link of item.links) out.push(this.link(link));
		return out;
	}

	private treeBox(boardId: string, boxId: string): DraftSource {
		const derived = this.byId.get(boardId);
		const box = derived?.kind === 'tree' ? derived.tree.byId.get(boxId) : undefined;
		const targetId = draftIds.treeBox(boardId, boxId);
		if (!derived || !box) return this.missing('tree-box', targetId, this.labels.sourceKinds.treeBox);
		return { kind: 'tree-box', targetId, label: `${derived.board.title} — ${shorten(box.text, QUOTE_MAX)}`, missing: false };
	}

	private link(link: ItemLink): DraftSource {
		const derived = this.byId.get(link.boardId);
		if (link.kind === 'inaction-card') {
			const targetId = draftIds.card(link.boardId, link.targetId);
			const card = derived?.kind === 'cards' ? this.cards(derived).get(link.targetId) : undefined;
			if (!derived || !card) return this.missing('inaction-card', targetId, this.labels.sourceKinds.inactionCard);
			return { kind: 'inaction-card', targetId, label: `${derived.board.title} — ${card.area}: ${shorten(card.text, QUOTE_MAX)}`, missing: false };
		}
		const matrix = derived?.kind === 'matrix' ? derived.matrix : null;
		if (link.kind === 'matrix-row') {
			const targetId = draftIds.matrixRow(link.boardId, link.targetId);
			const row = matrix?.rows.find((entry) => entry.id === link.targetId);
			if (!derived || !row) return this.missing('matrix-row', targetId, this.labels.sourceKinds.matrixRow);
			return { kind: 'matrix-row', targetId, label: `${derived.board.title} — ${row.name}`, missing: false };
		}
		const targetId = draftIds.matrixCell(link.boardId, link.targetId);
		const [rowId, columnId] = link.targetId.split('|');
		const cell = matrix?.cells.get(cellKey(rowId ?? '', columnId ?? ''));
		const row = matrix?.rows.find((entry) => entry.id === rowId);
		const column = matrix?.columns.find((entry) => entry.id === columnId);
		if (!derived || !cell || !row || !column) return this.missing('matrix-cell', targetId, this.labels.sourceKinds.matrixCell);
		const label = `${derived.board.title} — ${row.name} × ${column.name} (${this.labels.gaps[cell.gap]})`;
		return { kind: 'matrix-cell', targetId, label, missing: false };
	}

	private cards(derived: Extract<DerivedBoard, { kind: 'cards' }>) {
		let map = this.cardsById.get(derived.board.id);
		if (!map) {
			map = new Map(derived.cards.map((card) => [card.id, card]));
			this.cardsById.set(derived.board.id, map);
		}
		return map;
	}

	private missing(kind: DraftSource['kind'], targetId: string, kindLabel: string): DraftSource {
		return { kind, targetId, label: `${kindLabel} (${this.labels.sourceKinds.missing})`, missing: true };
	}
}
