import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Private brainstorm: an agenda step's privacy ('open', 'private' = named at reveal,
 * 'anonymous') and when its notes were revealed; the notes themselves wait here, outside any
 * board document, until the facilitator reveals them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('workshop_agenda_steps')
		.addColumn('privacy', 'text', (c) => c.notNull().defaultTo('open').check(sql`privacy in ('open', 'private', 'anonymous')`))
		.execute();
	await db.schema.alterTable('workshop_agenda_steps').addColumn('revealed_at', 'integer').execute();

	await db.schema
		.createTable('private_notes')
		// The author's laptop makes the id, so a note resent after a lost acknowledgement is recognised.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('step_id', 'text', (c) => c.notNull().references('workshop_agenda_steps.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.notNull())
		.addColumn('author_name', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) between 1 and 500`))
		.addColumn('color', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('revealed_at', 'integer')
		.execute();
	await db.schema.createIndex('private_notes_step').on('private_notes').columns(['step_id', 'author_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('private_notes').execute();
	await db.schema.alterTable('workshop_agenda_steps').dropColumn('revealed_at').execute();
	await db.schema.alterTable('workshop_agenda_steps').dropColumn('privacy').execute();
}
