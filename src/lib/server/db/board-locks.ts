import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Board locks in the database. The board hub reads them on the raw better-sqlite3 handle when a
 * board loads (its store is synchronous, see board-updates.ts); pages and the lock feature use Kysely.
 */
export function createBoardLockReader(sqlite: BetterSqlite3.Database): (boardId: string) => boolean {
	const select = sqlite.prepare<[string], { board_id: string }>('SELECT board_id FROM board_locks WHERE board_id = ?');
	return (boardId) => select.get(boardId) !== undefined;
}

export async function isBoardLocked(db: Db, boardId: string): Promise<boolean> {
	const row = await db.selectFrom('board_locks').select('board_id').where('board_id', '=', boardId).executeTakeFirst();
	return row !== undefined;
}

/** The workshop's boards that are locked now, whichever workshop locked them. */
export async function lockedBoardIdsOf(db: Db, workshopId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('workshop_boards')
		.innerJoin('board_locks', 'board_locks.board_id', 'workshop_boards.board_id')
		.select('workshop_boards.board_id')
		.where('workshop_boards.workshop_id', '=', workshopId)
		.orderBy('workshop_boards.position')
		.execute();
	return rows.map((row) => row.board_id);
}
