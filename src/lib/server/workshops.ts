import type { Kysely } from 'kysely';
import { HIDDEN_BOARD_KINDS } from '../domain/boards/registry';
import { generateJoinCode, isWellFormedJoinCode, normalizeJoinCode } from '../domain/join-code';
import type { Sector } from '../domain/sectors';
import { isWithinGuestWindow, type AccessWindow } from './access';
import { createSession, invalidateParticipantSessions, invalidateWorkshopGuestSessions } from './auth/sessions';
import { generateSecureRandomString } from './auth/tokens';
import type { Database, Gender, WorkshopTable } from './db/schema';
import type { SessionRevocations } from './revocations';

/**
 * Workshops, their join links and the people who joined them. Three ways in, each scoped to
 * one workshop and its time window: a short code for typing (rate-limited, see join-limits.ts),
 * and two full-strength tokens for the join link and the observer link.
 */

export type Workshop = Pick<WorkshopTable, 'id' | 'process_id' | 'title' | 'starts_at' | 'ends_at' | 'join_code' | 'join_token' | 'observer_token'>;

interface LiveContext {
	db: Kysely<Database>;
	revocations: SessionRevocations;
}

export async function createWorkshop(
	db: Kysely<Database>,
	processId: string,
	userId: string,
	input: { title: string; startsAt: number; endsAt: number; boardIds: string[] },
	now = Date.now()
): Promise<{ ok: true; id: string } | { ok: false; code: 'unknown_board' }> {
	const boardIds = [...new Set(input.boardIds)];
	if (boardIds.length > 0) {
		// Hidden boards (the draft's texts) never go into a workshop, where guests could open them.
		const owned = await db
			.selectFrom('boards')
			.select('id')
			.where('process_id', '=', processId)
			.where('id', 'in', boardIds)
			.where('kind', 'not in', HIDDEN_BOARD_KINDS)
			.execute();
		if (owned.length !== boardIds.length) return { ok: false, code: 'unknown_board' };
	}
	const id = crypto.randomUUID();
	await withFreshLinks(async (links) => {
		await db.transaction().execute(async (tx) => {
			await tx
				.insertInto('workshops')
				.values({ id, process_id: processId, title: input.title, starts_at: input.startsAt, ends_at: input.endsAt, ...links, created_by: userId, created_at: now })
				.execute();
			for (const [position, boardId] of boardIds.entries()) {
				await tx.insertInto('workshop_boards').values({ workshop_id: id, board_id: boardId, position }).execute();
			}
		});
	});
	return { ok: true, id };
}

export async function listWorkshops(db: Kysely<Database>, processId: string) {
	return db
		.selectFrom('workshops')
		.select(['id', 'title', 'starts_at', 'ends_at'])
		.where('process_id', '=', processId)
		.orderBy('starts_at')
		.execute();
}

/** A workshop of the given process (the route has already checked membership of the process). */
export async function getWorkshopInProcess(db: Kysely<Database>, processId: string, workshopId: string): Promise<Workshop | null> {
	const row = await selectWorkshop(db).where('id', '=', workshopId).where('process_id', '=', processId).executeTakeFirst();
	return row ?? null;
}

export async function listWorkshopBoards(db: Kysely<Database>, workshopId: string) {
	return db
		.selectFrom('workshop_boards')
		.innerJoin('boards', 'boards.id', 'workshop_boards.board_id')
		.select(['boards.id', 'boards.kind', 'boards.title', 'boards.area'])
		.where('workshop_boards.workshop_id', '=', workshopId)
		.orderBy('workshop_boards.position')
		.execute();
}

/**
 * New code and links; the old ones stop working at once. People who already joined stay in:
 * regenerating is for a code that leaked or was shown to the wrong room, not for throwing
 * everyone out (that is revokeWorkshopLinks).
 */
export async function regenerateWorkshopLinks(db: Kysely<Database>, workshopId: string): Promise<void> {
	await withFreshLinks((links) => db.updateTable('workshops').set(links).where('id', '=', workshopId).execute());
}

/** Turns every link off and signs out every guest and observer, closing their live connections. */
export async function revokeWorkshopLinks(context: LiveContext, workshopId: string): Promise<number> {
	await context.db
		.updateTable('workshops')
		.set({ join_code: null, join_token: null, observer_token: null })
		.where('id', '=', workshopId)
		.execute();
	const sessionIds = await invalidateWorkshopGuestSessions(context.db, workshopId);
	context.revocations.revoke(sessionIds);
	return sessionIds.length;
}

