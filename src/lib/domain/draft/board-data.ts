import type * as Y from 'yjs';
import { deriveGoals, type GoalsOutline } from '../goals/derive';
import { deriveCards, type InactionCard } from '../inaction-cards/derive';
import { deriveMatrix, type NeedGapMatrix } from '../need-gap-matrix/derive';
import { deriveTree, type DerivedTree } from '../problem-tree/derive';
import { treeKindOfBoard } from '../boards/registry';

/** A board chosen for the draft, in the order the facilitator put them. */
export interface DraftBoardInput {
	id: string;
	kind: string;
	title: string;
	/** The area named when the board was created; null when none. */
	area: string | null;
	doc: Y.Doc;
}

/**
 * Each board read once through its own domain's derive function; the draft's sections and the
 * traceability labels all work from these, never from the docs.
 */
export type DerivedBoard =
	| { kind: 'tree'; board: DraftBoardInput; tree: DerivedTree }
	| { kind: 'cards'; board: DraftBoardInput; cards: InactionCard[] }
	| { kind: 'matrix'; board: DraftBoardInput; matrix: NeedGapMatrix }
	| { kind: 'goals'; board: DraftBoardInput; goals: GoalsOutline };

/** Boards of kinds the draft has no place for (ideas walls) are left out. */
export function deriveBoards(boards: readonly DraftBoardInput[]): DerivedBoard[] {
	const seen = new Set<string>();
	const out: DerivedBoard[] = [];
	for (const board of boards) {
		if (seen.has(board.id)) continue;
		seen.add(board.id);
		const derived = deriveBoard(board);
		if (derived) out.push(derived);
	}
	return out;
}

function deriveBoard(board: DraftBoardInput): DerivedBoard | null {
	if (treeKindOfBoard(board.kind)) return { kind: 'tree', board, tree: deriveTree(board.doc) };
	if (board.kind === 'inaction-cards') return { kind: 'cards', board, cards: deriveCards(board.doc) };
	if (board.kind === 'need-gap-matrix') return { kind: 'matrix', board, matrix: deriveMatrix(board.doc) };
	if (board.kind === 'goals') return { kind: 'goals', board, goals: deriveGoals(board.doc) };
	return null;
}

/** "Przemoc w rodzinie " and "przemoc  w rodzinie" are one area. */
export function areaKey(area: string | null): string {
	return (area ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
}

/** Plain text cut at a word boundary, for labels that quote a long card or box. */
export function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
