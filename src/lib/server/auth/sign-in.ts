import type { RequestEvent } from '@sveltejs/kit';
import { setSessionCookie } from './cookies';
import { createSession, invalidateSession, USER_ABSOLUTE_MS } from './sessions';

/**
 * Starts a facilitator's session. Signing in is a privilege change, so it always gets a new
 * session: whatever session the browser held before (a guest's on a shared laptop, or an
 * older one of any kind) is deleted, so a planted or stolen earlier token gains nothing.
 */
export async function startUserSession(event: RequestEvent, userId: string, now = Date.now()): Promise<void> {
	const { db, revocations } = event.locals.context;
	const previous = event.locals.session;
	if (previous) {
		await invalidateSession(db, previous.id);
		revocations.revoke([previous.id]);
	}
	const session = await createSession(db, { kind: 'user', userId, expiresAt: now + USER_ABSOLUTE_MS }, now);
	setSessionCookie(event, session.token, session.expiresAt);
}
