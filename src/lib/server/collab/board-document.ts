import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabCloseReason } from '../../collab/close-codes';
import type { StoredBoard } from '../db/board-updates';
import type { Logger } from '../log';
import { guardAwarenessUpdate } from './awareness-guard';
import type { BoardConnection } from './board-connection';
import { encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate, isEmptyStateVector } from './protocol';

/** The longest a cold load waits for early full-state messages to leave before replaying anyway. */
const EARLY_STATE_WAIT_MS = 200;
/** …and for the first request of a socket that opened just before the load. */
const FIRST_REQUEST_WAIT_MS = 20;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Origin of updates the server makes itself (restore points, templates). */
export const SERVER_ORIGIN = Symbol('narada.server');

export type UpdateOrigin = BoardConnection | typeof SERVER_ORIGIN;

/** How long awareness changes are merged before one message relays them all (see #relayAwareness). */
export const AWARENESS_RELAY_MS = 50;

export interface BoardDocumentHooks {
	/** Something is waiting to be persisted, broadcast or answered. */
	markDirty(board: BoardDocument): void;
	/** The last connection left. */
	becameIdle(board: BoardDocument): void;
	log: Logger;
}

/**
 * One board in memory: its Y.Doc, awareness and connections. Updates from clients are applied
 * at once (so a later message from the same client builds on them) but only leave this object
 * through `takePending` → persisted by the hub → `broadcast`. Sync requests wait the same way,
 * so nobody is ever shown state that is not yet on disk.
 */
export class BoardDocument {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Set<BoardConnection>();
	status: 'loading' | 'ready' | 'unloaded' = 'loading';
	/** Update rows stored since the last snapshot; compaction folds them in. */
	updatesSinceSnapshot = 0;
	lastUpdateId = 0;
	idleTimer: NodeJS.Timeout | null = null;
	/** A background compaction of this board's log is under way. */
	compacting = false;
	/** Fan-out pacing (see fanOutIntervalMs in board-hub.ts): no broadcast before this moment. */
	fanOutNotBefore = 0;
	pacingTimer: NodeJS.Timeout | null = null;
	/** Locked by a facilitator: participants may read, not write (see BoardConnection.boundByLock). */
	locked = false;
	/** The lock was set through setLocked, so the value read at load is stale. */
	lockSetLive = false;
	#pendingUpdates: Array<{ update: Uint8Array; origin: UpdateOrigin }> = [];
	#pendingSyncs: Array<{ connection: BoardConnection; stateVector: Uint8Array }> = [];
	/**
	 * The sync step 2 message with the whole board, shared by every fresh client until the doc
	 * changes: a join storm or a cold load encodes (and copies) a large board once, not per client.
	 * Only built when nothing is pending, so it never holds state that is not yet on disk.
	 */
	#fullStateMessage: Uint8Array | null = null;
	/** Awareness client ids changed since the last relay, and the timer that relays them. */
	#awarenessChanged = new Set<number>();
	#awarenessTimer: NodeJS.Timeout | null = null;

	constructor(
		readonly boardId: string,
		private readonly hooks: BoardDocumentHooks
	) {
		// The server is not a participant: it has no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.#relayAwareness);
	}

