import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Boards a facilitator locked (read-only for participants). A row exists only while the board
 * is locked, so a restart keeps the lock and an unlock is a delete.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('board_locks')
		.addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('locked_by', 'text', (c) => c.notNull())
		.addColumn('locked_at', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('board_locks').execute();
}
