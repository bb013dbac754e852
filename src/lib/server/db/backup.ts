import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Whole-database backup and restore for `npm run backup` / `npm run restore`.
 *
 * Backups use SQLite's online backup API through a second connection, never a file copy: in
 * WAL mode the newest commits live in the -wal file, so copying narada.db alone can miss them or
 * catch a page half-written. The backup API copies pages inside read transactions and starts
 * over when another connection writes meanwhile, so the result is one consistent moment.
 *
 * Restore replaces the file, which is only safe when nothing has it open. "Is the server
 * running?" is answered by the database's own lock rather than a pid file: every connection in
 * WAL mode holds a shared lock on the file for as long as it is open, and the kernel drops it
 * the instant the process ends, however it ends (kill -9 included). A pid file can outlive its
 * process or name a recycled pid; the lock cannot lie, and it also catches a backup or
 * `npm run users` still running.
 */

export type BackupProblem =
	| 'source-missing'
	| 'destination-exists'
	| 'destination-dir-missing'
	| 'backup-missing'
	| 'not-a-database'
	| 'integrity-failed'
	| 'missing-tables'
	| 'database-in-use';

export class BackupError extends Error {
	constructor(
		readonly problem: BackupProblem,
		readonly detail = ''
	) {
		super(detail ? `${problem}: ${detail}` : problem);
	}
}

/** Tables a Narada database has from its first migration on; a file without them is not ours. */
const REQUIRED_TABLES = ['kysely_migration', 'users', 'boards', 'board_updates', 'board_snapshots'];

export interface BackupResult {
	bytes: number;
	boards: number;
}

/** Copies the live database at `sourcePath` into `destination` (a self-contained file). */
export async function backupDatabase(
	sourcePath: string,
	destination: string,
	options: { force?: boolean } = {}
): Promise<BackupResult> {
	if (!existsSync(sourcePath)) throw new BackupError('source-missing', sourcePath);
	if (existsSync(destination) && !options.force) throw new BackupError('destination-exists', destination);
	if (!existsSync(dirname(destination))) throw new BackupError('destination-dir-missing', dirname(destination));

	// Written beside the target and renamed at the end: a cron job that dies half-way never
	// leaves a truncated file under the name the next restore would pick.
	const partial = join(dirname(destination), `.${basename(destination)}.partial-${process.pid}`);
	rmSync(partial, { force: true });
	const source = new BetterSqlite3(sourcePath, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		// After the first small step, copy everything that is left in one step (one read
		// transaction), so a busy server cannot keep restarting a slow page-by-page copy.
		await source.backup(partial, { progress: () => 0x7fffffff });
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		source.close();
	}
	try {
		// A single file with no -wal beside it is what people copy, mail and archive.
		const copy = new BetterSqlite3(partial, { fileMustExist: true });
		try {
			copy.pragma('journal_mode = DELETE');
		} finally {
			copy.close();
		}
		const { boards } = verifyBackup(partial);
		renameSync(partial, destination);
		return { bytes: statSync(destination).size, boards };
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
}

/** Checks that a file is an intact Narada database; throws a BackupError saying why not. */
export function verifyBackup(path: string): { boards: number } {
	if (!existsSync(path)) throw new BackupError('backup-missing', path);
	let db: BetterSqlite3.Database;
	try {
		db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new BackupError('not-a-database', String(error));
	}
	try {
		let integrity: string[];
		try {
			integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
		} catch (error) {
			throw new BackupError('not-a-database', String(error));
		}
		if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupError('integrity-failed', integrity.slice(0, 5).join('; '));
		const tables = new Set(
			db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name)
		);
		const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
		if (missing.length > 0) throw new BackupError('missing-tables', missing.join(', '));
		const { count } = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM boards').get()!;
		return { boards: count };
	} finally {
		db.close();
	}
}

/**
 * Takes the database's exclusive lock for a moment and folds its WAL into the main file.
 * Throws `database-in-use` when any other process has the database open (the server).
 */
export function settleIdleDatabase(path: string): void {
	const db = new BetterSqlite3(path, { fileMustExist: true, timeout: 0 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE; COMMIT;');
		// Commits a killed server left in the -wal go into the file kept aside, not the bin.
		if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
	} catch (error) {
		if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new BackupError('database-in-use', path);
		throw error;
	} finally {
		db.close();
	}
}

export interface RestoreResult {
	/** Where the database that was replaced now lives (null when there was none). */
	keptAs: string | null;
	boards: number;
}

/** Puts a verified backup in place of the (stopped) database at `databasePath`. */
export function restoreDatabase(backupPath: string, databasePath: string, now = new Date()): RestoreResult {
	const { boards } = verifyBackup(backupPath);
	let keptAs: string | null = null;
	if (existsSync(databasePath)) {
		settleIdleDatabase(databasePath);
		keptAs = `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		renameSync(databasePath, keptAs);
	}
	mkdirSync(dirname(databasePath), { recursive: true });
	// Stale journal files would be replayed onto the restored file as if they belonged to it.
	for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${databasePath}${suffix}`, { force: true });
	const incoming = join(dirname(databasePath), `.${basename(databasePath)}.restoring-${process.pid}`);
	copyFileSync(backupPath, incoming);
	renameSync(incoming, databasePath);
	return { keptAs, boards };
}