export async function findWorkshopByCode(db: Kysely<Database>, input: string, window: AccessWindow, now = Date.now()) {
	const code = normalizeJoinCode(input);
	if (!isWellFormedJoinCode(code)) return null;
	return withinWindow(await selectWorkshop(db).where('join_code', '=', code).executeTakeFirst(), window, now);
}

export async function findWorkshopByJoinToken(db: Kysely<Database>, token: string, window: AccessWindow, now = Date.now()) {
	if (!token || token.length > 100) return null;
	return withinWindow(await selectWorkshop(db).where('join_token', '=', token).executeTakeFirst(), window, now);
}

export async function findWorkshopByObserverToken(db: Kysely<Database>, token: string, window: AccessWindow, now = Date.now()) {
	if (!token || token.length > 100) return null;
	return withinWindow(await selectWorkshop(db).where('observer_token', '=', token).executeTakeFirst(), window, now);
}

/** Whether a token names a workshop at all, to tell "outside its hours" from "no such link". */
export async function workshopExistsForToken(db: Kysely<Database>, column: 'join_token' | 'observer_token', token: string) {
	if (!token || token.length > 100) return null;
	return (await selectWorkshop(db).where(column, '=', token).executeTakeFirst()) ?? null;
}

export async function listParticipants(db: Kysely<Database>, workshopId: string) {
	return db
		.selectFrom('participants')
		.select(['id', 'display_name', 'institution', 'sector', 'joined_at'])
		.where('workshop_id', '=', workshopId)
		.where('removed_at', 'is', null)
		.orderBy('joined_at')
		.execute();
}

/** Marks the participant removed, deletes their sessions and closes their live connections. */
export async function removeParticipant(context: LiveContext, workshopId: string, participantId: string, now = Date.now()) {
	const result = await context.db
		.updateTable('participants')
		.set({ removed_at: now })
		.where('id', '=', participantId)
		.where('workshop_id', '=', workshopId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) return false;
	context.revocations.revoke(await invalidateParticipantSessions(context.db, participantId));
	return true;
}

/** A guest joins: a participant row and a guest session that ends with the workshop's grace period. */
export async function joinWorkshop(
	db: Kysely<Database>,
	workshop: Workshop,
	person: { displayName: string; institution: string; sector: Sector; gender?: Gender | null },
	guestGraceMs: number,
	now = Date.now()
) {
	const participantId = crypto.randomUUID();
	await db
		.insertInto('participants')
		.values({
			id: participantId,
			workshop_id: workshop.id,
			display_name: person.displayName,
			institution: person.institution,
			sector: person.sector,
			gender: person.gender ?? null,
			joined_at: now,
			removed_at: null
		})
		.execute();
	const session = await createSession(
		db,
		{ kind: 'guest', participantId, workshopId: workshop.id, expiresAt: workshop.ends_at + guestGraceMs },
		now
	);
	return { participantId, session };
}

export async function createObserverSession(db: Kysely<Database>, workshop: Workshop, guestGraceMs: number, now = Date.now()) {
	return createSession(db, { kind: 'observer', workshopId: workshop.id, expiresAt: workshop.ends_at + guestGraceMs }, now);
}

function selectWorkshop(db: Kysely<Database>) {
	return db
		.selectFrom('workshops')
		.select(['id', 'process_id', 'title', 'starts_at', 'ends_at', 'join_code', 'join_token', 'observer_token']);
}

function withinWindow(workshop: Workshop | undefined, window: AccessWindow, now: number): Workshop | null {
	return workshop && isWithinGuestWindow(workshop, window, now) ? workshop : null;
}

/** Join tokens carry 160 bits; a join code clash (1 in 5·10^10) only costs a retry on the unique index. */
async function withFreshLinks(write: (links: { join_code: string; join_token: string; observer_token: string }) => Promise<unknown>) {
	for (let attempt = 0; ; attempt++) {
		try {
			await write({ join_code: generateJoinCode(), join_token: generateSecureRandomString(32), observer_token: generateSecureRandomString(32) });
			return;
		} catch (error) {
			if (attempt >= 4 || !String((error as Error).message).includes('UNIQUE')) throw error;
		}
	}
}
