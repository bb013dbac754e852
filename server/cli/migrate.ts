import { openDatabase } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { readConfig } from '../../src/lib/server/config';

// `npm run migrate`: applies pending migrations to DATABASE_PATH (the server also does this at start).
const config = readConfig();
const { db, close } = openDatabase(config.databasePath, config.sqliteSynchronous);
try {
	const applied = await migrateToLatest(db);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
	await close();
}
