import { collabCloseReason, shouldReconnectCollab, type CollabCloseReason } from './close-codes';

/**
 * Why the board socket stopped for good: a reason code from the server (close-codes.ts), or
 * 'unknown' when the server closed in the final range without a reason we know.
 */
export type StopReason = CollabCloseReason | 'unknown';

/** Whether a close from the server is final: reconnecting would be refused again. */
export function isFinalClose(event: { code: number; reason: string }): boolean {
	return !shouldReconnectCollab(event);
}

export function toStopReason(event: { code: number; reason: string }): StopReason {
	return collabCloseReason(event) ?? 'unknown';
}
