/**
 * The board kinds a facilitator can create. Each kind has its own folder under
 * lib/domain/<kind> (Yjs schema) and lib/components/<kind> (its view); later issues add kinds here.
 */
export const BOARD_KINDS = ['ideas-wall', 'problem-tree', 'objective-tree', 'goals', 'inaction-cards', 'need-gap-matrix', 'draft-texts'] as const;

/**
 * Kinds a facilitator creates from the process page; objective trees come only from a conversion.
 * Goals, cards and matrix boards start with their schema in place (lib/server/boards.ts).
 */
export const CREATABLE_BOARD_KINDS: readonly BoardKind[] = ['ideas-wall', 'problem-tree', 'goals', 'inaction-cards', 'need-gap-matrix'];

export type BoardKind = (typeof BOARD_KINDS)[number];

/**
 * The strategy draft's editable sections (lib/domain/draft/texts.ts): one per process, created by
 * the server, edited only on the draft page. Never listed as a board, never in a workshop, and
 * closed to workshop guests and observers (access.ts).
 */
export const DRAFT_TEXTS_BOARD_KIND = 'draft-texts' satisfies BoardKind;

/** Kinds that are storage for something else and never appear where boards are listed. */
export const HIDDEN_BOARD_KINDS: readonly BoardKind[] = [DRAFT_TEXTS_BOARD_KIND];

export function isBoardKind(value: unknown): value is BoardKind {
	return typeof value === 'string' && (BOARD_KINDS as readonly string[]).includes(value);
}

/** Kinds whose doc is a tree (lib/domain/problem-tree), and which tree each one holds. */
export const TREE_BOARD_KINDS = { 'problem-tree': 'problem', 'objective-tree': 'objective' } as const;

export function treeKindOfBoard(kind: string): 'problem' | 'objective' | null {
	return kind === 'problem-tree' || kind === 'objective-tree' ? TREE_BOARD_KINDS[kind] : null;
}
