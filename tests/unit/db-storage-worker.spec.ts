import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import { openDatabase, type DatabaseHandles } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { startStorageWorker, type StorageWorker, type WalCheckpointResult } from '../../src/lib/server/db/storage-worker';
import { eventually } from '../support/eventually';

const log = pino({ level: 'silent' });
let dir: string;
let database: DatabaseHandles;
let checkpointer: StorageWorker | null = null;

afterEach(async () => {
	await checkpointer?.stop();
	checkpointer = null;
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

/** The nice value of every thread of this process, by thread id (Linux: field 19 of its stat line). */
function threadNiceValues(): Map<number, number> {
	const values = new Map<number, number>();
	for (const tid of readdirSync('/proc/self/task')) {
		const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
		values.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
	}
	return values;
}

describe('WAL checkpoints off the event loop', () => {
	it.runIf(process.platform === 'linux')('runs its thread at the lowest priority, so the event loop sharing its core goes first', async () => {
		dir = mkdtempSync(join(tmpdir(), 'narada-wal-'));
		const path = join(dir, 'narada.db');
		database = openDatabase(path);
		const before = threadNiceValues();
		checkpointer = startStorageWorker(database.sqlite, { path, log, intervalMs: 20 });
		await eventually(() => expect([...threadNiceValues()].filter(([tid, nice]) => !before.has(tid) && nice === 19)).toHaveLength(1));
		// Only that thread: this one (and the process's others) keep their priority.
		expect(threadNiceValues().get(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]))).toBe(0);
	});

	it('moves committed pages into the database file from a worker, and hands the duty back when stopped', async () => {
		dir = mkdtempSync(join(tmpdir(), 'narada-wal-'));
		const path = join(dir, 'narada.db');
		database = openDatabase(path);
		const { sqlite } = database;
		sqlite.exec('CREATE TABLE edits (id INTEGER PRIMARY KEY, body BLOB)');
		const results: WalCheckpointResult[] = [];
		checkpointer = startStorageWorker(sqlite, { path, log, intervalMs: 20, onCheckpoint: (r) => results.push(r) });
		// The main connection no longer checkpoints at 1000 pages inside somebody's commit.
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);

		const insert = sqlite.prepare('INSERT INTO edits (body) VALUES (?)');
		for (let i = 0; i < 300; i++) insert.run(Buffer.alloc(2000, i % 256));
		await eventually(() => expect(results.some((r) => r.checkpointed >= 300)).toBe(true));
		expect(sqlite.prepare('SELECT count(*) AS n FROM edits').get()).toEqual({ n: 300 });

		await checkpointer.stop();
		checkpointer = null;
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		// The worker's connection is closed: ours is the last, so closing it removes the WAL.
		await database.close();
		expect(existsSync(`${path}-wal`)).toBe(false);
		database = openDatabase(path);
	});

	it('folds a board\'s stored updates into its snapshot from the worker, unless someone compacted first', async () => {
		dir = mkdtempSync(join(tmpdir(), 'narada-compact-'));
		const path = join(dir, 'narada.db');
		database = openDatabase(path);
		await migrateToLatest(database.db);
		const boardId = insertBoard(database.sqlite);
		const store = createBoardUpdateStore(database.sqlite);
		const author = new Y.Doc();
		author.on('update', (update: Uint8Array) => store.append([{ boardId, update }]));
		const notes = author.getMap('notes');
		for (let i = 0; i < 300; i++) notes.set(`n${i}`, `Pomysł ${i}`);
		const upToId = store.load(boardId)!.lastUpdateId;
		notes.set('later', 'Dopisane w trakcie'); // after the compaction's range: must stay a row
		checkpointer = startStorageWorker(database.sqlite, { path, log });

		expect(await checkpointer.compact(boardId, upToId)).toBe(true);
		const stored = store.load(boardId)!;
		expect(stored.updates).toHaveLength(1);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, stored.snapshot!);
		for (const update of stored.updates) Y.applyUpdate(reloaded, update);
		expect(reloaded.getMap('notes').toJSON()).toEqual(notes.toJSON());

		// The main thread compacted meanwhile (e.g. the board unloaded): the worker's older merge is dropped.
		store.compact(boardId, Y.encodeStateAsUpdate(author), stored.lastUpdateId);
		expect(await checkpointer.compact(boardId, upToId)).toBe(false);
		expect(store.load(boardId)!.snapshot).toEqual(Y.encodeStateAsUpdate(author));
	});
});

function insertBoard(sqlite: DatabaseHandles['sqlite']): string {
	const processId = crypto.randomUUID();
	const boardId = crypto.randomUUID();
	sqlite
		.prepare('INSERT INTO strategy_processes (id, title, territory, period_from, period_to, created_at) VALUES (?, ?, ?, ?, ?, ?)')
		.run(processId, 'Strategia', 'Powiat', 2025, 2030, Date.now());
	sqlite.prepare('INSERT INTO boards (id, process_id, kind, title, created_at) VALUES (?, ?, ?, ?, ?)').run(boardId, processId, 'ideas-wall', 'Ściana', Date.now());
	return boardId;
}
