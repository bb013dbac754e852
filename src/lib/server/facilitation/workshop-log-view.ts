import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listWorkshopLog } from './workshop-log';
import type { WorkshopLogLine } from '../../domain/facilitation/log-line';

export type { WorkshopLogLine };

/**
 * The workshop's log resolved to names. Ids that no longer resolve (a deleted step, an
 * anonymised participant) show as null, and the view says "—".
 */
export async function readWorkshopLog(db: Kysely<Database>, workshopId: string): Promise<WorkshopLogLine[]> {
	const entries = await listWorkshopLog(db, workshopId);
	const [users, participants, steps, boards] = await Promise.all([
		db.selectFrom('users').select(['id', 'name']).execute(),
		db.selectFrom('participants').select(['id', 'display_name as name']).where('workshop_id', '=', workshopId).execute(),
		db.selectFrom('workshop_agenda_steps').select(['id', 'title']).where('workshop_id', '=', workshopId).execute(),
		db
			.selectFrom('workshop_boards')
			.innerJoin('boards', 'boards.id', 'workshop_boards.board_id')
			.select(['boards.id', 'boards.title'])
			.where('workshop_boards.workshop_id', '=', workshopId)
			.execute()
	]);
	const names = new Map([...users, ...participants].map((row) => [row.id, row.name]));
	const stepTitles = new Map(steps.map((row) => [row.id, row.title]));
	const boardTitles = new Map(boards.map((row) => [row.id, row.title]));
	return entries.map((entry) => {
		const detail = (entry.detail && typeof entry.detail === 'object' ? entry.detail : {}) as Record<string, unknown>;
		const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
		const stepId = text('stepId');
		const boardId = text('boardId');
		const participantId = text('participantId') ?? text('personId');
		return {
			at: entry.at,
			who: names.get(entry.actor) ?? null,
			action: entry.action,
			stepTitle: text('title') ?? (stepId ? (stepTitles.get(stepId) ?? null) : null),
			boardTitle: boardId ? (boardTitles.get(boardId) ?? null) : null,
			participantName: participantId ? (names.get(participantId) ?? null) : null,
			minutes: typeof detail.minutes === 'number' ? detail.minutes : null,
			locked: typeof detail.locked === 'boolean' ? detail.locked : null,
			count: typeof detail.notes === 'number' ? detail.notes : typeof detail.renamed === 'number' ? detail.renamed : null
		};
	});
}
