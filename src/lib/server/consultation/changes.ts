import type { Kysely, Transaction } from 'kysely';
import { withAnsweredRemarks } from '../../domain/consultation/answered-remarks';
import { boardDraftId, changeTargetKey, changeTargetOf, type ChangeTarget } from '../../domain/consultation/change-targets';
import { ANSWER_LIMITS } from '../../domain/consultation/model';
import { SECTION_IDS, type DraftAnsweredRemark, type DraftLanguage, type StrategyDraft } from '../../domain/draft/model';
import { draftLabels } from '../../domain/draft/labels';
import type { ChangeGroup, ChangeTodo } from '../../domain/consultation/change-todo';
import type { Database } from '../db/schema';
import { publishRoundChange } from './round-events';

export type { ChangeGroup, ChangeTodo, ChangeTodoRemark } from '../../domain/consultation/change-todo';

/**
 * The consultation to-do of a process: remarks answered "accepted" or "partly accepted" (merged
 * duplicates share their remark's answer and are left out) ask for a change in the next version.
 * Grouped by the board (or the written section) they concern; each can be marked done with a
 * note, undone until a saved version records it. Callers check membership first.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** One board of the process the to-do can name: its id in the draft model and its title. */
export interface ChangeBoard {
	boardId: string;
	kind: string;
	title: string;
	draftId: string;
}

async function listChangeBoards(db: Db, processId: string): Promise<ChangeBoard[]> {
	const rows = await db.selectFrom('boards').select(['id', 'kind', 'title']).where('process_id', '=', processId).orderBy('created_at').orderBy('id').execute();
	return rows.flatMap((row) => {
		const draftId = boardDraftId(row.kind, row.id);
		return draftId ? [{ boardId: row.id, kind: row.kind, title: row.title, draftId }] : [];
	});
}

function neededRemarks(db: Db, processId: string) {
	return db
		.selectFrom('consultation_remarks')
		.innerJoin('consultation_rounds', 'consultation_rounds.id', 'consultation_remarks.round_id')
		.selectAll('consultation_remarks')
		.select(['consultation_rounds.title as round_title'])
		.where('consultation_rounds.process_id', '=', processId)
		.where('consultation_remarks.status', 'in', ['accepted', 'partly'])
		.where('consultation_remarks.duplicate_of', 'is', null)
		.orderBy('consultation_rounds.created_at')
		.orderBy('consultation_remarks.number');
}

/** A target on a board of another process (or a deleted one) falls back to the remark's section. */
function resolveTarget(targetId: string, sectionId: string, boards: ReadonlyMap<string, ChangeBoard>): ChangeTarget {
	const target = changeTargetOf(targetId, sectionId);
	return target.kind === 'board' && !boards.has(target.boardId) ? changeTargetOf(sectionId) : target;
}

export async function listChangeTodo(db: Kysely<Database>, processId: string, language: DraftLanguage): Promise<ChangeTodo> {
	const [boards, rows] = await Promise.all([listChangeBoards(db, processId), neededRemarks(db, processId).execute()]);
	const byId = new Map(boards.map((board) => [board.boardId, board]));
	const byDraftId = new Map(boards.map((board) => [board.draftId, board]));
	const sectionTitles = draftLabels(language).sections;
	const groups = new Map<string, ChangeGroup>();
	for (const row of rows) {
		const target = resolveTarget(row.target_id, row.section_id, byId);
		const key = changeTargetKey(target);
		let group = groups.get(key);
		if (!group) {
			const board = target.kind === 'board' ? byId.get(target.boardId)! : null;
			group = { key, boardId: board?.boardId ?? null, title: board ? board.title : target.kind === 'section' ? sectionTitles[target.sectionId] : '', remarks: [] };
			groups.set(key, group);
		}
		group.remarks.push({
			id: row.id,
			roundTitle: row.round_title,
			number: row.number,
			status: row.status as 'accepted' | 'partly',
			targetLabel: row.target_label,
			content: row.content,
			answer: row.answer,
			changeNote: row.change_note,
			changeTargetLabel: row.change_target_id ? (byDraftId.get(row.change_target_id)?.title ?? '') : '',
			changeDoneAt: row.change_done_at,
			answeredInVersion: row.answered_in_version
		});
	}
	// Boards in creation order, then sections in document order, then the rest.
	const groupOrder = [...boards.map((board) => `board:${board.boardId}`), ...SECTION_IDS.map((id) => `section:${id}`), 'other'];
	const sorted = [...groups.values()].sort((a, b) => groupOrder.indexOf(a.key) - groupOrder.indexOf(b.key));
	const recordedByVersion: Record<number, number> = {};
	for (const row of rows) if (row.answered_in_version !== null) recordedByVersion[row.answered_in_version] = (recordedByVersion[row.answered_in_version] ?? 0) + 1;
	return { groups: sorted, boards: boards.map(({ draftId, title }) => ({ draftId, title })), recordedByVersion };
}

