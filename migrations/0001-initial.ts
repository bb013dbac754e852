import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'facilitator')`))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('invites')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('email', 'text')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.addColumn('used_at', 'integer')
		.addColumn('used_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('revoked_at', 'integer')
		.execute();

	await db.schema
		.createTable('strategy_processes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('territory', 'text', (c) => c.notNull())
		.addColumn('period_from', 'integer', (c) => c.notNull())
		.addColumn('period_to', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('process_members')
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'facilitator')`))
		.addColumn('added_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('process_members_pk', ['process_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('boards')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('area', 'text')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('boards_process').on('boards').column('process_id').execute();

	await db.schema
		.createTable('workshops')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'integer', (c) => c.notNull())
		.addColumn('ends_at', 'integer', (c) => c.notNull())
		// Null when the facilitator revoked the links; regenerated links replace these values.
		.addColumn('join_code', 'text', (c) => c.unique())
		.addColumn('join_token', 'text', (c) => c.unique())
		.addColumn('observer_token', 'text', (c) => c.unique())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('workshops_process').on('workshops').column('process_id').execute();

	await db.schema
		.createTable('workshop_boards')
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('workshop_boards_pk', ['workshop_id', 'board_id'])
		.execute();

	await db.schema
		.createTable('participants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('institution', 'text', (c) => c.notNull())
		.addColumn('sector', 'text', (c) => c.notNull())
		.addColumn('joined_at', 'integer', (c) => c.notNull())
		.addColumn('removed_at', 'integer')
		.execute();
	await db.schema.createIndex('participants_workshop').on('participants').column('workshop_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('user', 'guest', 'observer')`))
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
		.addColumn('workshop_id', 'text', (c) => c.references('workshops.id').onDelete('cascade'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('last_verified_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
	await db.schema.createIndex('sessions_workshop').on('sessions').column('workshop_id').execute();

	await db.schema
		.createTable('board_updates')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
		.addColumn('update', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('board_updates_board').on('board_updates').columns(['board_id', 'id']).execute();

	await db.schema
		.createTable('board_snapshots')
		.addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
		.addColumn('state', 'blob', (c) => c.notNull())
		// Highest board_updates.id folded into this snapshot; later rows are replayed on load.
		.addColumn('last_update_id', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'settings',
		'board_snapshots',
		'board_updates',
		'sessions',
		'participants',
		'workshop_boards',
		'workshops',
		'boards',
		'process_members',
		'strategy_processes',
		'invites',
		'users'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
