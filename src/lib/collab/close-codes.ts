/**
 * Why the board socket closed, shared by the server (which sends the code) and the browser
 * (which tells the person why and decides whether to reconnect). The server sends only these
 * codes, never prose; the UI translates them.
 *
 * Close codes 4400–4499 mirror HTTP 4xx: y-websocket's WebsocketProvider treats that range as
 * final and stops reconnecting, so a read-only or revoked connection does not hammer the
 * server forever. Codes outside it (1001, 4500–4599) are transient: the provider retries.
 */
export const COLLAB_CLOSE = {
	'malformed-message': 4400,
	unauthorized: 4401,
	forbidden: 4403,
	'board-not-found': 4404,
	'read-only': 4405,
	'session-revoked': 4410,
	'session-expired': 4411,
	'workshop-ended': 4412,
	'message-too-large': 4413,
	/**
	 * The facilitator locked the board and this connection sent an edit: it was not applied.
	 * Not final, unlike the rest of 44xx: the client reconnects read-only, keeps its unsent
	 * edits, and the server asks for them after the unlock.
	 */
	'board-locked': 4423,
	'internal-error': 4500,
	'server-shutdown': 4503,
	/**
	 * The database cannot take writes (disk full, read-only): the edits that arrived were not
	 * saved and were shown to nobody. Transient — the client keeps its edits and retries.
	 */
	'storage-unavailable': 4507
} as const;

export type CollabCloseReason = keyof typeof COLLAB_CLOSE;

/** The largest whole board we accept in one message (a long-offline laptop's first sync). */
export const COLLAB_MAX_BOARD_BYTES = 8 * 1024 * 1024;
/** The largest ordinary message (an edit, awareness) once a connection has synced. */
export const COLLAB_MAX_MESSAGE_BYTES = 512 * 1024;

/** WebSocket's own "message too big" code: `ws` sends it above COLLAB_MAX_BOARD_BYTES. */
const WS_MESSAGE_TOO_BIG = 1009;

/** The reason code of a close event, or null for a network drop or an unknown close. */
export function collabCloseReason(event: { code: number; reason?: string }): CollabCloseReason | null {
	if (event.code === WS_MESSAGE_TOO_BIG) return 'message-too-large';
	const reason = event.reason as CollabCloseReason | undefined;
	if (reason && reason in COLLAB_CLOSE && COLLAB_CLOSE[reason] === event.code) return reason;
	return null;
}

/**
 * Whether reconnecting can help: false for the server's deliberate refusals (4400–4499, except
 * 'board-locked', which lasts only until the unlock) and
 * for a message over the board limit, which would only be refused again. Pass it as the
 * WebsocketProvider's `shouldReconnect`.
 */
export function shouldReconnectCollab(event: { code: number }): boolean {
	if (event.code === WS_MESSAGE_TOO_BIG) return false;
	if (event.code === COLLAB_CLOSE['board-locked']) return true;
	return !(event.code >= 4400 && event.code < 4500);
}
