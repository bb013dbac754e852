import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { CORE_BOX_ID, addCause, initTreeDoc } from '../../src/lib/domain/problem-tree';
import { insertInitialBoardUpdate } from '../../src/lib/server/db/board-updates';
import { openDatabase } from '../../src/lib/server/db/index';
import type { SeededWorkshop } from './seed';

/**
 * A problem tree with a core problem and one cause, added to the seeded workshop's boards
 * (written straight into the database of the running server). Returns the board and the cause's id.
 */
export async function addWorkshopTree(databasePath: string, seeded: SeededWorkshop, texts: { core: string; cause: string }): Promise<{ boardId: ReturnType<typeof randomUUID>; causeId: string }> {
	const tree = new Y.Doc();
	initTreeDoc(tree, 'problem', { coreText: texts.core });
	const causeId = addCause(tree, CORE_BOX_ID, { text: texts.cause, by: 'f', now: 1 });
	if (!causeId) throw new Error('the cause could not be added');
	const boardId = randomUUID();
	const { db, close } = openDatabase(databasePath);
	try {
		const now = Date.now();
		await db.insertInto('boards').values({ id: boardId, process_id: seeded.processId, kind: 'problem-tree', title: 'Drzewo problemów', area: null, created_by: seeded.userId, created_at: now }).execute();
		await insertInitialBoardUpdate(db, boardId, Y.encodeStateAsUpdate(tree), now);
		await db.insertInto('workshop_boards').values({ workshop_id: seeded.workshopId, board_id: boardId, position: 2 }).execute();
	} finally {
		await close();
	}
	return { boardId, causeId };
}
