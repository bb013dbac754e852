import type { Kysely } from 'kysely';
import { HIDDEN_BOARD_KINDS } from '../domain/boards/registry';
import type { Database } from './db/schema';
import type { AuthSession } from './auth/sessions';

export type BoardAccess = 'edit' | 'view';
export type WorkshopRole = 'facilitator' | 'participant' | 'observer';

export interface AccessWindow {
	guestEarlyMs: number;
	guestGraceMs: number;
}

/** Guests reach a workshop from shortly before its start until the grace period after its end. */
export function isWithinGuestWindow(workshop: { starts_at: number; ends_at: number }, window: AccessWindow, now: number) {
	return now >= workshop.starts_at - window.guestEarlyMs && now <= workshop.ends_at + window.guestGraceMs;
}

/**
 * What a session may do with a board: facilitators of the board's process edit it; a guest
 * edits, and an observer views, only the boards of their own workshop and only within its
 * time window. Everything else is refused (null).
 */
export async function resolveBoardAccess(
	db: Kysely<Database>,
	session: AuthSession | null,
	boardId: string,
	window: AccessWindow,
	now = Date.now()
): Promise<BoardAccess | null> {
	if (!session) return null;
	if (session.kind === 'user') {
		const member = await db
			.selectFrom('boards')
			.innerJoin('process_members', 'process_members.process_id', 'boards.process_id')
			.select('process_members.role')
			.where('boards.id', '=', boardId)
			.where('process_members.user_id', '=', session.user.id)
			.executeTakeFirst();
		return member ? 'edit' : null;
	}
	// Hidden boards (the draft's texts) are the facilitators' alone, even if one were ever linked to a workshop.
	const workshop = await db
		.selectFrom('workshop_boards')
		.innerJoin('workshops', 'workshops.id', 'workshop_boards.workshop_id')
		.innerJoin('boards', 'boards.id', 'workshop_boards.board_id')
		.select(['workshops.starts_at', 'workshops.ends_at'])
		.where('workshop_boards.board_id', '=', boardId)
		.where('workshop_boards.workshop_id', '=', session.workshopId)
		.where('boards.kind', 'not in', HIDDEN_BOARD_KINDS)
		.executeTakeFirst();
	if (!workshop || !isWithinGuestWindow(workshop, window, now)) return null;
	return session.kind === 'guest' ? 'edit' : 'view';
}

/** The role a session has in a workshop's live room, or null when it may not enter. */
export async function resolveWorkshopRole(
	db: Kysely<Database>,
	session: AuthSession | null,
	workshopId: string,
	window: AccessWindow,
	now = Date.now()
): Promise<WorkshopRole | null> {
	if (!session) return null;
	if (session.kind === 'user') {
		const member = await db
			.selectFrom('workshops')
			.innerJoin('process_members', 'process_members.process_id', 'workshops.process_id')
			.select('process_members.role')
			.where('workshops.id', '=', workshopId)
			.where('process_members.user_id', '=', session.user.id)
			.executeTakeFirst();
		return member ? 'facilitator' : null;
	}
	if (session.workshopId !== workshopId) return null;
	const workshop = await db
		.selectFrom('workshops')
		.select(['starts_at', 'ends_at'])
		.where('id', '=', workshopId)
		.executeTakeFirst();
	if (!workshop || !isWithinGuestWindow(workshop, window, now)) return null;
	return session.kind === 'guest' ? 'participant' : 'observer';
}
