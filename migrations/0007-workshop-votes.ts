import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Dot votes of a workshop. A vote keeps a snapshot of the items it was opened on, so its
 * results still read right after the board changes; closed votes stay as the workshop's record.
 * One row per dot: a person's count on an item is the number of their rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workshop_votes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('dots_per_person', 'integer', (c) => c.notNull().check(sql`dots_per_person between 1 and 20`))
		.addColumn('max_per_item', 'integer', (c) => c.notNull().check(sql`max_per_item between 1 and dots_per_person`))
		.addColumn('results_live', 'integer', (c) => c.notNull())
		.addColumn('no_own_items', 'integer', (c) => c.notNull())
		.addColumn('random_order', 'integer', (c) => c.notNull())
		.addColumn('facilitator_votes', 'integer', (c) => c.notNull())
		/** JSON: [{ id, label, authorId | null }] as the board held them at opening. */
		.addColumn('items_json', 'text', (c) => c.notNull())
		.addColumn('opened_by', 'text', (c) => c.notNull())
		.addColumn('opened_at', 'integer', (c) => c.notNull())
		.addColumn('closed_at', 'integer')
		.execute();
	await db.schema.createIndex('workshop_votes_workshop').on('workshop_votes').columns(['workshop_id', 'opened_at']).execute();

	await db.schema
		.createTable('vote_dots')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('vote_id', 'text', (c) => c.notNull().references('workshop_votes.id').onDelete('cascade'))
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('voter_id', 'text', (c) => c.notNull())
		.addColumn('placed_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('vote_dots_voter').on('vote_dots').columns(['vote_id', 'voter_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('vote_dots').execute();
	await db.schema.dropTable('workshop_votes').execute();
}
