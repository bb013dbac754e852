import type { BackupError } from '../../src/lib/server/db/backup';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** What an administrator reads when a backup or restore stops, and what to do about it. */
export function describeProblem(error: BackupError, paths: { database: string; file: string }): string {
	switch (error.problem) {
		case 'source-missing':
			return `No database at ${paths.database}. Set DATABASE_PATH to the server's database file.`;
		case 'destination-exists':
			return `${paths.file} already exists. Choose another name or add --force to overwrite it.`;
		case 'destination-dir-missing':
			return `The folder ${error.detail} does not exist.`;
		case 'backup-missing':
			return `No backup file at ${paths.file}.`;
		case 'not-a-database':
			return `${paths.file} is not a SQLite database (${error.detail}). Nothing was changed.`;
		case 'integrity-failed':
			return `${paths.file} is damaged: PRAGMA integrity_check reported ${error.detail}. Nothing was changed.`;
		case 'missing-tables':
			return `${paths.file} is not a Narada database (missing tables: ${error.detail}). Nothing was changed.`;
		case 'database-in-use':
			return `${paths.database} is in use: the Narada server (or another tool) still has it open. Stop the server and try again. Nothing was changed.`;
	}
}
