import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced } from './collab-client';

const buildDir = process.env.NARADA_BUILD_DIR || 'build';
let server: TestServer;
let seeded: SeededWorkshop;
let backupDir: string;

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	backupDir = mkdtempSync(join(tmpdir(), 'narada-backup-'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(backupDir, { recursive: true, force: true });
});

/** Runs a command-line tool of the build as an administrator would, without blocking the test's sockets. */
function runCli(tool: 'backup' | 'restore', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[`${buildDir}/cli/${tool}.js`, ...args],
			{ env: { ...process.env, DATABASE_PATH: server.databasePath } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

/** The board as a fresh server would load it from a database file. */
function notesInDatabase(path: string, boardId: string): string[] {
	const sqlite = new BetterSqlite3(path, { readonly: true });
	try {
		const stored = createBoardUpdateStore(sqlite).load(boardId)!;
		const doc = new Y.Doc();
		if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
		for (const update of stored.updates) Y.applyUpdate(doc, update);
		return [...doc.getMap('notes').keys()];
	} finally {
		sqlite.close();
	}
}

function integrityCheck(path: string): string {
	const sqlite = new BetterSqlite3(path, { readonly: true });
	try {
		return sqlite.pragma('integrity_check', { simple: true }) as string;
	} finally {
		sqlite.close();
	}
}

describe('backup and restore of the whole database', () => {
	const backupFile = () => join(backupDir, 'narada-backup.db');
	let acknowledgedBeforeBackup: string[] = [];
	let writtenAfterBackup = '';

	it('takes a consistent backup under write load that holds every edit acknowledged before it began', async () => {
		const writers = [seeded.guest.token, seeded.secondGuest.token].map((token) => connectBoard(server.url, seeded.boardId, token));
		const witness = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
		await Promise.all([...writers, witness].map(whenSynced));

		let sequence = 0;
		const load = setInterval(() => {
			for (const [w, writer] of writers.entries()) writer.addNote(`w${w}-${sequence}`, `Pomysł ${sequence} od piszącego ${w}`);
			sequence++;
		}, 2);
		try {
			await eventually(() => expect(Object.keys(witness.notes()).length).toBeGreaterThan(300), 20_000);
			// Acknowledged = another client already received it; the server persists before it broadcasts.
			acknowledgedBeforeBackup = Object.keys(witness.notes());
			const backup = await runCli('backup', [backupFile()]);
			expect(backup.stderr).toBe('');
			expect(backup.code).toBe(0);
			expect(backup.stdout).toMatch(/Backup written to .*narada-backup\.db/);
			// Writes kept flowing during the backup: the live server was never paused.
			const seenAfter = Object.keys(witness.notes()).length;
			expect(seenAfter).toBeGreaterThan(acknowledgedBeforeBackup.length);
		} finally {
			clearInterval(load);
		}

		writtenAfterBackup = 'written-after-backup';
		writers[0].addNote(writtenAfterBackup, 'Ta notatka powstała po kopii');
		await eventually(() => expect(witness.notes()[writtenAfterBackup]).toBeDefined());
		for (const client of [...writers, witness]) client.destroy();

		expect(integrityCheck(backupFile())).toBe('ok');
		expect(readdirSync(backupDir)).toEqual(['narada-backup.db']); // one self-contained file, no -wal beside it
		const inBackup = new Set(notesInDatabase(backupFile(), seeded.boardId));
		expect(acknowledgedBeforeBackup.filter((key) => !inBackup.has(key))).toEqual([]);
		expect(inBackup.has(writtenAfterBackup)).toBe(false);
	});

	it('refuses to overwrite an existing backup file unless --force is given', async () => {
		const refused = await runCli('backup', [backupFile()]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/already exists.*--force/);
		const forced = await runCli('backup', [backupFile(), '--force']);
		expect(forced.code).toBe(0);
		expect(integrityCheck(backupFile())).toBe('ok');
	});

	it('refuses a file that is not a Narada database and changes nothing', async () => {
		const bogus = join(backupDir, 'not-a-backup.db');
		writeFileSync(bogus, 'to nie jest baza danych');
		const result = await runCli('restore', [bogus]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/not a SQLite database|not a Narada database/);
		rmSync(bogus);
	});

	it('refuses to restore while the server runs, restores once it is stopped, and the server starts on the restored data', async () => {
		// Overwritten by the --force run above: take the reference backup again, then write once more.
		rmSync(backupFile());
		expect((await runCli('backup', [backupFile()])).code).toBe(0);
		const inBackup = notesInDatabase(backupFile(), seeded.boardId);
		const lateWriter = connectBoard(server.url, seeded.boardId, seeded.guest.token);
		await whenSynced(lateWriter);
		lateWriter.addNote('after-second-backup', 'Zniknie po przywróceniu');
		await eventually(() => expect(notesInDatabase(server.databasePath, seeded.boardId)).toContain('after-second-backup'));
		lateWriter.destroy();

		const whileRunning = await runCli('restore', [backupFile()]);
		expect(whileRunning.code).toBe(1);
		expect(whileRunning.stderr).toMatch(/in use.*Stop the server/);
		expect(notesInDatabase(server.databasePath, seeded.boardId)).toContain('after-second-backup');

		await server.kill('SIGTERM');
		const restored = await runCli('restore', [backupFile()]);
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		const kept = readdirSync(dirname(server.databasePath)).filter((name) => name.startsWith('narada.db.before-restore-'));
		expect(kept).toHaveLength(1);
		expect(notesInDatabase(join(dirname(server.databasePath), kept[0]), seeded.boardId)).toContain('after-second-backup');
		expect(existsSync(`${server.databasePath}-wal`)).toBe(false);

		await server.restart();
		const fresh = connectBoard(server.url, seeded.boardId, seeded.secondGuest.token);
		try {
			await whenSynced(fresh);
			expect(Object.keys(fresh.notes()).sort()).toEqual([...inBackup].sort());
			expect(fresh.notes()['after-second-backup']).toBeUndefined();
		} finally {
			fresh.destroy();
		}
	});
});
