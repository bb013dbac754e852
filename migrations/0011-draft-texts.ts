import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed.

/**
 * The draft's editable sections live in one hidden board per process (kind 'draft-texts'), so
 * they are co-edited, persisted, restored and kept offline like any board. The board is created
 * lazily when the draft page is first opened; this index makes a second one impossible even when
 * two facilitators open the page at the same moment.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE UNIQUE INDEX boards_one_draft_texts_per_process ON boards (process_id) WHERE kind = 'draft-texts'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX IF EXISTS boards_one_draft_texts_per_process`.execute(db);
}
