import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * The strategy draft of a process: which boards go in and in what order (a row per board the
 * facilitator has placed; boards without a row follow in creation order, included), and the
 * saved versions. A version holds the consolidated StrategyDraft as JSON and is never updated:
 * its exports are rendered from that JSON, so the same version always gives the same document.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('draft_board_choices')
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('included', 'integer', (c) => c.notNull().check(sql`included in (0, 1)`))
		.addPrimaryKeyConstraint('draft_board_choices_pk', ['process_id', 'board_id'])
		.execute();

	await db.schema
		.createTable('draft_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
		.addColumn('model_json', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('draft_versions_process_number', ['process_id', 'number'])
		.execute();

	// A version is immutable: the database itself refuses to change one (deleting the process still removes them).
	await sql`CREATE TRIGGER draft_versions_immutable BEFORE UPDATE ON draft_versions BEGIN SELECT RAISE(ABORT, 'draft versions are immutable'); END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP TRIGGER IF EXISTS draft_versions_immutable`.execute(db);
	await db.schema.dropTable('draft_versions').execute();
	await db.schema.dropTable('draft_board_choices').execute();
}
