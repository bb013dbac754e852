import { openDatabase } from '../../src/lib/server/db/index';

export type TestDb = ReturnType<typeof openDatabase>['db'];

/** Opens the running test server's SQLite file for one look or change, and closes it again. */
export async function withDatabase<T>(path: string, run: (db: TestDb) => Promise<T>): Promise<T> {
	const { db, close } = openDatabase(path);
	try {
		return await run(db);
	} finally {
		await close();
	}
}
