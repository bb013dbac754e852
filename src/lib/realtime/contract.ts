import { z } from 'zod';
import type { Sector } from '../domain/sectors';

/**
 * The facilitation channel's contract (socket.io), shared by server and browser. State-changing
 * commands carry an ack; every payload is validated on the server with these schemas.
 */
export const FACILITATION_EVENTS = {
	joinWorkshop: 'workshop:join',
	roster: 'roster:update',
	sessionEnded: 'session:ended'
} as const;

export const joinWorkshopPayload = z.object({ workshopId: z.string().uuid() }).strict();

export type WorkshopRole = 'facilitator' | 'participant' | 'observer';

export interface RosterEntry {
	/** Stable per person: participant id, user id, or an opaque id per observer session. */
	id: string;
	name: string;
	institution: string | null;
	sector: Sector | null;
	role: WorkshopRole;
}

export type CommandResult<T = undefined> = { ok: true; data?: T } | { ok: false; error: FacilitationErrorCode };

export type FacilitationErrorCode = 'invalid-payload' | 'forbidden' | 'not-found' | 'rate-limited' | 'server-error';

export interface ClientToServerEvents {
	[FACILITATION_EVENTS.joinWorkshop]: (
		payload: z.infer<typeof joinWorkshopPayload>,
		ack: (result: CommandResult<{ role: WorkshopRole; roster: RosterEntry[] }>) => void
	) => void;
}

export interface ServerToClientEvents {
	[FACILITATION_EVENTS.roster]: (roster: RosterEntry[]) => void;
	/** The session was revoked or expired: the client should stop and tell the person why. */
	[FACILITATION_EVENTS.sessionEnded]: (reason: 'session-revoked') => void;
}

/** socket.io's own limit on one message; a larger one closes that connection. */
export const FACILITATION_MAX_MESSAGE_BYTES = 64 * 1024;
