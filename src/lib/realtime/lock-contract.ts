import { z } from 'zod';

/** The board lock's socket.io events (facilitation channel). */
export const LOCK_EVENTS = {
	/** Facilitator command: lock or unlock one of the workshop's boards. */
	set: 'lock:set',
	/** Broadcast to the workshop after every change: which of its boards are locked now. */
	state: 'lock:state'
} as const;

export const lockSetPayload = z.object({ boardId: z.string().uuid(), locked: z.boolean() }).strict();
export type LockSetPayload = z.infer<typeof lockSetPayload>;

/** The whole picture, not a delta: a client that missed a broadcast is right again at the next one. */
export interface LockState {
	lockedBoardIds: string[];
}

/** The join acknowledgement's key for the lock state (late joiners, reconnects). */
export const LOCK_JOIN_KEY = 'locks';

/** Reads the lock state from a join acknowledgement or broadcast; anything malformed counts as none. */
export function readLockState(value: unknown): LockState {
	const ids = (value as { lockedBoardIds?: unknown } | null)?.lockedBoardIds;
	return { lockedBoardIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [] };
}
