import {
	COLLAB_CLOSE,
	COLLAB_MAX_BOARD_BYTES,
	COLLAB_MAX_MESSAGE_BYTES,
	type CollabCloseReason
} from '../../collab/close-codes';
import type { Logger } from '../log';
import type { BoardDocument } from './board-document';
import type { ConnectionIdentity } from './identity';
import { decodeClientMessage, isDocumentContent, isEmptyStateVector, MalformedMessageError, type ClientMessage } from './protocol';

/**
 * What the hub needs from a socket. The hub never owns a socket server: the WebSocket adapter
 * (server/collab.ts) or a test implements this and feeds frames into `receive`.
 */
export interface CollabTransport {
	/** `written`, when given, is called once the message has left for the network (or failed to). */
	send(message: Uint8Array, written?: () => void): void;
	close(code: number, reason: CollabCloseReason): void;
}

/**
 * One client on one board. Enforces, per message, what the hub promises: size limits with a
 * first-sync allowance, strict parsing, read-only refusal, and awareness only for the client
 * ids this connection speaks for.
 */
export class BoardConnection {
	#closed = false;
	/** Frames that arrived while the board was still loading; null once they are handled. */
	#queue: Uint8Array[] | null = [];
	/**
	 * Until the client's first sync step 2, document content may be as large as a whole board —
	 * once: the large messages before it share one board-sized allowance.
	 */
	#initialSyncDone = false;
	#initialAllowance = COLLAB_MAX_BOARD_BYTES;
	/** Settles when the first frame arrives (or the connection ends): a loading board waits briefly for it. */
	readonly firstFrame: Promise<void>;
	#firstFrameArrived!: () => void;
	/** The awareness client id this connection speaks for: the first one it used. */
	awarenessClientId: number | null = null;

	constructor(
		readonly boardId: string,
		readonly identity: ConnectionIdentity,
		readonly transport: CollabTransport,
		private readonly board: BoardDocument,
		private readonly log: Logger
	) {
		this.firstFrame = new Promise((resolve) => (this.#firstFrameArrived = resolve));
	}

	/** Whether a board lock applies to this connection: writers who are not facilitators. */
	get boundByLock(): boolean {
		return this.identity.access === 'edit' && this.identity.presence.role !== 'facilitator';
	}

	get closed(): boolean {
		return this.#closed;
	}

	/** Feeds one frame from the socket. Never throws: a bad frame closes this connection only. */
	receive(data: Uint8Array, isBinary = true): void {
		if (this.#closed) return;
		this.#firstFrameArrived();
		if (!isBinary) return this.close('malformed-message', 'text frame');
		if (data.length > COLLAB_MAX_MESSAGE_BYTES) {
			const firstSync = !this.#initialSyncDone && isDocumentContent(data);
			if (!firstSync || data.length > this.#initialAllowance) {
				return this.close('message-too-large', `${data.length} bytes`);
			}
			this.#initialAllowance -= data.length;
		}
		if (this.#queue) {
			// The socket may reuse its buffer; keep a copy until the board is ready.
			this.#queue.push(Uint8Array.from(data));
			return;
		}
		this.#handle(data);
	}

	/** Called by the board once it has loaded: only now may the client's sync be answered. */
	start(initialMessages: Uint8Array[]): void {
		if (this.#closed) return;
		for (const message of initialMessages) this.send(message);
		const queued = this.#queue ?? [];
		this.#queue = null;
		for (const data of queued) {
			if (this.#closed) return;
			this.#handle(data);
		}
	}

	/**
	 * While the board loads: removes a queued first sync request that asks for everything (a
	 * fresh tab), so the board can answer it from stored bytes before replaying them.
	 */
	takeFreshSyncRequest(): boolean {
		const first = this.#queue?.[0];
		if (!first) return false;
		let message: ClientMessage;
		try {
			message = decodeClientMessage(first);
		} catch {
			return false; // handled, and refused, in order once the board is ready
		}
		if (message.type !== 'sync-step-1' || !isEmptyStateVector(message.stateVector)) return false;
		this.#queue!.shift();
		return true;
	}

	send(message: Uint8Array, written?: () => void): void {
		if (this.#closed) return written?.();
		try {
			this.transport.send(message, written);
		} catch (error) {
			written?.();
			this.log.warn({ boardId: this.boardId, err: error }, 'board socket send failed');
			this.close('internal-error');
		}
	}

	/** Closes with a reason code the browser can translate. Safe to call more than once. */
	close(reason: CollabCloseReason, detail?: string): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#firstFrameArrived();
		const level = reason === 'server-shutdown' || reason === 'session-revoked' ? 'info' : 'warn';
		this.log[level](
			{ boardId: this.boardId, reason, detail, who: this.identity.presence.id, role: this.identity.presence.role },
			'board connection closed by server'
		);
		try {
			this.transport.close(COLLAB_CLOSE[reason], reason);
		} catch {
			// The socket is already gone; the board forgets us below either way.
		}
		this.board.detach(this);
	}

	/** The socket closed on its own (client left, network dropped). */
	transportClosed(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#firstFrameArrived();
		this.board.detach(this);
	}

	#handle(data: Uint8Array): void {
		let message: ClientMessage;
		try {
			message = decodeClientMessage(data);
		} catch (error) {
			return this.close('malformed-message', (error as Error).message);
		}
		try {
			this.#dispatch(message);
		} catch (error) {
			if (error instanceof MalformedMessageError) return this.close('malformed-message', error.message);
			this.log.error({ boardId: this.boardId, err: error }, 'board message failed');
			this.close('internal-error');
		}
	}

	#dispatch(message: ClientMessage): void {
		switch (message.type) {
			case 'sync-step-1':
				return this.board.requestSync(this, message.stateVector);
			case 'sync-step-2':
			case 'update':
				this.#receiveContent(message.update);
				if (message.type === 'sync-step-2') this.#initialSyncDone = true;
				return;
			case 'awareness':
				return this.board.applyAwareness(this, message.update);
			case 'query-awareness':
				return this.send(this.board.encodeAllAwareness());
		}
	}

	#receiveContent(update: Uint8Array): void {
		if (this.identity.access === 'view') {
			// An observer's sync step 2 (or a replay from its local cache) that holds nothing new
			// is honest; anything the board lacks is a write, refused by closing, never dropped.
			if (!this.board.alreadyContains(update)) this.close('read-only');
			return;
		}
		if (this.board.locked && this.boundByLock) {
			// Same rule while the board is locked: nothing new is applied, the sender is closed
			// (it reconnects read-only and keeps the edit until the unlock asks for it).
			if (!this.board.alreadyContains(update)) this.close('board-locked');
			return;
		}
		if (!this.board.applyClientUpdate(this, update)) this.close('malformed-message', 'update rejected by Yjs');
	}
}
