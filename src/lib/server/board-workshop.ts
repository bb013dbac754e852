import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { AuthSession } from './auth/sessions';
import { resolveWorkshopRole, type AccessWindow } from './access';

/**
 * The workshop a board page belongs to, for its live bar (step, timer, lock, vote): a guest's
 * or observer's own workshop; for a facilitator, the workshop named in `?w=` when they
 * facilitate it and the board is one of its boards. Null means "no workshop in progress here".
 */
export async function workshopOfBoardPage(
	db: Kysely<Database>,
	session: AuthSession,
	boardId: string,
	requested: string | null,
	window: AccessWindow
): Promise<string | null> {
	const workshopId = session.kind === 'user' ? requested : session.workshopId;
	if (!workshopId || !/^[0-9a-f-]{36}$/i.test(workshopId)) return null;
	const onBoard = await db
		.selectFrom('workshop_boards')
		.select('board_id')
		.where('workshop_id', '=', workshopId)
		.where('board_id', '=', boardId)
		.executeTakeFirst();
	if (!onBoard) return null;
	return (await resolveWorkshopRole(db, session, workshopId, window)) ? workshopId : null;
}
