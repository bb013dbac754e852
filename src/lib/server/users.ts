import type { Kysely } from 'kysely';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './auth/passwords';
import { invalidateUserSessions } from './auth/sessions';
import type { Database, UserRole } from './db/schema';
import { inspectInvite, markInviteUsed, type InviteProblem } from './invites';
import type { SessionRevocations } from './revocations';

/** E-mail addresses compare case-insensitively; they are stored in this form. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function hasAdministrator(db: Kysely<Database>): Promise<boolean> {
	const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
	return row !== undefined;
}

export interface NewAccount {
	email: string;
	name: string;
	password: string;
}

/**
 * Creates the first administrator. The check and the insert share one transaction, so two
 * people submitting the setup form at once cannot both become administrator.
 */
export async function createAdministrator(
	db: Kysely<Database>,
	account: NewAccount,
	now = Date.now()
): Promise<{ ok: true; user: User } | { ok: false; reason: 'admin_exists' }> {
	const passwordHash = await hashPassword(account.password);
	return db.transaction().execute(async (trx) => {
		if (await hasAdministrator(trx)) return { ok: false as const, reason: 'admin_exists' as const };
		const user = await insertUser(trx, account, passwordHash, 'admin', now);
		return { ok: true as const, user };
	});
}

export type InviteSignUpProblem = InviteProblem | 'email_mismatch' | 'email_taken';

/** Creates a facilitator from an invitation and marks the invitation used in the same transaction. */
export async function createUserFromInvite(
	db: Kysely<Database>,
	token: string,
	account: NewAccount,
	now = Date.now()
): Promise<{ ok: true; user: User } | { ok: false; reason: InviteSignUpProblem }> {
	const passwordHash = await hashPassword(account.password);
	const email = normalizeEmail(account.email);
	return db.transaction().execute(async (trx) => {
		const found = await inspectInvite(trx, token, now);
		if (found.status !== 'valid') return { ok: false as const, reason: found.status };
		if (found.invite.email && found.invite.email !== email) return { ok: false as const, reason: 'email_mismatch' as const };
		if (await findUserByEmail(trx, email)) return { ok: false as const, reason: 'email_taken' as const };
		const user = await insertUser(trx, { ...account, email }, passwordHash, 'facilitator', now);
		await markInviteUsed(trx, found.invite.id, user.id, now);
		return { ok: true as const, user };
	});
}

async function insertUser(
	db: Kysely<Database>,
	account: NewAccount,
	passwordHash: string,
	role: UserRole,
	now: number
): Promise<User> {
	const id = crypto.randomUUID();
	const user = { id, email: normalizeEmail(account.email), name: account.name.trim(), role, createdAt: now };
	await db
		.insertInto('users')
		.values({ id, email: user.email, name: user.name, password_hash: passwordHash, role, created_at: now })
		.execute();
	return user;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | null> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'created_at'])
		.where('email', '=', normalizeEmail(email))
		.executeTakeFirst();
	return row ? toUser(row) : null;
}

/**
 * The user when e-mail and password match, otherwise null. An unknown e-mail costs the same
 * argon2 time as a wrong password, so the answer's timing does not reveal who has an account.
 */
export async function verifyCredentials(db: Kysely<Database>, email: string, password: string): Promise<User | null> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'created_at', 'password_hash'])
		.where('email', '=', normalizeEmail(email))
		.executeTakeFirst();
	if (!row) return verifyAgainstDummy(password).then(() => null);
	return (await verifyPassword(row.password_hash, password)) ? toUser(row) : null;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
	const rows = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'created_at']).orderBy('created_at').execute();
	return rows.map(toUser);
}

/**
 * Sets a new password and signs the user out everywhere: whoever knew the old password may
 * hold a session. `revocations` (absent in the CLI, which runs in another process) closes
 * live connections at once; without it they fail at their next session check.
 */
export async function resetPassword(
	context: { db: Kysely<Database>; revocations?: SessionRevocations },
	email: string,
	password: string
): Promise<User | null> {
	const user = await findUserByEmail(context.db, email);
	if (!user) return null;
	const passwordHash = await hashPassword(password);
	await context.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
	const sessionIds = await invalidateUserSessions(context.db, user.id);
	context.revocations?.revoke(sessionIds);
	return user;
}

function toUser(row: { id: string; email: string; name: string; role: UserRole; created_at: number }): User {
	return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at };
}

export interface User {
	id: string;
	email: string;
	name: string;
	role: UserRole;
	createdAt: number;
}
