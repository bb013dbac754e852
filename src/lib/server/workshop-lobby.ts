import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/** What the workshop lobby shows: the workshop, its boards in agenda order, and its process. */
export async function loadWorkshopLobby(db: Kysely<Database>, workshopId: string) {
	const workshop = await db
		.selectFrom('workshops')
		.innerJoin('strategy_processes', 'strategy_processes.id', 'workshops.process_id')
		.select([
			'workshops.id',
			'workshops.title',
			'workshops.starts_at as startsAt',
			'workshops.ends_at as endsAt',
			'workshops.process_id as processId',
			'strategy_processes.title as processTitle'
		])
		.where('workshops.id', '=', workshopId)
		.executeTakeFirst();
	if (!workshop) return null;
	const boards = await db
		.selectFrom('workshop_boards')
		.innerJoin('boards', 'boards.id', 'workshop_boards.board_id')
		.select(['boards.id', 'boards.title', 'boards.kind', 'boards.area'])
		.where('workshop_boards.workshop_id', '=', workshopId)
		.orderBy('workshop_boards.position')
		.execute();
	return { workshop, boards };
}
