import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed.

/**
 * The language of the process's documents (the strategy draft and its exports): Polish unless
 * the facilitators choose English, independent of the interface language of whoever exports.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('strategy_processes')
		.addColumn('language', 'text', (c) => c.notNull().defaultTo('pl').check(sql`language in ('pl', 'en')`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('strategy_processes').dropColumn('language').execute();
}
