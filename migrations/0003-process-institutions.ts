import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * The institutions a strategy process works with (podmioty), typed once and offered to every
 * goals board of the process. Participants' own institutions join the list without a row here;
 * names are compared ignoring case by the application, the key only stops exact repeats.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('process_institutions')
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('process_institutions_pk', ['process_id', 'name'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('process_institutions').execute();
}
