import type { IncomingHttpHeaders } from 'node:http';
import type { Kysely } from 'kysely';
import { resolveBoardAccess, type AccessWindow } from '../access';
import { SESSION_COOKIE, validateSessionToken } from '../auth/sessions';
import type { Database } from '../db/schema';
import { isAllowedOrigin } from '../origin';
import { identityFromSession, type ConnectionIdentity } from './identity';

const COLLAB_PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/;

export type UpgradeDecision =
	| { ok: true; boardId: string; identity: ConnectionIdentity }
	| { ok: false; status: 401 | 403 | 404; reason: string };

/** Whether an upgrade request is ours to answer (everything under /collab/). */
export function isCollabRequest(url: string | undefined): boolean {
	return (url ?? '').startsWith('/collab/');
}

/**
 * Decides a board socket upgrade before any document byte is sent, with the same session code
 * as HTTP: Origin (browsers apply no CORS to upgrades), session cookie, board existence, then
 * the access rules of access.ts. The answer is a plain HTTP status; the token is never logged.
 */
export async function authorizeBoardUpgrade(
	db: Kysely<Database>,
	config: AccessWindow & { origin: string | null },
	request: { url?: string; headers: IncomingHttpHeaders },
	now = Date.now()
): Promise<UpgradeDecision> {
	const path = (request.url ?? '').split('?')[0];
	const boardId = COLLAB_PATH.exec(path)?.[1];
	if (!boardId) return { ok: false, status: 404, reason: 'bad-path' };
	if (!isAllowedOrigin(request.headers, config.origin)) return { ok: false, status: 403, reason: 'bad-origin' };

	const session = await validateSessionToken(db, readCookie(request.headers.cookie, SESSION_COOKIE), now);
	if (!session) return { ok: false, status: 401, reason: 'no-session' };

	const board = await db.selectFrom('boards').select('id').where('id', '=', boardId).executeTakeFirst();
	if (!board) return { ok: false, status: 404, reason: 'board-not-found' };

	const access = await resolveBoardAccess(db, session, boardId, config, now);
	if (!access) return { ok: false, status: 403, reason: 'no-access' };

	let workshopAccessEndsAt: number | null = null;
	if (session.kind !== 'user') {
		const workshop = await db
			.selectFrom('workshops')
			.select('ends_at')
			.where('id', '=', session.workshopId)
			.executeTakeFirst();
		if (workshop) workshopAccessEndsAt = workshop.ends_at + config.guestGraceMs;
	}
	return { ok: true, boardId, identity: identityFromSession(session, access, workshopAccessEndsAt) };
}

export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
		try {
			return decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			return null;
		}
	}
	return null;
}
