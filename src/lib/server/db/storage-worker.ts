import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../log';
import { STORAGE_WORKER_SOURCE } from './storage-worker-source';

/**
 * Storage work that would otherwise stall the event loop in the middle of somebody's edit runs
 * in a worker thread with its own SQLite connection:
 * - WAL checkpoints (copying the log into the database file, ending with an fsync: 10–20 ms on
 *   this kind of disk), PASSIVE every CHECKPOINT_INTERVAL_MS, so they never block our writes. The
 *   main connection's automatic checkpoint stays only as a far-off safety bound in case the worker dies.
 * - Compaction of a live board's update log: the stored snapshot and updates are merged as bytes
 *   (Y.mergeUpdates, no document in memory), instead of encoding the live board on the main thread.
 */
const SAFETY_AUTOCHECKPOINT_PAGES = 20_000;
/**
 * A checkpoint does not lock our writes, but its fsync makes the filesystem's journal hold them:
 * the event loop's WAL append waited 1–5 ms whenever it met one (the bench's p99 at N=50 showed it
 * every half second). Every 5 s there are ten times fewer such edits. Under synchronous=NORMAL
 * this is also how old the newest transactions a power cut can take may be (the kernel's own
 * write-back bounds it too); a process crash loses nothing either way.
 */
export const CHECKPOINT_INTERVAL_MS = 5000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointResult {
	/** WAL frames at the moment of the checkpoint, and how many of them reached the database file. */
	log: number;
	checkpointed: number;
}

export interface StorageWorker {
	/**
	 * Folds a board's stored updates up to `upToId` into its snapshot. Resolves false when there was
	 * nothing to fold or another compaction got there first; rejects when the worker cannot do it.
	 */
	compact(boardId: string, upToId: number): Promise<boolean>;
	stop(): Promise<void>;
}

type WorkerMessage =
	| { kind: 'checkpoint'; ok: true; log: number; checkpointed: number }
	| { kind: 'checkpoint'; ok: false; error: string }
	| { kind: 'compacted'; id: number; ok: true; merged: boolean }
	| { kind: 'compacted'; id: number; ok: false; error: string };

export function startStorageWorker(
	sqlite: BetterSqlite3.Database,
	options: { path: string; log: Logger; intervalMs?: number; onCheckpoint?: (result: WalCheckpointResult) => void }
): StorageWorker {
	const { path, log, intervalMs = CHECKPOINT_INTERVAL_MS, onCheckpoint } = options;
	const resolveFromHere = createRequire(import.meta.url).resolve;
	const worker = new Worker(STORAGE_WORKER_SOURCE, {
		eval: true,
		workerData: { driver: resolveFromHere('better-sqlite3'), yjs: resolveFromHere('yjs'), path, intervalMs }
	});
	worker.unref();
	sqlite.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
	const compactions = new Map<number, { resolve: (merged: boolean) => void; reject: (error: Error) => void }>();
	let nextId = 1;
	let failuresLogged = 0;
	let alive = true;

	const fallBack = (reason: string) => {
		alive = false;
		for (const { reject } of compactions.values()) reject(new Error(`storage worker: ${reason}`));
		compactions.clear();
		if (!sqlite.open) return;
		sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
		log.warn({ reason }, 'WAL checkpoints back on the main thread');
	};
	worker.on('message', (message: WorkerMessage) => {
		if (message.kind === 'compacted') {
			const waiting = compactions.get(message.id);
			compactions.delete(message.id);
			if (message.ok) waiting?.resolve(message.merged);
			else waiting?.reject(new Error(message.error));
		} else if (message.ok) {
			onCheckpoint?.({ log: message.log, checkpointed: message.checkpointed });
		} else if (failuresLogged++ % 100 === 0) {
			// A busy or briefly unwritable disk: the next round retries; one line per streak of 100.
			log.warn({ err: message.error }, 'WAL checkpoint failed');
		}
	});
	worker.on('error', (error) => {
		log.error({ err: error }, 'storage worker failed');
		fallBack('worker failed');
	});
	worker.on('exit', () => {
		if (alive) fallBack('worker exited');
	});

	return {
		compact(boardId, upToId) {
			if (!alive) return Promise.reject(new Error('storage worker stopped'));
			const id = nextId++;
			return new Promise((resolve, reject) => {
				compactions.set(id, { resolve, reject });
				worker.postMessage({ id, boardId, upToId });
			});
		},
		async stop() {
			if (!alive) return;
			alive = false;
			// The worker closes its connection itself: the main connection must be the last one to
			// close, because only the last close folds the WAL into the file and removes it. A WAL
			// left behind costs the next start a recovery read of the whole log.
			const exited = new Promise((resolve) => worker.once('exit', resolve));
			worker.postMessage('stop');
			const timeout = setTimeout(() => void worker.terminate(), 2000);
			await exited;
			clearTimeout(timeout);
			for (const { reject } of compactions.values()) reject(new Error('storage worker stopped'));
			compactions.clear();
			if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
		}
	};
}
