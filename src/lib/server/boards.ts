import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { HIDDEN_BOARD_KINDS, treeKindOfBoard, type BoardKind } from '../domain/boards/registry';
import { initTreeDoc } from '../domain/problem-tree';
import { initGoalsDoc, setAreaFields, splitAreaName } from '../domain/goals';
import { initCardsDoc } from '../domain/inaction-cards';
import { initMatrixDoc } from '../domain/need-gap-matrix';
import { insertInitialBoardUpdate } from './db/board-updates';
import type { Database } from './db/schema';

/** Boards of a strategy process. Callers check membership first (see process-guards.ts). */

/**
 * A tree board is stored with its meta and core box already in place, a goals board with its
 * meta and the area's shared types (one transaction with the board row): if the first two
 * clients each created them, one would overwrite the other.
 */
export async function createBoard(
	db: Kysely<Database>,
	processId: string,
	userId: string,
	input: { kind: BoardKind; title: string; area: string | null },
	now = Date.now()
): Promise<string> {
	const id = crypto.randomUUID();
	const initialState = initialBoardState(input.kind, input.area, userId, now);
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('boards')
			.values({ id, process_id: processId, kind: input.kind, title: input.title, area: input.area, created_by: userId, created_at: now })
			.execute();
		if (initialState) await insertInitialBoardUpdate(trx, id, initialState, now);
	});
	return id;
}

/** Kinds (besides trees) whose doc starts with its schema version and shared types written by the server. */
const INITIALISED_KINDS = new Set<BoardKind>(['goals', 'inaction-cards', 'need-gap-matrix']);

/** The state a board of this kind starts with, or null when it starts empty. */
function initialBoardState(kind: BoardKind, area: string | null, userId: string, now: number): Uint8Array | null {
	const treeKind = treeKindOfBoard(kind);
	if (!treeKind && !INITIALISED_KINDS.has(kind)) return null;
	const doc = new Y.Doc();
	try {
		if (treeKind) initTreeDoc(doc, treeKind, { by: userId, now });
		else if (kind === 'inaction-cards') initCardsDoc(doc);
		else if (kind === 'need-gap-matrix') initMatrixDoc(doc);
		else {
			initGoalsDoc(doc);
			// The area named on the form is the chapter's title until the group words it.
			if (area?.trim()) setAreaFields(doc, splitAreaName(area));
		}
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}

export async function listBoards(db: Kysely<Database>, processId: string): Promise<BoardSummary[]> {
	const rows = await db
		.selectFrom('boards')
		.select(['id', 'kind', 'title', 'area', 'created_at'])
		.where('process_id', '=', processId)
		.where('kind', 'not in', HIDDEN_BOARD_KINDS)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, area: r.area, createdAt: r.created_at }));
}

export interface BoardSummary {
	id: string;
	kind: string;
	title: string;
	area: string | null;
	createdAt: number;
}