/** Remarks still waiting for their change on one board: the board page's notice. */
export async function countOpenChangesOnBoard(db: Kysely<Database>, processId: string, boardId: string): Promise<number> {
	const rows = await neededRemarks(db, processId).where('consultation_remarks.change_done_at', 'is', null).execute();
	return rows.filter((row) => {
		const target = changeTargetOf(row.target_id, row.section_id);
		return target.kind === 'board' && target.boardId === boardId;
	}).length;
}

export type ChangeRefusal = 'not-found' | 'in-version' | 'bad-target' | 'note-required' | 'note-too-long';

/**
 * Marks a remark's change as made. `changeTargetId` is a board's draft id among the process's
 * boards (anything else is refused, so a form cannot point a remark at another process).
 */
export async function markChangeDone(
	db: Kysely<Database>,
	processId: string,
	input: { remarkId: string; note: string; changeTargetId: string | null },
	now = Date.now()
): Promise<ChangeRefusal | null> {
	const note = input.note.trim();
	if (note === '') return 'note-required';
	if (note.length > ANSWER_LIMITS.changeNote) return 'note-too-long';
	if (input.changeTargetId !== null) {
		const boards = await listChangeBoards(db, processId);
		if (!boards.some((board) => board.draftId === input.changeTargetId)) return 'bad-target';
	}
	return updateRemark(db, processId, input.remarkId, { change_note: note, change_target_id: input.changeTargetId, change_done_at: now });
}

/** Back to the to-do, while no version has recorded the change. */
export function undoChangeDone(db: Kysely<Database>, processId: string, remarkId: string): Promise<ChangeRefusal | null> {
	return updateRemark(db, processId, remarkId, { change_note: '', change_target_id: null, change_done_at: null });
}

async function updateRemark(
	db: Kysely<Database>,
	processId: string,
	remarkId: string,
	change: { change_note: string; change_target_id: string | null; change_done_at: number | null }
): Promise<ChangeRefusal | null> {
	const remark = await neededRemarks(db, processId).where('consultation_remarks.id', '=', remarkId).executeTakeFirst();
	if (!remark) return 'not-found';
	if (remark.answered_in_version !== null) return 'in-version';
	const result = await db.updateTable('consultation_remarks').set(change).where('id', '=', remarkId).where('answered_in_version', 'is', null).executeTakeFirst();
	// A version saved between the read and the write took it first.
	if (result.numUpdatedRows === 0n) return 'in-version';
	publishRoundChange(remark.round_id);
	return null;
}

/**
 * Inside a version's insert transaction: every done remark no version has recorded yet is
 * recorded by this one (`number`), and the draft gets the list and the remarks as sources.
 * Returns the rounds touched, for publishRoundChange after the commit.
 */
export async function recordAnsweredRemarks(
	trx: Transaction<Database>,
	processId: string,
	number: number,
	draft: StrategyDraft
): Promise<{ draft: StrategyDraft; roundIds: string[] }> {
	const rows = await neededRemarks(trx, processId).where('consultation_remarks.change_done_at', 'is not', null).where('consultation_remarks.answered_in_version', 'is', null).execute();
	if (rows.length === 0) return { draft: { ...draft, answeredRemarks: [] }, roundIds: [] };
	const boards = new Map((await listChangeBoards(trx, processId)).map((board) => [board.draftId, board]));
	await trx.updateTable('consultation_remarks').set({ answered_in_version: number }).where('id', 'in', rows.map((row) => row.id)).execute();
	const answered: DraftAnsweredRemark[] = rows.map((row) => ({
		remarkId: row.id,
		roundTitle: row.round_title,
		number: row.number,
		status: row.status as 'accepted' | 'partly',
		targetId: row.target_id,
		targetLabel: row.target_label,
		content: row.content,
		changeNote: row.change_note,
		changeTargetId: row.change_target_id,
		changeTargetLabel: row.change_target_id ? (boards.get(row.change_target_id)?.title ?? '') : ''
	}));
	// The caller publishes these once the transaction has committed.
	return { draft: withAnsweredRemarks(draft, answered), roundIds: [...new Set(rows.map((row) => row.round_id))] };
}
