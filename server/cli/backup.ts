import { resolve } from 'node:path';
import { readConfig } from '../../src/lib/server/config';
import { BackupError, backupDatabase } from '../../src/lib/server/db/backup';
import { describeProblem, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './backup-messages';

// `npm run backup -- FILE`: a consistent copy of the live database, taken beside the running
// server through SQLite's online backup API. Safe to run from cron at any time.

const USAGE = `Usage: npm run backup -- FILE [--force]

Writes a consistent copy of DATABASE_PATH (default ./data/narada.db) to FILE while the server
keeps running. FILE is a single self-contained SQLite file; restore it with npm run restore.

  --force   overwrite FILE if it already exists`;

async function main(argv: string[]): Promise<number> {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		return EXIT_OK;
	}
	const force = argv.includes('--force');
	const files = argv.filter((a) => a !== '--force');
	if (files.length !== 1 || files[0].startsWith('-')) {
		console.error(USAGE);
		return EXIT_USAGE;
	}
	const config = readConfig();
	const destination = resolve(files[0]);
	const started = Date.now();
	try {
		const { bytes, boards } = await backupDatabase(config.databasePath, destination, { force });
		const size = (bytes / 1024 / 1024).toFixed(2);
		console.log(`Backup written to ${destination} (${size} MB, ${boards} boards, ${Date.now() - started} ms).`);
		return EXIT_OK;
	} catch (error) {
		if (error instanceof BackupError) {
			console.error(describeProblem(error, { database: config.databasePath, file: destination }));
			return error.problem === 'destination-exists' ? EXIT_USAGE : EXIT_FAILED;
		}
		console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
		return EXIT_FAILED;
	}
}

process.exitCode = await main(process.argv.slice(2));
