import type { Kysely } from 'kysely';
import type { Database, SessionKind, UserRole } from '../db/schema';
import { generateSecureRandomString, hashSecret, secretMatches } from './tokens';

/** Facilitators: signed out after a week without activity, and after 30 days whatever happens. */
export const USER_INACTIVITY_MS = 7 * 24 * 3600_000;
export const USER_ABSOLUTE_MS = 30 * 24 * 3600_000;
/** Guests and observers: a day without activity; absolute expiry is the workshop's end plus grace. */
export const GUEST_INACTIVITY_MS = 24 * 3600_000;
/** Writing last_verified_at on every request would turn each page view into a write. */
const ACTIVITY_CHECK_MS = 3600_000;

export const SESSION_COOKIE = 'narada_session';

export interface NewSession {
	kind: SessionKind;
	userId?: string;
	participantId?: string;
	workshopId?: string;
	expiresAt: number;
}

/**
 * Creates a session and returns its token `id.secret`. Only SHA-256 of the secret is stored,
 * so a leaked database does not hand out live sessions.
 */
export async function createSession(db: Kysely<Database>, input: NewSession, now = Date.now()) {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await db
		.insertInto('sessions')
		.values({
			id,
			secret_hash: hashSecret(secret),
			kind: input.kind,
			user_id: input.userId ?? null,
			participant_id: input.participantId ?? null,
			workshop_id: input.workshopId ?? null,
			created_at: now,
			last_verified_at: now,
			expires_at: input.expiresAt
		})
		.execute();
	return { id, token: `${id}.${secret}`, expiresAt: input.expiresAt };
}

/**
 * Looks the session up by id and compares the secret's hash in constant time. Expired or
 * inactive sessions are deleted on sight. Guests and observers lose their session when
 * removed or when the workshop's links are revoked (those delete the rows).
 */
export async function validateSessionToken(
	db: Kysely<Database>,
	token: string | undefined | null,
	now = Date.now()
): Promise<AuthSession | null> {
	if (!token || token.length > 100) return null;
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;

	const row = await db
		.selectFrom('sessions')
		.leftJoin('users', 'users.id', 'sessions.user_id')
		.leftJoin('participants', 'participants.id', 'sessions.participant_id')
		.select([
			'sessions.id',
			'sessions.secret_hash',
			'sessions.kind',
			'sessions.user_id',
			'sessions.participant_id',
			'sessions.workshop_id',
			'sessions.last_verified_at',
			'sessions.expires_at',
			'users.name as user_name',
			'users.email as user_email',
			'users.role as user_role',
			'participants.display_name',
			'participants.institution',
			'participants.sector',
			'participants.removed_at'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row || !secretMatches(secret, row.secret_hash)) return null;

	const inactivity = row.kind === 'user' ? USER_INACTIVITY_MS : GUEST_INACTIVITY_MS;
	if (now >= row.expires_at || now - row.last_verified_at >= inactivity || row.removed_at !== null) {
		await invalidateSession(db, id);
		return null;
	}
	if (now - row.last_verified_at >= ACTIVITY_CHECK_MS) {
		await db.updateTable('sessions').set({ last_verified_at: now }).where('id', '=', id).execute();
	}

	const base = { id: row.id, expiresAt: row.expires_at };
	if (row.kind === 'user' && row.user_id && row.user_name && row.user_email && row.user_role) {
		return {
			...base,
			kind: 'user',
			user: { id: row.user_id, name: row.user_name, email: row.user_email, role: row.user_role }
		};
	}
	if (row.kind === 'guest' && row.workshop_id && row.participant_id && row.display_name) {
		return {
			...base,
			kind: 'guest',
			workshopId: row.workshop_id,
			participant: {
				id: row.participant_id,
				displayName: row.display_name,
				institution: row.institution ?? '',
				sector: row.sector ?? ''
			}
		};
	}
	if (row.kind === 'observer' && row.workshop_id) {
		return { ...base, kind: 'observer', workshopId: row.workshop_id };
	}
	return null;
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes every session of a user (password reset, role change); returns the ids for live-connection closing. */
export async function invalidateUserSessions(db: Kysely<Database>, userId: string): Promise<string[]> {
	const rows = await db.deleteFrom('sessions').where('user_id', '=', userId).returning('id').execute();
	return rows.map((r) => r.id);
}

/** Deletes the guest and observer sessions of a workshop (links revoked or regenerated). */
export async function invalidateWorkshopGuestSessions(db: Kysely<Database>, workshopId: string): Promise<string[]> {
	const rows = await db
		.deleteFrom('sessions')
		.where('workshop_id', '=', workshopId)
		.where('kind', 'in', ['guest', 'observer'])
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

export async function invalidateParticipantSessions(db: Kysely<Database>, participantId: string): Promise<string[]> {
	const rows = await db.deleteFrom('sessions').where('participant_id', '=', participantId).returning('id').execute();
	return rows.map((r) => r.id);
}

export interface SessionUser {
	id: string;
	name: string;
	email: string;
	role: UserRole;
}

export interface SessionParticipant {
	id: string;
	displayName: string;
	institution: string;
	sector: string;
}

export type AuthSession =
	| { id: string; expiresAt: number; kind: 'user'; user: SessionUser }
	| { id: string; expiresAt: number; kind: 'guest'; workshopId: string; participant: SessionParticipant }
	| { id: string; expiresAt: number; kind: 'observer'; workshopId: string };
