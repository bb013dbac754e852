import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Where the facilitator has brought everyone ("follow me"): a board and optionally one box,
 * item, card, row or cell in it. Kept across restarts, so reconnecting laptops land there too.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workshop_follow')
		.addColumn('workshop_id', 'text', (c) => c.primaryKey().references('workshops.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('target_kind', 'text', (c) => c.check(sql`target_kind in ('box', 'item', 'card', 'cell', 'row')`))
		.addColumn('target_id', 'text', (c) => c.check(sql`length(target_id) <= 200`))
		.addColumn('set_by', 'text', (c) => c.notNull())
		.addColumn('set_at', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('workshop_follow').execute();
}
