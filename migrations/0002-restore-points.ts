import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Restore points: a board's whole Yjs state at a moment (every hour of activity, before a lock,
 * before a restore), so a facilitator can bring a board back to it. Bounded per board by the
 * application; deleting a board deletes its points.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('board_restore_points')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('state', 'blob', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('board_restore_points_board')
		.on('board_restore_points')
		.columns(['board_id', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('board_restore_points').execute();
}
