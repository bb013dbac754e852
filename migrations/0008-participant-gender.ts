import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed.

/**
 * Optional gender at join, only for the participation summary's women/men counts (the
 * breakdown that strategy indicators ask for). Null means the person chose not to say.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('participants')
		.addColumn('gender', 'text', (c) => c.check(sql`gender in ('woman', 'man')`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('participants').dropColumn('gender').execute();
}
