import { resolve } from 'node:path';
import { readConfig } from '../../src/lib/server/config';
import { BackupError, restoreDatabase } from '../../src/lib/server/db/backup';
import { describeProblem, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './backup-messages';

// `npm run restore -- FILE`: puts a backup back in place of DATABASE_PATH. Only while the
// server is stopped: the database's own lock tells (see src/lib/server/db/backup.ts).

const USAGE = `Usage: npm run restore -- FILE

Stop the server first. Checks FILE (integrity, Narada tables), keeps the current database as
DATABASE_PATH.before-restore-<time>, and puts FILE in its place. Start the server afterwards.`;

function main(argv: string[]): number {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return EXIT_OK;
	}
	if (argv.length !== 1 || argv[0].startsWith('-')) {
		console.error(USAGE);
		return EXIT_USAGE;
	}
	const config = readConfig();
	const backup = resolve(argv[0]);
	try {
		const { keptAs, boards } = restoreDatabase(backup, config.databasePath);
		if (keptAs) console.log(`The previous database was kept as ${keptAs}.`);
		console.log(`Restored ${backup} to ${config.databasePath} (${boards} boards). Start the server now.`);
		return EXIT_OK;
	} catch (error) {
		if (error instanceof BackupError) {
			console.error(describeProblem(error, { database: config.databasePath, file: backup }));
			return EXIT_FAILED;
		}
		console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
		return EXIT_FAILED;
	}
}

process.exitCode = main(process.argv.slice(2));
