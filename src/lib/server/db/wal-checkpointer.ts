import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../log';

/**
 * Copying the WAL back into the database file ends with an fsync: 10–20 ms on this kind of
 * disk. SQLite's automatic checkpoint does it inside whichever commit crosses 1000 pages,
 * i.e. on the event loop, in the middle of somebody's edit. Here a worker thread with its own
 * connection checkpoints every `intervalMs` (PASSIVE: it never blocks our writes), and the main
 * connection's automatic checkpoint stays only as a far-off safety bound in case the worker dies.
 */
const SAFETY_AUTOCHECKPOINT_PAGES = 20_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointResult {
	/** WAL frames at the moment of the checkpoint, and how many of them reached the database file. */
	log: number;
	checkpointed: number;
}

export interface WalCheckpointer {
	stop(): Promise<void>;
}

export function startWalCheckpointer(
	sqlite: BetterSqlite3.Database,
	options: { path: string; log: Logger; intervalMs?: number; onCheckpoint?: (result: WalCheckpointResult) => void }
): WalCheckpointer {
	const { path, log, intervalMs = 500, onCheckpoint } = options;
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs } });
	worker.unref();
	sqlite.pragma(`wal_autocheckpoint = ${SAFETY_AUTOCHECKPOINT_PAGES}`);
	let failuresLogged = 0;
	let stopping = false;

	const fallBack = (reason: string) => {
		if (!sqlite.open) return;
		sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
		log.warn({ reason }, 'WAL checkpoints back on the main thread');
	};
	worker.on('message', (message: { ok: true; log: number; checkpointed: number } | { ok: false; error: string }) => {
		if (message.ok) return onCheckpoint?.({ log: message.log, checkpointed: message.checkpointed });
		// A busy or briefly unwritable disk: the next round retries; one line per failure streak start.
		if (failuresLogged++ % 100 === 0) log.warn({ err: message.error }, 'WAL checkpoint failed');
	});
	worker.on('error', (error) => {
		log.error({ err: error }, 'WAL checkpoint worker failed');
		fallBack('worker failed');
	});
	worker.on('exit', () => {
		if (!stopping) fallBack('worker exited');
	});

	return {
		async stop() {
			stopping = true;
			// The worker closes its connection itself: the main connection must be the last one to
			// close, because only the last close folds the WAL into the file and removes it. A WAL
			// left behind costs the next start a recovery read of the whole log.
			const exited = new Promise((resolve) => worker.once('exit', resolve));
			worker.postMessage('stop');
			const timeout = setTimeout(() => void worker.terminate(), 2000);
			await exited;
			clearTimeout(timeout);
			if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
		}
	};
}

/** Plain CommonJS run by the worker; the driver path comes from the main thread's resolution. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
	try {
		const [result] = db.pragma('wal_checkpoint(PASSIVE)');
		parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed });
	} catch (error) {
		parentPort.postMessage({ ok: false, error: String((error && error.message) || error) });
	}
}, workerData.intervalMs);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;
