import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The board update log and its snapshots, on the raw better-sqlite3 handle: this is the hot
 * path of every edit, and a synchronous transaction lets the board hub write a whole tick's
 * updates before it broadcasts any of them (Kysely's async API would add a tick per query).
 * Everything here runs inside transactions so a crash leaves either the old or the new state.
 */
export interface StoredBoard {
	/** Compacted state, or null before the first compaction. */
	snapshot: Uint8Array | null;
	/** Updates after the snapshot, oldest first. */
	updates: Uint8Array[];
	/** Highest update id already stored for this board (0 when none). */
	lastUpdateId: number;
}

export interface BoardUpdateAppend {
	boardId: string;
	update: Uint8Array;
}

export interface BoardUpdateStore {
	/** Null when the board does not exist. */
	load(boardId: string): StoredBoard | null;
	/** Appends every update in one transaction; returns the last id written per board. */
	append(batch: BoardUpdateAppend[], now?: number): Map<string, number>;
	/** Replaces the snapshot and deletes the updates it folds in (ids up to `upToId`). */
	compact(boardId: string, state: Uint8Array, upToId: number, now?: number): void;
	boardExists(boardId: string): boolean;
}

export function createBoardUpdateStore(sqlite: BetterSqlite3.Database): BoardUpdateStore {
	const selectBoard = sqlite.prepare<[string], { id: string }>('SELECT id FROM boards WHERE id = ?');
	const selectSnapshot = sqlite.prepare<[string], { state: Buffer; last_update_id: number }>(
		'SELECT state, last_update_id FROM board_snapshots WHERE board_id = ?'
	);
	const selectUpdates = sqlite.prepare<[string, number], { id: number; update: Buffer }>(
		'SELECT id, "update" FROM board_updates WHERE board_id = ? AND id > ? ORDER BY id'
	);
	const insertUpdate = sqlite.prepare<[string, Uint8Array, number]>(
		'INSERT INTO board_updates (board_id, "update", created_at) VALUES (?, ?, ?)'
	);
	const upsertSnapshot = sqlite.prepare<[string, Uint8Array, number, number]>(
		`INSERT INTO board_snapshots (board_id, state, last_update_id, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id,
		 updated_at = excluded.updated_at`
	);
	const deleteFolded = sqlite.prepare<[string, number]>('DELETE FROM board_updates WHERE board_id = ? AND id <= ?');

	const load = sqlite.transaction((boardId: string): StoredBoard | null => {
		if (!selectBoard.get(boardId)) return null;
		const snapshot = selectSnapshot.get(boardId);
		const rows = selectUpdates.all(boardId, snapshot?.last_update_id ?? 0);
		return {
			snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
			updates: rows.map((row) => new Uint8Array(row.update)),
			lastUpdateId: rows.at(-1)?.id ?? snapshot?.last_update_id ?? 0
		};
	});

	const append = sqlite.transaction((batch: BoardUpdateAppend[], now: number) => {
		const lastIds = new Map<string, number>();
		for (const { boardId, update } of batch) {
			const { lastInsertRowid } = insertUpdate.run(boardId, update, now);
			lastIds.set(boardId, Number(lastInsertRowid));
		}
		return lastIds;
	});

	const compact = sqlite.transaction((boardId: string, state: Uint8Array, upToId: number, now: number) => {
		upsertSnapshot.run(boardId, state, upToId, now);
		deleteFolded.run(boardId, upToId);
	});

	return {
		load: (boardId) => load(boardId),
		append: (batch, now = Date.now()) => append(batch, now),
		compact: (boardId, state, upToId, now = Date.now()) => compact(boardId, state, upToId, now),
		boardExists: (boardId) => selectBoard.get(boardId) !== undefined
	};
}

/**
 * Stores a new board's starting state (e.g. a tree's core box) as its first update. Call it in
 * the transaction that inserts the board row, so no client can ever load the board without it;
 * the hub then replays it like any other stored update.
 */
export async function insertInitialBoardUpdate(
	trx: Kysely<Database>,
	boardId: string,
	update: Uint8Array,
	now = Date.now()
): Promise<void> {
	await trx.insertInto('board_updates').values({ board_id: boardId, update, created_at: now }).execute();
}
