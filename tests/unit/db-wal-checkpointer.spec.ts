import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandles } from '../../src/lib/server/db/index';
import { startWalCheckpointer, type WalCheckpointer, type WalCheckpointResult } from '../../src/lib/server/db/wal-checkpointer';
import { eventually } from '../support/eventually';

const log = pino({ level: 'silent' });
let dir: string;
let database: DatabaseHandles;
let checkpointer: WalCheckpointer | null = null;

afterEach(async () => {
	await checkpointer?.stop();
	checkpointer = null;
	await database.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints off the event loop', () => {
	it('moves committed pages into the database file from a worker, and hands the duty back when stopped', async () => {
		dir = mkdtempSync(join(tmpdir(), 'narada-wal-'));
		const path = join(dir, 'narada.db');
		database = openDatabase(path);
		const { sqlite } = database;
		sqlite.exec('CREATE TABLE edits (id INTEGER PRIMARY KEY, body BLOB)');
		const results: WalCheckpointResult[] = [];
		checkpointer = startWalCheckpointer(sqlite, { path, log, intervalMs: 20, onCheckpoint: (r) => results.push(r) });
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
});
