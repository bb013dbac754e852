import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface DatabaseHandles {
	/** Raw handle for the synchronous hot path (board updates); everything else goes through Kysely. */
	sqlite: BetterSqlite3.Database;
	db: Kysely<Database>;
	close(): Promise<void>;
}

/**
 * Opens (and creates) the SQLite file in WAL mode. WAL lets readers run beside the single
 * writer; `synchronous` is NORMAL by default (a commit survives a process crash; a power
 * cut may lose the last transactions) or FULL when configured (survives both, slower).
 */
export function openDatabase(path: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): DatabaseHandles {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new BetterSqlite3(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma(`synchronous = ${synchronous}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return {
		sqlite,
		db,
		async close() {
			await db.destroy();
			// Kysely closes the handle only if it ever ran a query; the WAL is folded in on the last close.
			if (sqlite.open) sqlite.close();
		}
	};
}

export type { Database } from './schema';
