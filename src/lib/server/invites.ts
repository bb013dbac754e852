import type { Kysely } from 'kysely';
import { generateSecureRandomString, hashSecretHex } from './auth/tokens';
import type { Database } from './db/schema';

/** An invitation link is good for a week: long enough for a busy colleague, short enough to expire if forgotten. */
export const INVITE_VALIDITY_MS = 7 * 24 * 3600_000;

export type InviteProblem = 'unknown' | 'used' | 'revoked' | 'expired';
export type InviteStatus = 'pending' | Exclude<InviteProblem, 'unknown'>;

/**
 * Creates an invitation and returns its token, which only the link carries: the database
 * keeps SHA-256 of it, so a leaked database cannot be turned into accounts.
 */
export async function createInvite(
	db: Kysely<Database>,
	input: { email?: string | null; createdBy: string | null },
	now = Date.now()
): Promise<{ id: string; token: string; expiresAt: number }> {
	const id = crypto.randomUUID();
	const token = generateSecureRandomString(32);
	const expiresAt = now + INVITE_VALIDITY_MS;
	await db
		.insertInto('invites')
		.values({
			id,
			token_hash: hashSecretHex(token),
			email: input.email ? input.email.trim().toLowerCase() : null,
			created_by: input.createdBy,
			created_at: now,
			expires_at: expiresAt,
			used_at: null,
			used_by: null,
			revoked_at: null
		})
		.execute();
	return { id, token, expiresAt };
}

/** Looks an invitation up by its token and says why it cannot be used, if it cannot. */
export async function inspectInvite(
	db: Kysely<Database>,
	token: string,
	now = Date.now()
): Promise<{ status: 'valid'; invite: Invite } | { status: InviteProblem }> {
	if (!token || token.length > 100) return { status: 'unknown' };
	const row = await db.selectFrom('invites').selectAll().where('token_hash', '=', hashSecretHex(token)).executeTakeFirst();
	if (!row) return { status: 'unknown' };
	const invite = toInvite(row, now);
	return invite.status === 'pending' ? { status: 'valid', invite } : { status: invite.status };
}

export async function findValidInvite(db: Kysely<Database>, token: string, now = Date.now()): Promise<Invite | null> {
	const found = await inspectInvite(db, token, now);
	return found.status === 'valid' ? found.invite : null;
}

/** Call inside the transaction that creates the user; refuses an invitation used meanwhile. */
export async function markInviteUsed(db: Kysely<Database>, inviteId: string, userId: string, now = Date.now()): Promise<void> {
	const result = await db
		.updateTable('invites')
		.set({ used_at: now, used_by: userId })
		.where('id', '=', inviteId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (result.numUpdatedRows !== 1n) throw new Error('Invitation is no longer valid');
}

/** Revokes a pending invitation; a used one is left alone (the account exists). Returns whether it changed. */
export async function revokeInvite(db: Kysely<Database>, inviteId: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.updateTable('invites')
		.set({ revoked_at: now })
		.where('id', '=', inviteId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}

/** Newest first, with who created and who used each. */
export async function listInvites(db: Kysely<Database>, now = Date.now()): Promise<Invite[]> {
	const rows = await db
		.selectFrom('invites')
		.leftJoin('users as used', 'used.id', 'invites.used_by')
		.selectAll('invites')
		.select(['used.email as used_by_email'])
		.orderBy('invites.created_at', 'desc')
		.execute();
	return rows.map((row) => toInvite(row, now));
}

type InviteRow = Database['invites'] & { used_by_email?: string | null };

function toInvite(row: InviteRow, now: number): Invite {
	const status: InviteStatus =
		row.used_at !== null ? 'used' : row.revoked_at !== null ? 'revoked' : row.expires_at <= now ? 'expired' : 'pending';
	return {
		id: row.id,
		email: row.email,
		status,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		usedAt: row.used_at,
		usedByEmail: row.used_by_email ?? null,
		revokedAt: row.revoked_at
	};
}

export interface Invite {
	id: string;
	email: string | null;
	status: InviteStatus;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
	usedByEmail: string | null;
	revokedAt: number | null;
}
