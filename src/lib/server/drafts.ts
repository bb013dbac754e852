import type { Kysely } from 'kysely';
import type * as Y from 'yjs';
import { openState } from '../domain/doc-restore';
import { consolidateDraft, participationInput, type DraftBoardInput, type DraftParticipationInput } from '../domain/draft/consolidate';
import type { StrategyDraft } from '../domain/draft/model';
import type { DraftBoardChoice, DraftVersionSummary } from '../domain/draft/process-draft';
import { getBoardHub } from './collab/hub-registry';
import { recordAnsweredRemarks } from './consultation/changes';
import { publishRoundChange } from './consultation/round-events';
import { loadConsultationAnnexReports } from './consultation/round-report';
import type { AppContext } from './context';
import type { Database } from './db/schema';
import { readProcessDraftTexts } from './draft-texts';
import type { ProcessSummary } from './processes';

/**
 * The strategy draft of a process, server side: which boards go in (and in what order), the
 * live preview consolidated from the boards' current state (read through the board hub, so an
 * edit made a moment ago is there), and the saved versions. Callers check membership first
 * (requireProcessMember). Renderers take the StrategyDraft only, never a board.
 */

/** Polish processes: the title page's day and the versions' dates are Warsaw's. */
export const DRAFT_TIME_ZONE = 'Europe/Warsaw';

/** Board kinds the draft has a place for; ideas walls and the like are not offered. */
const DRAFT_BOARD_KINDS = new Set(['problem-tree', 'objective-tree', 'inaction-cards', 'need-gap-matrix', 'goals']);

export type { DraftBoardChoice, DraftVersionSummary } from '../domain/draft/process-draft';

/**
 * Every board of the process the draft can use, in the draft's order: boards the facilitator
 * placed first (by position), then the others in creation order, included by default.
 */
export async function listDraftBoards(db: Kysely<Database>, processId: string): Promise<DraftBoardChoice[]> {
	const rows = await db
		.selectFrom('boards')
		.leftJoin('draft_board_choices', (join) =>
			join.onRef('draft_board_choices.board_id', '=', 'boards.id').on('draft_board_choices.process_id', '=', processId)
		)
		.select(['boards.id', 'boards.kind', 'boards.title', 'boards.area', 'boards.created_at', 'draft_board_choices.position', 'draft_board_choices.included'])
		.where('boards.process_id', '=', processId)
		.orderBy('boards.created_at')
		.orderBy('boards.id')
		.execute();
	const usable = rows.filter((row) => DRAFT_BOARD_KINDS.has(row.kind));
	const placed = usable.filter((row) => row.position !== null).sort((a, b) => a.position! - b.position!);
	const rest = usable.filter((row) => row.position === null);
	return [...placed, ...rest].map((row) => ({ id: row.id, kind: row.kind, title: row.title, area: row.area, included: row.included === null ? true : row.included === 1 }));
}

/**
 * Stores the facilitator's order and inclusion. `order` lists board ids in the wanted order;
 * ids of other processes' boards are ignored, and boards left out of `order` keep following.
 */
export async function saveDraftBoardChoices(db: Kysely<Database>, processId: string, order: readonly string[], included: ReadonlySet<string>): Promise<void> {
	const boards = await listDraftBoards(db, processId);
	const known = new Set(boards.map((board) => board.id));
	const wanted = [...new Set(order.filter((id) => known.has(id)))];
	const ordered = [...wanted, ...boards.map((board) => board.id).filter((id) => !wanted.includes(id))];
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('draft_board_choices').where('process_id', '=', processId).execute();
		if (ordered.length === 0) return;
		await trx
			.insertInto('draft_board_choices')
			.values(ordered.map((boardId, position) => ({ process_id: processId, board_id: boardId, position, included: included.has(boardId) ? 1 : 0 })))
			.execute();
	});
}

/** The draft as the boards are now (version null: a live preview). */
export async function consolidateProcessDraft(context: AppContext, process: ProcessSummary, now = Date.now()): Promise<StrategyDraft> {
	const chosen = (await listDraftBoards(context.db, process.id)).filter((board) => board.included);
	const docs = await readBoardDocs(context, chosen);
	try {
		const boards: DraftBoardInput[] = chosen.flatMap((board) => {
			const doc = docs.get(board.id);
			return doc ? [{ id: board.id, kind: board.kind, title: board.title, area: board.area, doc }] : [];
		});
		return consolidateDraft({
			process: { title: process.title, territory: process.territory, periodFrom: process.periodFrom, periodTo: process.periodTo },
			boards,
			texts: await readProcessDraftTexts(context, process.id),
			participation: await loadDraftParticipation(context.db, process.id),
			consultations: await loadConsultationAnnexReports(context.db, process.id, process.language, now),
			now,
			// The process's, never the exporting person's interface language.
			language: process.language,
			version: null,
			timeZone: DRAFT_TIME_ZONE
		});
	} finally {
		for (const doc of docs.values()) doc.destroy();
	}
}