	/** Replays the snapshot and the later updates, then lets waiting connections in. */
	async load(stored: StoredBoard): Promise<void> {
		// A board saved as one snapshot (every unload compacts) already is its full state, encoded.
		// Fresh clients waiting for it get those bytes before the replay, which is the slow part of
		// a cold load, and the replay waits until the sockets have taken them (the kernel drains a
		// large message over several event-loop turns), so they receive while we replay.
		const fullState = stored.snapshot !== null && stored.updates.length === 0 ? encodeSyncStep2(stored.snapshot) : null;
		if (fullState && this.connections.size > 0) {
			// A socket that just opened has its first request in flight: wait a moment for it.
			await Promise.race([Promise.all([...this.connections].map((c) => c.firstFrame)), delay(FIRST_REQUEST_WAIT_MS)]);
		}
		const written: Promise<void>[] = [];
		for (const connection of fullState ? this.connections : []) {
			if (connection.takeFreshSyncRequest()) written.push(new Promise((resolve) => connection.send(fullState!, resolve)));
		}
		if (written.length > 0) await Promise.race([Promise.all(written), delay(EARLY_STATE_WAIT_MS)]);
		if (this.status !== 'loading') return; // discarded meanwhile (hub closed, board deleted)
		Y.transact(this.doc, () => {
			if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(this.doc, update);
		});
		this.updatesSinceSnapshot = stored.updates.length;
		this.lastUpdateId = stored.lastUpdateId;
		// Later fresh clients get the same bytes until the board changes: no encode of the doc.
		this.#fullStateMessage = fullState;
		this.doc.on('update', this.#collectUpdate);
		this.status = 'ready';
		for (const connection of this.connections) this.#start(connection);
	}

	attach(connection: BoardConnection): void {
		this.connections.add(connection);
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		if (this.status === 'ready') this.#start(connection);
	}

	detach(connection: BoardConnection): void {
		if (!this.connections.delete(connection)) return;
		this.#pendingSyncs = this.#pendingSyncs.filter((sync) => sync.connection !== connection);
		if (connection.awarenessClientId !== null) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [connection.awarenessClientId], connection);
		}
		if (this.connections.size === 0) this.hooks.becameIdle(this);
	}

	/** Applies a writer's update; false when Yjs cannot read it. */
	applyClientUpdate(connection: BoardConnection, update: Uint8Array): boolean {
		try {
			Y.applyUpdate(this.doc, update, connection);
			return true;
		} catch (error) {
			this.hooks.log.warn({ boardId: this.boardId, err: error }, 'update rejected');
			return false;
		}
	}

	/**
	 * On unlock, asks every connection the lock held back for what it has: edits refused while
	 * locked stayed on those laptops and arrive now as their sync step 2.
	 */
	setLocked(locked: boolean): void {
		const unlocked = this.locked && !locked;
		this.locked = locked;
		this.lockSetLive = true;
		if (!unlocked || this.status !== 'ready') return;
		const request = encodeSyncStep1(Y.encodeStateVector(this.doc));
		for (const connection of this.connections) if (connection.boundByLock) connection.send(request);
	}

	applyServerUpdate(update: Uint8Array): void {
		Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
	}

	/** Whether an update adds nothing to this board (an observer's honest sync step 2). */
	alreadyContains(update: Uint8Array): boolean {
		try {
			return Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
		} catch {
			return false;
		}
	}

	requestSync(connection: BoardConnection, stateVector: Uint8Array): void {
		this.#pendingSyncs.push({ connection, stateVector });
		this.hooks.markDirty(this);
	}

	get hasPendingUpdates(): boolean {
		return this.#pendingUpdates.length > 0;
	}

	/** Hands this tick's updates to the hub, merged into one row's worth. */
	takePending(): { update: Uint8Array; origins: Set<UpdateOrigin> } | null {
		if (this.#pendingUpdates.length === 0) return null;
		const pending = this.#pendingUpdates;
		this.#pendingUpdates = [];
		const update = pending.length === 1 ? pending[0].update : Y.mergeUpdates(pending.map((p) => p.update));
		return { update, origins: new Set(pending.map((p) => p.origin)) };
	}

	/** Sends persisted updates to everyone except a lone sender, who already has them. */
	broadcast(update: Uint8Array, origins: Set<UpdateOrigin>): void {
		const message = encodeUpdate(update);
		const [onlyOrigin] = origins.size === 1 ? origins : [];
		for (const connection of this.connections) {
			if (connection !== onlyOrigin) connection.send(message);
		}
	}

	/**
	 * Answers waiting sync requests. Fresh clients all get the same cached full-state message;
	 * a client that already has part of the board gets its own diff.
	 */
	answerSyncs(): void {
		if (this.#pendingUpdates.length > 0) return; // would show unpersisted state; next flush answers
		const syncs = this.#pendingSyncs;
		this.#pendingSyncs = [];
		for (const { connection, stateVector } of syncs) {
			if (connection.closed) continue;
			if (isEmptyStateVector(stateVector)) connection.send(this.#fullState());
			else connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
		}
	}

	#fullState(): Uint8Array {
		return (this.#fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc)));
	}

	get hasPendingSyncs(): boolean {
		return this.#pendingSyncs.length > 0;
	}

	applyAwareness(connection: BoardConnection, update: Uint8Array): void {
		const claim = (clientID: number) => {
			if (!this.#maySpeakFor(connection, clientID)) return false;
			connection.awarenessClientId ??= clientID;
			return true;
		};
		const guarded = guardAwarenessUpdate(update, claim, connection.identity.presence);
		if (!guarded) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded.update, connection);
	}

	encodeAllAwareness(): Uint8Array {
		const clients = [...this.awareness.getStates().keys()];
		return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
	}

	closeAll(reason: CollabCloseReason): void {
		for (const connection of [...this.connections]) connection.close(reason);
	}

	destroy(): void {
		this.status = 'unloaded';
		if (this.idleTimer) clearTimeout(this.idleTimer);
		if (this.pacingTimer) clearTimeout(this.pacingTimer);
		this.pacingTimer = null;
		if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
		this.#awarenessTimer = null;
		this.#awarenessChanged.clear();
		this.#fullStateMessage = null;
		this.awareness.off('update', this.#relayAwareness);
		this.awareness.destroy();
		this.doc.off('update', this.#collectUpdate);
		this.doc.destroy();
	}

	#start(connection: BoardConnection): void {
		// On a locked board, a participant is not asked for its content: its answer would hold the
		// edits it kept while locked and close it again. It still gets the board (it asks for it).
		const askForContent = !(this.locked && connection.boundByLock);
		const initial = askForContent ? [encodeSyncStep1(Y.encodeStateVector(this.doc))] : [];
		if (this.awareness.getStates().size > 0) initial.push(this.encodeAllAwareness());
		connection.start(initial);
	}

	/** A connection speaks for the first client id it used, and never for one another live connection holds. */
	#maySpeakFor(connection: BoardConnection, clientID: number): boolean {
		if (connection.awarenessClientId !== null) return connection.awarenessClientId === clientID;
		for (const other of this.connections) {
			if (other !== connection && other.awarenessClientId === clientID) return false;
		}
		return true;
	}

	#collectUpdate = (update: Uint8Array, origin: unknown) => {
		this.#fullStateMessage = null;
		this.#pendingUpdates.push({ update, origin: origin as UpdateOrigin });
		this.hooks.markDirty(this);
	};

	/**
	 * Awareness is not persisted, so it skips the flush; but relaying every cursor move to every
	 * client costs N sends per message. Changes (removals included) are merged per board and sent
	 * as one message every AWARENESS_RELAY_MS — to the sender too: y-websocket's client drops a
	 * connection that hears nothing for 30 s, and its own renewals every 15 s are what it hears
	 * on a quiet board. A client that changed twice in the window is sent only its latest state.
	 */
	#relayAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		_origin: unknown
	) => {
		for (const ids of [added, updated, removed]) for (const id of ids) this.#awarenessChanged.add(id);
		if (this.#awarenessChanged.size === 0 || this.#awarenessTimer) return;
		this.#awarenessTimer = setTimeout(this.#flushAwareness, AWARENESS_RELAY_MS);
	};

	#flushAwareness = () => {
		this.#awarenessTimer = null;
		const changed = [...this.#awarenessChanged];
		this.#awarenessChanged.clear();
		if (changed.length === 0 || this.connections.size === 0 || this.status === 'unloaded') return;
		const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
		for (const connection of this.connections) connection.send(message);
	};
}
