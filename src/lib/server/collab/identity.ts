import { createHash } from 'node:crypto';
import type { BoardAccess } from '../access';
import type { AuthSession } from '../auth/sessions';

/** Who a board connection belongs to, as the server knows it: never what the client claims. */
export interface ConnectionIdentity {
	sessionId: string;
	access: BoardAccess;
	presence: PresenceUser;
	/** When this connection's right to the board ends by itself (session expiry, workshop end plus grace). */
	accessEndsAt: number;
	accessEndReason: 'session-expired' | 'workshop-ended';
}

/**
 * The `user` field the server writes into every awareness state it relays, so presence shows
 * the real person. Same shape as the workshop roster's entries.
 */
export interface PresenceUser {
	/** Stable per person: user id, participant id, or an opaque id per observer session. */
	id: string;
	name: string | null;
	role: 'facilitator' | 'participant' | 'observer';
	institution: string | null;
	sector: string | null;
}

export function identityFromSession(
	session: AuthSession,
	access: BoardAccess,
	workshopAccessEndsAt: number | null
): ConnectionIdentity {
	const workshopEndsFirst = workshopAccessEndsAt !== null && workshopAccessEndsAt < session.expiresAt;
	return {
		sessionId: session.id,
		access,
		presence: presenceOf(session),
		accessEndsAt: workshopEndsFirst ? workshopAccessEndsAt : session.expiresAt,
		accessEndReason: workshopEndsFirst ? 'workshop-ended' : 'session-expired'
	};
}

export function presenceOf(session: AuthSession): PresenceUser {
	if (session.kind === 'user') {
		return { id: session.user.id, name: session.user.name, role: 'facilitator', institution: null, sector: null };
	}
	if (session.kind === 'guest') {
		const { participant } = session;
		return {
			id: participant.id,
			name: participant.displayName,
			role: 'participant',
			institution: participant.institution,
			sector: participant.sector
		};
	}
	// Half of the session token is its id: hash it so presence never carries it to other clients.
	const opaque = createHash('sha256').update(session.id).digest('hex').slice(0, 16);
	return { id: `observer:${opaque}`, name: null, role: 'observer', institution: null, sector: null };
}