/** A board that cannot be read is left out (and logged) rather than failing the draft. */
async function readBoardDocs(context: AppContext, boards: readonly DraftBoardChoice[]): Promise<Map<string, Y.Doc>> {
	const hub = getBoardHub(context);
	const docs = new Map<string, Y.Doc>();
	if (!hub) return docs;
	await Promise.all(
		boards.map(async (board) => {
			try {
				docs.set(board.id, openState(await hub.getBoardStateUpdate(board.id)));
			} catch (error) {
				context.log.warn({ boardId: board.id, err: error }, 'draft: board skipped, its state could not be read');
			}
		})
	);
	return docs;
}

/** Workshops held so far with their (not removed) participants; null when the process has none. */
export async function loadDraftParticipation(db: Kysely<Database>, processId: string): Promise<DraftParticipationInput | null> {
	const workshops = await db
		.selectFrom('workshops')
		.select(['id', 'title', 'starts_at'])
		.where('process_id', '=', processId)
		.orderBy('starts_at')
		.orderBy('id')
		.execute();
	if (workshops.length === 0) return null;
	const people = await db
		.selectFrom('participants')
		.innerJoin('workshops', 'workshops.id', 'participants.workshop_id')
		.select(['participants.workshop_id', 'participants.sector', 'participants.institution', 'participants.gender'])
		.where('workshops.process_id', '=', processId)
		.where('participants.removed_at', 'is', null)
		.execute();
	const counts = new Map<string, number>();
	for (const person of people) counts.set(person.workshop_id, (counts.get(person.workshop_id) ?? 0) + 1);
	return participationInput(
		workshops.map((workshop) => ({ id: workshop.id, title: workshop.title, heldAt: workshop.starts_at, participants: counts.get(workshop.id) ?? 0 })),
		people.map((person) => ({ sector: person.sector, institution: person.institution, gender: person.gender }))
	);
}

/**
 * Consolidates the boards now and stores the result as the next version. The number is taken
 * inside the insert's transaction (SQLite runs one write transaction at a time, and the unique
 * (process_id, number) index backs it), so two clicks at once give v1 and v2, never two v1s.
 * There is no update path: a version's JSON is written once.
 */
export async function saveDraftVersion(context: AppContext, process: ProcessSummary, userId: string, now = Date.now()): Promise<number> {
	const draft = await consolidateProcessDraft(context, process, now);
	const saved = await context.db.transaction().execute(async (trx) => {
		const last = await trx
			.selectFrom('draft_versions')
			.select((eb) => eb.fn.max('number').as('number'))
			.where('process_id', '=', process.id)
			.executeTakeFirst();
		const number = (last?.number ?? 0) + 1;
		// Consultation remarks marked done are recorded by this version (answered_in_version, sources).
		const answered = await recordAnsweredRemarks(trx, process.id, number, { ...draft, titlePage: { ...draft.titlePage, version: number } });
		const model: StrategyDraft = answered.draft;
		await trx
			.insertInto('draft_versions')
			.values({ id: crypto.randomUUID(), process_id: process.id, number, model_json: JSON.stringify(model), created_by: userId, created_at: now })
			.execute();
		return { number, roundIds: answered.roundIds };
	});
	saved.roundIds.forEach(publishRoundChange);
	return saved.number;
}

export async function listDraftVersions(db: Kysely<Database>, processId: string): Promise<DraftVersionSummary[]> {
	const rows = await db
		.selectFrom('draft_versions')
		.leftJoin('users', 'users.id', 'draft_versions.created_by')
		.select(['draft_versions.number', 'draft_versions.created_at', 'users.name'])
		.where('draft_versions.process_id', '=', processId)
		.orderBy('draft_versions.number', 'desc')
		.execute();
	return rows.map((row) => ({ number: row.number, createdAt: row.created_at, createdBy: row.name }));
}

/** The stored model of version `number`, or null when the process has no such version. */
export async function getDraftVersion(db: Kysely<Database>, processId: string, number: number): Promise<StrategyDraft | null> {
	const row = await db
		.selectFrom('draft_versions')
		.select('model_json')
		.where('process_id', '=', processId)
		.where('number', '=', number)
		.executeTakeFirst();
	return row ? (JSON.parse(row.model_json) as StrategyDraft) : null;
}

