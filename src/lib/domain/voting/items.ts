import * as Y from 'yjs';
import { listNotes } from '../ideas-wall';
import { boxesMap, deriveTree, flattenTree } from '../problem-tree';
import { cardsMap, deriveCards } from '../inaction-cards';
import { deriveMatrix } from '../need-gap-matrix';

/** One thing on a board that dots can go to, as the vote saw it when it opened. */
export interface VoteItem {
	id: string;
	label: string;
	/**
	 * The person id of whoever created it, for "no dots on your own items"; null (matrix rows, items
	 * made before authors had ids) = anyone may vote on it.
	 */
	authorId: string | null;
}

export const VOTE_ITEM_LABEL_MAX = 200;
/** More than a wall holds in a workshop; keeps the vote's snapshot and its messages small. */
export const VOTE_ITEMS_MAX = 300;

export const VOTABLE_BOARD_KINDS = ['ideas-wall', 'problem-tree', 'objective-tree', 'inaction-cards', 'need-gap-matrix'] as const;

export function isVotableBoardKind(kind: string): boolean {
	return (VOTABLE_BOARD_KINDS as readonly string[]).includes(kind);
}

/**
 * The votable items of a board, in its reading order: notes (top to bottom, left to right),
 * tree boxes (outline order), cost-of-inaction cards, matrix rows. Empty items are left out:
 * nobody can tell what a dot on a blank note means. Unknown kinds have no items.
 */
export function extractVoteItems(kind: string, doc: Y.Doc): VoteItem[] {
	return readItems(kind, doc)
		.map((item) => ({ ...item, label: item.label.trim().replace(/\s+/g, ' ').slice(0, VOTE_ITEM_LABEL_MAX) }))
		.filter((item) => item.label !== '')
		.slice(0, VOTE_ITEMS_MAX);
}

function readItems(kind: string, doc: Y.Doc): VoteItem[] {
	switch (kind) {
		case 'ideas-wall':
			return listNotes(doc)
				.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
				.map((note) => ({ id: note.id, label: note.text, authorId: note.createdById ?? null }));
		case 'problem-tree':
		case 'objective-tree': {
			const authorOf = authorIds(boxesMap(doc));
			return flattenTree(deriveTree(doc)).map((box) => ({ id: box.id, label: box.text, authorId: authorOf(box.id) }));
		}
		case 'inaction-cards': {
			const authorOf = authorIds(cardsMap(doc));
			return deriveCards(doc).map((card) => ({ id: card.id, label: card.text, authorId: authorOf(card.id) }));
		}
		case 'need-gap-matrix':
			return deriveMatrix(doc).rows.map((row) => ({ id: row.id, label: row.name, authorId: null }));
		default:
			return [];
	}
}

/** The `createdById` stored on each entry of a board's items map; null when absent (older items). */
function authorIds(items: Y.Map<unknown>): (id: string) => string | null {
	return (id) => {
		const entry = items.get(id);
		const author = entry instanceof Y.Map ? entry.get('createdById') : null;
		return typeof author === 'string' && author !== '' ? author : null;
	};
}
