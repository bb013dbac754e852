import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { ANSWER_LIMITS, REMARK_STATUSES, type RemarkStatus } from '../../domain/consultation/model';
import type { Database } from '../db/schema';
import { publishRoundChange } from './round-events';

/**
 * The facilitators' side of a round: answers, templates, assignment and merging. Every remark
 * id a form sends is checked to belong to the round (and the round to the process) before
 * anything is written, so a forged id of another round changes nothing. A merged duplicate
 * always carries its main remark's status and answer: merging copies them, and answering a
 * main (or any of its duplicates) answers the whole group.
 */

/** A form sends at most this many remark ids at once (a round's whole list fits). */
const MAX_SELECTED = 1000;
const remarkIds = z.array(z.string().min(1).max(100)).min(1, 'no_selection').max(MAX_SELECTED, 'no_selection');

export const answerSchema = z.object({
	remarkIds,
	status: z.enum(REMARK_STATUSES, 'status'),
	answer: z.string('answer_required').trim().min(1, 'answer_required').max(ANSWER_LIMITS.answer, 'too_long')
});

export const templateSchema = z.object({
	status: z.preprocess((value) => (value === '' || value === undefined ? null : value), z.enum(REMARK_STATUSES, 'status').nullable()),
	text: z.string('required').trim().min(1, 'required').max(ANSWER_LIMITS.template, 'too_long')
});

export const assignSchema = z.object({
	remarkIds,
	// Empty means "nobody": the remarks go back to the shared pile.
	assignee: z.string().max(100).transform((value) => value || null)
});

export const mergeSchema = z.object({ remarkIds, mainId: z.string('merge_main').min(1, 'merge_main').max(100) });

export type ChangeResult = { ok: true } | { ok: false; code: string };
type Db = Kysely<Database> | Transaction<Database>;

async function remarksOfRound(db: Db, roundId: string, ids: readonly string[]) {
	const unique = [...new Set(ids)];
	const rows = await db.selectFrom('consultation_remarks').select(['id', 'duplicate_of']).where('round_id', '=', roundId).where('id', 'in', unique).execute();
	return rows.length === unique.length ? rows : null;
}

/** Answers the selected remarks (one or many) and every duplicate of their groups. */
export async function answerRemarks(
	db: Kysely<Database>,
	roundId: string,
	userId: string,
	input: { remarkIds: string[]; status: RemarkStatus; answer: string },
	now = Date.now()
): Promise<ChangeResult> {
	const result = await db.transaction().execute(async (trx): Promise<ChangeResult> => {
		const rows = await remarksOfRound(trx, roundId, input.remarkIds);
		if (!rows) return { ok: false, code: 'unknown_remark' };
		const mains = [...new Set(rows.map((row) => row.duplicate_of ?? row.id))];
		await trx
			.updateTable('consultation_remarks')
			.set({ status: input.status, answer: input.answer, answered_by: userId, answered_at: now })
			.where('round_id', '=', roundId)
			.where((eb) => eb.or([eb('id', 'in', mains), eb('duplicate_of', 'in', mains)]))
			.execute();
		return { ok: true };
	});
	if (result.ok) publishRoundChange(roundId);
	return result;
}

/** Gives the remarks to a member of the process, or back to nobody. */
export async function assignRemarks(db: Kysely<Database>, processId: string, roundId: string, input: { remarkIds: string[]; assignee: string | null }): Promise<ChangeResult> {
	const result = await db.transaction().execute(async (trx): Promise<ChangeResult> => {
		if (input.assignee) {
			const member = await trx.selectFrom('process_members').select('user_id').where('process_id', '=', processId).where('user_id', '=', input.assignee).executeTakeFirst();
			if (!member) return { ok: false, code: 'not_member' };
		}
		if (!(await remarksOfRound(trx, roundId, input.remarkIds))) return { ok: false, code: 'unknown_remark' };
		await trx.updateTable('consultation_remarks').set({ assigned_to: input.assignee }).where('round_id', '=', roundId).where('id', 'in', input.remarkIds).execute();
		return { ok: true };
	});
	if (result.ok) publishRoundChange(roundId);
	return result;
}

/**
 * Merges the selected remarks into `mainId` (one of them). Groups stay one level deep: a
 * selected remark that already had duplicates hands them to the new main too.
 */
export async function mergeRemarks(db: Kysely<Database>, roundId: string, input: { remarkIds: string[]; mainId: string }): Promise<ChangeResult> {
	const result = await db.transaction().execute(async (trx): Promise<ChangeResult> => {
		const ids = [...new Set([input.mainId, ...input.remarkIds])];
		if (ids.length < 2) return { ok: false, code: 'merge_two' };
		if (!input.remarkIds.includes(input.mainId)) return { ok: false, code: 'merge_main' };
		const rows = await remarksOfRound(trx, roundId, ids);
		if (!rows) return { ok: false, code: 'unknown_remark' };
		const main = await trx.selectFrom('consultation_remarks').select(['status', 'answer', 'answered_by', 'answered_at', 'duplicate_of']).where('id', '=', input.mainId).executeTakeFirstOrThrow();
		if (main.duplicate_of) return { ok: false, code: 'merge_main' };
		const others = ids.filter((id) => id !== input.mainId);
		const shared = { status: main.status, answer: main.answer, answered_by: main.answered_by, answered_at: main.answered_at };
		await trx
			.updateTable('consultation_remarks')
			.set({ ...shared, duplicate_of: input.mainId })
			.where('round_id', '=', roundId)
			.where((eb) => eb.or([eb('id', 'in', others), eb('duplicate_of', 'in', others)]))
			.execute();
		return { ok: true };
	});
	if (result.ok) publishRoundChange(roundId);
	return result;
}

/** Takes a duplicate out of its group; it keeps the answer it had, which can then be changed alone. */
export async function unmergeRemark(db: Kysely<Database>, roundId: string, remarkId: string): Promise<ChangeResult> {
	const updated = await db
		.updateTable('consultation_remarks')
		.set({ duplicate_of: null })
		.where('round_id', '=', roundId)
		.where('id', '=', remarkId)
		.where('duplicate_of', 'is not', null)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) return { ok: false, code: 'unknown_remark' };
	publishRoundChange(roundId);
	return { ok: true };
}

export async function listAnswerTemplates(db: Kysely<Database>, processId: string): Promise<AnswerTemplate[]> {
	const rows = await db.selectFrom('consultation_answer_templates').select(['id', 'status', 'text']).where('process_id', '=', processId).orderBy('created_at').execute();
	return rows.map((row) => ({ id: row.id, status: row.status, text: row.text }));
}

export async function createAnswerTemplate(db: Kysely<Database>, processId: string, userId: string, input: { status: RemarkStatus | null; text: string }, now = Date.now()): Promise<string> {
	const id = crypto.randomUUID();
	await db.insertInto('consultation_answer_templates').values({ id, process_id: processId, status: input.status, text: input.text, created_by: userId, created_at: now }).execute();
	return id;
}

export async function deleteAnswerTemplate(db: Kysely<Database>, processId: string, templateId: string): Promise<boolean> {
	const deleted = await db.deleteFrom('consultation_answer_templates').where('process_id', '=', processId).where('id', '=', templateId).executeTakeFirst();
	return Number(deleted.numDeletedRows) > 0;
}

export interface AnswerTemplate {
	id: string;
	status: RemarkStatus | null;
	text: string;
}
