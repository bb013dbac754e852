import type BetterSqlite3 from 'better-sqlite3';

/**
 * Restore points on the raw better-sqlite3 handle, like the update log they copy: taking one
 * happens beside the board hub's hot path, and a synchronous insert-and-prune transaction keeps
 * the bound exact even when two points are taken at once.
 */
export type RestorePointReason = 'activity' | 'before-lock' | 'before-restore' | 'before-conversion' | 'manual';

export interface RestorePointSummary {
	id: string;
	boardId: string;
	reason: RestorePointReason;
	createdBy: string | null;
	createdAt: number;
	/** Size of the stored state in bytes. */
	bytes: number;
}

export interface RestorePoint extends RestorePointSummary {
	state: Uint8Array;
}

export interface RestorePointStore {
	/** Stores a point and drops the board's oldest beyond `keep`. */
	insert(point: Omit<RestorePoint, 'bytes'>, keep: number): void;
	/** Newest first. */
	list(boardId: string): RestorePointSummary[];
	get(boardId: string, id: string): RestorePoint | null;
	/** Time of the board's newest point, or null when it has none. */
	latestAt(boardId: string): number | null;
}

interface Row {
	id: string;
	board_id: string;
	reason: RestorePointReason;
	created_by: string | null;
	created_at: number;
	bytes: number;
}

export function createRestorePointStore(sqlite: BetterSqlite3.Database): RestorePointStore {
	const insertPoint = sqlite.prepare<[string, string, string, Uint8Array, string | null, number]>(
		'INSERT INTO board_restore_points (id, board_id, reason, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'
	);
	// Ties in created_at (two points in one millisecond) are broken by rowid, the insertion order.
	const prune = sqlite.prepare<[string, string, number]>(
		`DELETE FROM board_restore_points WHERE board_id = ? AND rowid NOT IN (
		   SELECT rowid FROM board_restore_points WHERE board_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`
	);
	const selectList = sqlite.prepare<[string], Row>(
		`SELECT id, board_id, reason, created_by, created_at, length(state) AS bytes FROM board_restore_points
		 WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`
	);
	const selectOne = sqlite.prepare<[string, string], Row & { state: Buffer }>(
		`SELECT id, board_id, reason, created_by, created_at, length(state) AS bytes, state FROM board_restore_points
		 WHERE board_id = ? AND id = ?`
	);
	const selectLatest = sqlite.prepare<[string], { at: number | null }>(
		'SELECT max(created_at) AS at FROM board_restore_points WHERE board_id = ?'
	);

	const insert = sqlite.transaction((point: Omit<RestorePoint, 'bytes'>, keep: number) => {
		insertPoint.run(point.id, point.boardId, point.reason, point.state, point.createdBy, point.createdAt);
		prune.run(point.boardId, point.boardId, keep);
	});

	return {
		insert: (point, keep) => insert(point, keep),
		list: (boardId) => selectList.all(boardId).map(toSummary),
		get(boardId, id) {
			const row = selectOne.get(boardId, id);
			return row ? { ...toSummary(row), state: new Uint8Array(row.state) } : null;
		},
		latestAt: (boardId) => selectLatest.get(boardId)?.at ?? null
	};
}

function toSummary(row: Row): RestorePointSummary {
	return {
		id: row.id,
		boardId: row.board_id,
		reason: row.reason,
		createdBy: row.created_by,
		createdAt: row.created_at,
		bytes: row.bytes
	};
}
