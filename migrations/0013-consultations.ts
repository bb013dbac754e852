import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed. Times are Unix milliseconds.

/**
 * Consultation rounds on a saved draft version (issue 9): the round with its public link,
 * invitations (one link each, no mail server), respondents (no account: a receipt token whose
 * SHA-256 is stored, like sessions), their remarks, the facilitators' answers, and reusable
 * answer templates. A remark's target is a stable id of the draft model (a section, a
 * paragraph or an action), so answers and later versions can point back to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('consultation_rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('draft_version_id', 'text', (c) => c.notNull().references('draft_versions.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('opens_at', 'integer', (c) => c.notNull())
		.addColumn('closes_at', 'integer', (c) => c.notNull())
		.addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('link', 'invited')`))
		.addColumn('anonymous_allowed', 'integer', (c) => c.notNull().check(sql`anonymous_allowed in (0, 1)`))
		// The public link's token ("anyone with the link"); invited rounds answer only invitations' tokens.
		.addColumn('link_token', 'text', (c) => c.notNull().unique())
		// The highest remark number ever given: numbers of deleted remarks are never handed out again.
		.addColumn('last_remark_number', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addCheckConstraint('consultation_rounds_span', sql`closes_at > opens_at`)
		.execute();
	await db.schema.createIndex('consultation_rounds_process').on('consultation_rounds').column('process_id').execute();

	await db.schema
		.createTable('consultation_invites')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('consultation_rounds.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('consultation_invites_round_email', ['round_id', 'email'])
		.execute();

	await db.schema
		.createTable('consultation_respondents')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('consultation_rounds.id').onDelete('cascade'))
		.addColumn('invite_id', 'text', (c) => c.references('consultation_invites.id').onDelete('set null'))
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('institution', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('sector', 'text')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('consultation_respondents_round').on('consultation_respondents').column('round_id').execute();

	await db.schema
		.createTable('consultation_remarks')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('consultation_rounds.id').onDelete('cascade'))
		// A respondent deleting their data deletes their remarks with them.
		.addColumn('respondent_id', 'text', (c) => c.notNull().references('consultation_respondents.id').onDelete('cascade'))
		// 1, 2, … per round in order of arrival; never reused, so "uwaga nr 7" stays uwaga nr 7.
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('section_id', 'text', (c) => c.notNull())
		.addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('section', 'paragraph', 'action')`))
		.addColumn('target_id', 'text', (c) => c.notNull())
		.addColumn('target_label', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('proposed_wording', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('anonymous', 'integer', (c) => c.notNull().check(sql`anonymous in (0, 1)`))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		// The facilitators' side.
		.addColumn('status', 'text', (c) => c.check(sql`status in ('accepted', 'partly', 'rejected', 'explained')`))
		.addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('answered_at', 'integer')
		.addColumn('assigned_to', 'text', (c) => c.references('users.id').onDelete('set null'))
		// A merged duplicate shares the answer of the remark it was merged into.
		.addColumn('duplicate_of', 'text', (c) => c.references('consultation_remarks.id').onDelete('set null'))
		// The change that answered an accepted remark: a note, and the draft item or board it concerns.
		.addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('change_target_id', 'text')
		.addColumn('change_done_at', 'integer')
		// The draft version that first recorded the change (set when that version is saved); undo ends there.
		.addColumn('answered_in_version', 'integer')
		.addUniqueConstraint('consultation_remarks_round_number', ['round_id', 'number'])
		.execute();
	await db.schema.createIndex('consultation_remarks_respondent').on('consultation_remarks').column('respondent_id').execute();

	await db.schema
		.createTable('consultation_answer_templates')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('process_id', 'text', (c) => c.notNull().references('strategy_processes.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.check(sql`status in ('accepted', 'partly', 'rejected', 'explained')`))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('consultation_answer_templates').execute();
	await db.schema.dropTable('consultation_remarks').execute();
	await db.schema.dropTable('consultation_respondents').execute();
	await db.schema.dropTable('consultation_invites').execute();
	await db.schema.dropTable('consultation_rounds').execute();
}
