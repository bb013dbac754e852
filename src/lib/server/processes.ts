import type { Kysely } from 'kysely';
import { DRAFT_LANGUAGES, type DraftLanguage } from '../domain/draft/model';
import type { Database, MemberRole } from './db/schema';

/**
 * Strategy processes and their team. Only members (owner or facilitator) see a process; every
 * lookup here takes the user id so that a route cannot forget the check.
 */

export async function createProcess(db: Kysely<Database>, userId: string, input: NewProcess, now = Date.now()): Promise<string> {
	const id = crypto.randomUUID();
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('strategy_processes')
			.values({
				id,
				title: input.title,
				territory: input.territory,
				period_from: input.periodFrom,
				period_to: input.periodTo,
				language: input.language ?? 'pl',
				created_by: userId,
				created_at: now
			})
			.execute();
		await tx.insertInto('process_members').values({ process_id: id, user_id: userId, role: 'owner', added_at: now }).execute();
	});
	return id;
}

export async function listProcessesForUser(db: Kysely<Database>, userId: string): Promise<ProcessSummary[]> {
	const rows = await db
		.selectFrom('strategy_processes')
		.innerJoin('process_members', 'process_members.process_id', 'strategy_processes.id')
		.select([
			'strategy_processes.id',
			'strategy_processes.title',
			'strategy_processes.territory',
			'strategy_processes.period_from',
			'strategy_processes.period_to',
			'strategy_processes.language',
			'process_members.role'
		])
		.where('process_members.user_id', '=', userId)
		.orderBy('strategy_processes.created_at', 'desc')
		.execute();
	return rows.map(toSummary);
}

/** The process as its member sees it, or null for a non-member (who must not learn it exists). */
export async function getProcessForMember(db: Kysely<Database>, processId: string, userId: string): Promise<ProcessSummary | null> {
	const row = await db
		.selectFrom('strategy_processes')
		.innerJoin('process_members', 'process_members.process_id', 'strategy_processes.id')
		.select([
			'strategy_processes.id',
			'strategy_processes.title',
			'strategy_processes.territory',
			'strategy_processes.period_from',
			'strategy_processes.period_to',
			'strategy_processes.language',
			'process_members.role'
		])
		.where('strategy_processes.id', '=', processId)
		.where('process_members.user_id', '=', userId)
		.executeTakeFirst();
	return row ? toSummary(row) : null;
}

export async function listMembers(db: Kysely<Database>, processId: string): Promise<ProcessMember[]> {
	const rows = await db
		.selectFrom('process_members')
		.innerJoin('users', 'users.id', 'process_members.user_id')
		.select(['users.id', 'users.name', 'users.email', 'process_members.role', 'process_members.added_at'])
		.where('process_members.process_id', '=', processId)
		.orderBy('process_members.added_at')
		.execute();
	return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, addedAt: r.added_at }));
}

/**
 * Adds a facilitator account to the team. Only the owner may; accounts come only from
 * invitations, so an unknown e-mail is refused rather than creating anything.
 */
export async function addFacilitatorByEmail(
	db: Kysely<Database>,
	processId: string,
	actingUserId: string,
	email: string,
	now = Date.now()
): Promise<AddFacilitatorResult> {
	const acting = await getProcessForMember(db, processId, actingUserId);
	if (!acting || acting.role !== 'owner') return { ok: false, code: 'not_owner' };
	const user = await db
		.selectFrom('users')
		.select(['id'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
		.executeTakeFirst();
	if (!user) return { ok: false, code: 'unknown_email' };
	const result = await db
		.insertInto('process_members')
		.values({ process_id: processId, user_id: user.id, role: 'facilitator', added_at: now })
		.onConflict((oc) => oc.columns(['process_id', 'user_id']).doNothing())
		.executeTakeFirst();
	if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return { ok: false, code: 'already_member' };
	return { ok: true, userId: user.id };
}

export function isDocumentLanguage(value: unknown): value is DraftLanguage {
	return (DRAFT_LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * Sets the language the process's documents are written in (the draft's headings, labels and
 * exports). Any member may: it is a setting of the shared document, like its boards.
 */
export async function setProcessLanguage(db: Kysely<Database>, processId: string, language: DraftLanguage): Promise<void> {
	await db.updateTable('strategy_processes').set({ language }).where('id', '=', processId).execute();
}

function toSummary(row: {
	id: string;
	title: string;
	territory: string;
	period_from: number;
	period_to: number;
	language: string;
	role: MemberRole;
}): ProcessSummary {
	return {
		id: row.id,
		title: row.title,
		territory: row.territory,
		periodFrom: row.period_from,
		periodTo: row.period_to,
		language: isDocumentLanguage(row.language) ? row.language : 'pl',
		role: row.role
	};
}

export interface NewProcess {
	title: string;
	territory: string;
	periodFrom: number;
	periodTo: number;
	/** The documents' language; Polish when not given. */
	language?: DraftLanguage;
}

export interface ProcessSummary extends NewProcess {
	id: string;
	language: DraftLanguage;
	/** The viewer's role in this process. */
	role: MemberRole;
}

export interface ProcessMember {
	userId: string;
	name: string;
	email: string;
	role: MemberRole;
	addedAt: number;
}

export type AddFacilitatorResult =
	| { ok: true; userId: string }
	| { ok: false; code: 'not_owner' | 'unknown_email' | 'already_member' };
