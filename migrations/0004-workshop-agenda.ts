import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * The workshop's agenda, its live state (current step, timer) and the facilitator's log. The
 * server holds the timer as an end time so every client can compute the same remaining time.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workshop_agenda_steps')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
		.addColumn('board_id', 'text', (c) => c.references('boards.id').onDelete('set null'))
		.addColumn('activity', 'text', (c) =>
			c.notNull().check(sql`activity in ('discussion', 'brainstorm', 'problem-tree', 'voting', 'break', 'other')`)
		)
		.addColumn('planned_minutes', 'integer', (c) => c.notNull().check(sql`planned_minutes between 1 and 480`))
		.addColumn('started_at', 'integer')
		.addColumn('ended_at', 'integer')
		.execute();
	await db.schema
		.createIndex('workshop_agenda_steps_workshop')
		.on('workshop_agenda_steps')
		.columns(['workshop_id', 'position'])
		.execute();

	await db.schema
		.createTable('workshop_state')
		.addColumn('workshop_id', 'text', (c) => c.primaryKey().references('workshops.id').onDelete('cascade'))
		.addColumn('current_step_id', 'text', (c) => c.references('workshop_agenda_steps.id').onDelete('set null'))
		.addColumn('timer_ends_at', 'integer')
		.addColumn('timer_paused_remaining_ms', 'integer')
		.addColumn('timer_duration_ms', 'integer')
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('workshop_log')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('actor', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('detail', 'text', (c) => c.notNull())
		.addColumn('at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('workshop_log_workshop').on('workshop_log').columns(['workshop_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['workshop_log', 'workshop_state', 'workshop_agenda_steps']) {
		await db.schema.dropTable(table).execute();
	}
}
