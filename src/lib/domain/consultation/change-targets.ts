import { SECTION_IDS, draftIds, type SectionId } from '../draft/model';

/**
 * Where the change a remark asks for is made: on a board (a goal or action lives on a goals
 * board, a tree box on its tree…) or, for written text, in a section of the draft. Read from the
 * draft model's stable ids (draftIds), so it needs neither the version nor the boards. Pure.
 */
export type ChangeTarget = { kind: 'board'; boardId: string } | { kind: 'section'; sectionId: SectionId } | { kind: 'other' };

/** Id prefixes whose second part is a board id: `goals:<boardId>:…`, `tree:<boardId>:…`… */
const BOARD_PREFIXES = new Set(['goals', 'tree', 'cards', 'matrix']);

export function isSectionId(value: string): value is SectionId {
	return (SECTION_IDS as readonly string[]).includes(value);
}

/**
 * The board or section a draft id belongs to. `fallbackSectionId` (the remark's own section) is
 * used when the id names neither, e.g. an id from a model shape this code does not know yet.
 */
export function changeTargetOf(targetId: string, fallbackSectionId: string | null = null): ChangeTarget {
	const [head, second = '', third = ''] = targetId.split(':');
	if (head === 'annex' && second === 'matrix' && third !== '') return { kind: 'board', boardId: third };
	if (BOARD_PREFIXES.has(head) && second !== '') return { kind: 'board', boardId: second };
	if (head === 'annex') return { kind: 'section', sectionId: 'annexes' };
	if (head === 'diagnosis') return { kind: 'section', sectionId: 'diagnosis' };
	if (head === 'workshop') return { kind: 'section', sectionId: 'participation' };
	if (head === 'paragraph' && isSectionId(second)) return { kind: 'section', sectionId: second };
	if (isSectionId(targetId)) return { kind: 'section', sectionId: targetId };
	if (fallbackSectionId !== null && isSectionId(fallbackSectionId)) return { kind: 'section', sectionId: fallbackSectionId };
	return { kind: 'other' };
}

/** The id a whole board has in the draft model, by board kind; null for kinds the draft does not use. */
export function boardDraftId(kind: string, boardId: string): string | null {
	switch (kind) {
		case 'goals':
			return draftIds.goalsArea(boardId);
		case 'problem-tree':
		case 'objective-tree':
			return draftIds.tree(boardId);
		case 'inaction-cards':
			return draftIds.cards(boardId);
		case 'need-gap-matrix':
			return draftIds.matrix(boardId);
		default:
			return null;
	}
}

/** A stable key per group of the to-do: one per board, one per section. */
export function changeTargetKey(target: ChangeTarget): string {
	if (target.kind === 'board') return `board:${target.boardId}`;
	return target.kind === 'section' ? `section:${target.sectionId}` : 'other';
}
