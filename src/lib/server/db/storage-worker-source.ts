/**
 * The storage worker's code: plain CommonJS evaluated in a worker thread (bundlers leave a string
 * alone). Module paths come from the main thread's resolution. The SQL mirrors db/board-updates.ts.
 */
export const STORAGE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Lowest priority for this thread (see lib/server/low-priority-thread.ts): sharing a core with the
// event loop, a checkpoint or a merge must not make an edit wait for its time slice.
try {
	const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
	if (Number.isInteger(threadId) && threadId > 0) require('node:os').setPriority(threadId, 19);
} catch {}
const Database = require(workerData.driver);
const Y = require(workerData.yjs);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

// Prepared on first use: the worker starts before anyone asks it to compact.
let statements = null;
function prepared() {
	return (statements ??= {
		selectSnapshot: db.prepare('SELECT state, last_update_id FROM board_snapshots WHERE board_id = ?'),
		selectUpdates: db.prepare('SELECT "update" FROM board_updates WHERE board_id = ? AND id > ? AND id <= ? ORDER BY id'),
		upsertSnapshot: db.prepare(
			'INSERT INTO board_snapshots (board_id, state, last_update_id, updated_at) VALUES (?, ?, ?, ?) ' +
			'ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, last_update_id = excluded.last_update_id, updated_at = excluded.updated_at'
		),
		deleteFolded: db.prepare('DELETE FROM board_updates WHERE board_id = ? AND id <= ?')
	});
}
const bytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

// Merging happens outside any write lock; the write only lands if nobody compacted meanwhile.
function compact(boardId, upToId) {
	const { selectSnapshot, selectUpdates, upsertSnapshot, deleteFolded } = prepared();
	const read = db.transaction(() => {
		const snapshot = selectSnapshot.get(boardId);
		const from = snapshot ? snapshot.last_update_id : 0;
		return { snapshot, from, rows: selectUpdates.all(boardId, from, upToId) };
	})();
	if (read.rows.length === 0) return false;
	const parts = (read.snapshot ? [bytes(read.snapshot.state)] : []).concat(read.rows.map((row) => bytes(row.update)));
	const state = Y.mergeUpdates(parts);
	return db.transaction(() => {
		const now = selectSnapshot.get(boardId);
		if ((now ? now.last_update_id : 0) !== read.from) return false;
		upsertSnapshot.run(boardId, state, upToId, Date.now());
		deleteFolded.run(boardId, upToId);
		return true;
	}).immediate();
}

const timer = setInterval(() => {
	try {
		const [result] = db.pragma('wal_checkpoint(PASSIVE)');
		parentPort.postMessage({ kind: 'checkpoint', ok: true, log: result.log, checkpointed: result.checkpointed });
	} catch (error) {
		parentPort.postMessage({ kind: 'checkpoint', ok: false, error: String((error && error.message) || error) });
	}
}, workerData.intervalMs);

parentPort.on('message', (message) => {
	if (message === 'stop') {
		clearInterval(timer);
		db.close();
		parentPort.close();
		return;
	}
	try {
		const merged = compact(message.boardId, message.upToId);
		parentPort.postMessage({ kind: 'compacted', id: message.id, ok: true, merged });
	} catch (error) {
		parentPort.postMessage({ kind: 'compacted', id: message.id, ok: false, error: String((error && error.message) || error) });
	}
});
`;
