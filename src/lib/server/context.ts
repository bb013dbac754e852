import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { readConfig, type NaradaConfig } from './config';
import { openDatabase } from './db/index';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { createLogger, type Logger } from './log';
import { SessionRevocations } from './revocations';
import { ensureSetupCode } from './setup';

/**
 * Everything the process shares: the database, the configuration and the live channels.
 * The bundled Node server and the SvelteKit build each carry their own copy of this module,
 * so the one instance lives on globalThis: whichever side starts first creates it.
 */
export interface AppContext {
	config: NaradaConfig;
	sqlite: BetterSqlite3.Database;
	db: Kysely<Database>;
	log: Logger;
	revocations: SessionRevocations;
	/** One-time code for creating the administrator; null once an administrator exists. */
	setupCode: string | null;
	/** Extra shutdown steps registered by the live channels. */
	onClose: Array<() => Promise<void> | void>;
	close(): Promise<void>;
}

const KEY = Symbol.for('narada.appContext');
type Holder = { [KEY]?: Promise<AppContext> };

export function getAppContext(config?: NaradaConfig): Promise<AppContext> {
	const holder = globalThis as Holder;
	holder[KEY] ??= createAppContext(config ?? readConfig());
	return holder[KEY];
}

async function createAppContext(config: NaradaConfig): Promise<AppContext> {
	const log = createLogger(config.logLevel);
	const { sqlite, db, close } = openDatabase(config.databasePath, config.sqliteSynchronous);
	const applied = await migrateToLatest(db);
	if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
	const context: AppContext = {
		config,
		sqlite,
		db,
		log,
		revocations: new SessionRevocations(),
		setupCode: null,
		onClose: [],
		async close() {
			for (const step of context.onClose.reverse()) await step();
			await close();
			delete (globalThis as Holder)[KEY];
		}
	};
	context.setupCode = await ensureSetupCode(context);
	return context;
}
