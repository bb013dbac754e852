import * as Y from 'yjs';
import type { CollabCloseReason } from '../../collab/close-codes';
import type { BoardUpdateAppend, StoredBoard } from '../db/board-updates';
import type { Logger } from '../log';
import { BoardConnection, type CollabTransport } from './board-connection';
import { BoardDocument, type UpdateOrigin } from './board-document';
import type { ConnectionIdentity } from './identity';

type MaybePromise<T> = T | Promise<T>;

/**
 * Where boards live on disk. The SQLite store (db/board-updates.ts) is synchronous; the hub
 * awaits anyway so another database is a swap of that one module.
 */
export interface BoardPersistence {
	load(boardId: string): MaybePromise<StoredBoard | null>;
	append(batch: BoardUpdateAppend[]): MaybePromise<Map<string, number>>;
	compact(boardId: string, state: Uint8Array, upToId: number): MaybePromise<void>;
	/**
	 * Folds stored updates up to `upToId` into the snapshot off the event loop (the SQLite store's
	 * storage worker); a live board's due compactions go here when it exists. False: nothing folded.
	 */
	compactInBackground?(boardId: string, upToId: number): Promise<boolean>;
	/** Whether a facilitator has locked the board (read at load; later changes come through setBoardLocked). */
	isLocked?(boardId: string): MaybePromise<boolean>;
}

export interface BoardHubOptions {
	store: BoardPersistence;
	log: Logger;
	/** Quiet period with no connections before a board leaves memory. */
	idleMs: number;
	/** Fold the update log into a snapshot after this many rows. */
	compactEvery?: number;
}

/**
 * Narada's board documents, transport-free: a registry of loaded boards, persistence before
 * broadcast, and the operations later issues need. Updates are collected per event-loop tick,
 * written in one transaction, and only then sent to anyone (DESIGN.md: an update the server
 * broadcasts is already in SQLite).
 */
export class BoardHub {
	readonly #boards = new Map<string, BoardDocument>();
	readonly #dirty = new Set<BoardDocument>();
	readonly #loads = new WeakMap<BoardDocument, Promise<void>>();
	readonly #store: BoardPersistence;
	readonly #log: Logger;
	readonly #idleMs: number;
	readonly #compactEvery: number;
	#flushScheduled: { promise: Promise<void>; resolve: () => void } | null = null;
	#flushChain: Promise<void> = Promise.resolve();
	readonly #storedListeners = new Set<(boardIds: string[]) => void>();

	constructor(options: BoardHubOptions) {
		this.#store = options.store;
		this.#log = options.log;
		this.#idleMs = options.idleMs;
		this.#compactEvery = options.compactEvery ?? 500;
	}

	/** Adds a connection whose access the caller has already checked; the board loads if needed. */
	connect(boardId: string, identity: ConnectionIdentity, transport: CollabTransport): BoardConnection {
		const board = this.#open(boardId);
		const connection = new BoardConnection(boardId, identity, transport, board, this.#log);
		board.attach(connection);
		return connection;
	}

	/** The board's whole state as one update (for exports, restore points), loading it if needed. */
	async getBoardStateUpdate(boardId: string): Promise<Uint8Array> {
		const board = await this.#ready(boardId);
		try {
			await this.#flushScheduled?.promise;
			return Y.encodeStateAsUpdate(board.doc);
		} finally {
			this.#idleIfUnused(board);
		}
	}

	/** Applies an update made by the server itself; resolves once it is stored and sent to everyone. */
	async applyServerUpdate(boardId: string, update: Uint8Array): Promise<void> {
		const board = await this.#ready(boardId);
		try {
			board.fanOutNotBefore = 0; // the caller waits for this one: no pacing
			board.applyServerUpdate(update);
			await this.#flushScheduled?.promise;
			// A failed write discards the board (see #persist): the caller must not report success.
			if (board.status !== 'ready') throw new Error(`board ${boardId}: the update could not be stored`);
		} finally {
			this.#idleIfUnused(board);
		}
	}

	/**
	 * Calls `listener` after each flush with the boards whose updates were just stored (e.g. for
	 * hourly restore points). It runs inside the flush, so it must be quick and must not throw.
	 */
	onUpdatesStored(listener: (boardIds: string[]) => void): () => void {
		this.#storedListeners.add(listener);
		return () => this.#storedListeners.delete(listener);
	}

	connectionCount(boardId?: string): number {
		if (boardId !== undefined) return this.#boards.get(boardId)?.connections.size ?? 0;
		let count = 0;
		for (const board of this.#boards.values()) count += board.connections.size;
		return count;
	}

	loadedBoardCount(): number {
		return this.#boards.size;
	}

	/** Closes every live connection of these sessions (revoked, signed out); returns how many. */
	closeSessions(sessionIds: Iterable<string>, reason: CollabCloseReason = 'session-revoked'): number {
		const ids = new Set(sessionIds);
		return this.#closeWhere((connection) => ids.has(connection.identity.sessionId), () => reason);
	}

	/** Closes connections whose session expired or whose workshop window ended. */
	closeExpired(now = Date.now()): number {
		return this.#closeWhere(
			(connection) => now > connection.identity.accessEndsAt,
			(connection) => connection.identity.accessEndReason
		);
	}

	/**
	 * A facilitator locked or unlocked the board (already stored). While locked, participants'
	 * edits are refused by closing their connection, never dropped; on unlock every connection
	 * is asked for what it kept. A board not in memory reads the lock when it loads.
	 */
	setBoardLocked(boardId: string, locked: boolean): void {
		this.#boards.get(boardId)?.setLocked(locked);
	}

	/** Closes every connection of a board (deleted, locked). */
	closeBoard(boardId: string, reason: CollabCloseReason): void {
		this.#boards.get(boardId)?.closeAll(reason);
	}

	/** Persists what is pending, closes everyone and unloads every board (with a final compaction). */
	async close(): Promise<void> {
		await this.#flushesDone();
		for (const board of [...this.#boards.values()]) {
			board.closeAll('server-shutdown');
			await this.#loads.get(board);
			if (board.status === 'ready') await this.#unload(board);
		}
	}

	#closeWhere(match: (c: BoardConnection) => boolean, reason: (c: BoardConnection) => CollabCloseReason): number {
		let closed = 0;
		for (const board of this.#boards.values()) {
			for (const connection of [...board.connections]) {
				if (!match(connection)) continue;
				connection.close(reason(connection));
				closed++;
			}
		}
		return closed;
	}

	#open(boardId: string): BoardDocument {
		const existing = this.#boards.get(boardId);
		if (existing) return existing;
		const board = new BoardDocument(boardId, {
			markDirty: (b) => this.#markDirty(b),
			becameIdle: (b) => this.#idleIfUnused(b),
			log: this.#log
		});
		this.#boards.set(boardId, board);
		this.#loads.set(board, this.#load(board));
		return board;
	}

	async #ready(boardId: string): Promise<BoardDocument> {
		const board = this.#open(boardId);
		await this.#loads.get(board);
		if (board.status !== 'ready') throw new Error(`board ${boardId} could not be loaded`);
		return board;
	}

	async #load(board: BoardDocument): Promise<void> {
		try {
			const stored = await this.#store.load(board.boardId);
			if (!stored) return this.#discard(board, 'board-not-found');
			const locked = (await this.#store.isLocked?.(board.boardId)) ?? false;
			// A lock set while we were reading is newer than what we read.
			if (!board.lockSetLive) board.locked = locked;
			await board.load(stored);
			this.#idleIfUnused(board);
		} catch (error) {
			this.#log.error({ boardId: board.boardId, err: error }, 'board failed to load');
			this.#discard(board, isStorageFailure(error) ? 'storage-unavailable' : 'internal-error');
		}
	}

	/** Forgets a board without saving it: its clients reconnect and resend what they have. */
	#discard(board: BoardDocument, reason: CollabCloseReason): void {
		if (this.#boards.get(board.boardId) === board) this.#boards.delete(board.boardId);
		this.#dirty.delete(board);
		board.closeAll(reason);
		board.destroy();
	}

	#markDirty(board: BoardDocument): void {
		this.#dirty.add(board);
		if (this.#flushScheduled) return;
		let resolve!: () => void;
		const promise = new Promise<void>((r) => (resolve = r));
		this.#flushScheduled = { promise, resolve };
		// Per tick, not per socket read: the sockets read in one tick share a transaction and a
		// broadcast. Flushing per read took under 0.1 ms off an edit at rest but sent 7–14% more
		// messages at workshop N=100, with no gain the bench could see (README, Performance).
		setImmediate(() => {
			const scheduled = this.#flushScheduled!;
			this.#flushScheduled = null;
			this.#flushChain = this.#flushChain
				.then(() => this.#flush())
				.catch((error) => this.#log.error({ err: error }, 'board flush failed'))
				.finally(scheduled.resolve);
		});
	}

	/**
	 * Resolves once no flush is scheduled or running, counting those scheduled while it waited
	 * (a frame received meanwhile): shutdown's final compaction must come after every append.
	 */
	async #flushesDone(): Promise<void> {
		for (;;) {
			const chain = this.#flushChain;
			await this.#flushScheduled?.promise;
			await chain;
			if (!this.#flushScheduled && chain === this.#flushChain) return;
		}
	}

	/** A paced board's updates wait (in memory, unacknowledged) until its next fan-out slot. */
	#flushLater(board: BoardDocument, delayMs: number): void {
		if (board.pacingTimer) return;
		board.pacingTimer = setTimeout(() => {
			board.pacingTimer = null;
			if (board.status === 'ready') this.#markDirty(board);
		}, Math.ceil(delayMs));
	}

	async #flush(): Promise<void> {
		const now = performance.now();
		const boards: BoardDocument[] = [];
		for (const board of this.#dirty) {
			if (board.status !== 'ready') continue;
			if (board.hasPendingUpdates && board.fanOutNotBefore > now) this.#flushLater(board, board.fanOutNotBefore - now);
			else boards.push(board);
		}
		this.#dirty.clear();
		const pending = boards.map((board) => ({ board, taken: board.takePending() }));
		const writes = pending.filter((p) => p.taken !== null) as Array<{
			board: BoardDocument;
			taken: { update: Uint8Array; origins: Set<UpdateOrigin> };
		}>;
		const stored = await this.#persist(writes.map(({ board, taken }) => ({ board, update: taken.update })));
		for (const { board, taken } of writes) {
			if (!stored.has(board)) continue;
			board.broadcast(taken.update, taken.origins);
			// Counted from the end of this fan-out: a slow one must not let the next follow at once.
			board.fanOutNotBefore = performance.now() + fanOutIntervalMs(board.connections.size);
		}
		if (stored.size > 0 && this.#storedListeners.size > 0) {
			const boardIds = [...stored].map((board) => board.boardId);
			for (const listener of this.#storedListeners) listener(boardIds);
		}
		for (const { board } of pending) {
			if (board.status !== 'ready') continue;
			board.answerSyncs();
			if (board.hasPendingSyncs || board.hasPendingUpdates) this.#markDirty(board);
			if (board.updatesSinceSnapshot >= this.#compactEvery && !board.compacting) await this.#compactLiveBoard(board);
			this.#idleIfUnused(board);
		}
	}

	/**
	 * One transaction for the whole tick. If it fails, each board is retried alone so one bad
	 * board (deleted under us) cannot cost the others their edits; a board that still fails is
	 * discarded, which closes its clients — they reconnect and resend, nothing is lost. Its
	 * in-memory doc holds the unsaved edits, so it must go: keeping it would show them to the
	 * next client that syncs. When the disk is the problem (full, read-only) the clients are
	 * told so ('storage-unavailable'), keep their edits and retry with backoff until a write
	 * succeeds again.
	 */
	async #persist(writes: Array<{ board: BoardDocument; update: Uint8Array }>): Promise<Set<BoardDocument>> {
		const stored = new Set<BoardDocument>();
		if (writes.length === 0) return stored;
		const record = (board: BoardDocument, lastIds: Map<string, number>) => {
			board.lastUpdateId = lastIds.get(board.boardId) ?? board.lastUpdateId;
			board.updatesSinceSnapshot++;
			stored.add(board);
		};
		try {
			const lastIds = await this.#store.append(writes.map(({ board, update }) => ({ boardId: board.boardId, update })));
			for (const { board } of writes) record(board, lastIds);
			return stored;
		} catch (error) {
			this.#log.error({ err: error, boards: writes.length }, 'board updates batch failed; retrying per board');
		}
		for (const { board, update } of writes) {
			try {
				record(board, await this.#store.append([{ boardId: board.boardId, update }]));
			} catch (error) {
				this.#log.error({ boardId: board.boardId, err: error }, 'board update could not be stored');
				this.#discard(board, isStorageFailure(error) ? 'storage-unavailable' : 'internal-error');
			}
		}
		return stored;
	}

	/**
	 * Encoding a live board for its snapshot stalls everyone on it (tens of ms for a big board), so
	 * when the store can merge the stored updates in the background, the flush does not wait.
	 */
	async #compactLiveBoard(board: BoardDocument): Promise<void> {
		if (!this.#store.compactInBackground) return this.#compactOrKeepLog(board);
		const { boardId, lastUpdateId: upToId, updatesSinceSnapshot: folding } = board;
		board.compacting = true;
		this.#log.debug({ boardId, upToId }, 'board compacting');
		this.#store
			.compactInBackground(boardId, upToId)
			.then(
				(merged) => {
					board.updatesSinceSnapshot = Math.max(0, board.updatesSinceSnapshot - folding);
					this.#log.debug({ boardId, upToId, merged }, 'board compacted');
				},
				(error) => {
					this.#log.error({ boardId, err: error }, 'compaction failed; the update log stays');
					board.updatesSinceSnapshot = 0; // try again after the next compactEvery rows
				}
			)
			.finally(() => (board.compacting = false));
	}

	/** A failed compaction loses nothing (the update log stays); it must not stop this flush. */
	async #compactOrKeepLog(board: BoardDocument): Promise<void> {
		try {
			await this.#compact(board);
		} catch (error) {
			this.#log.error({ boardId: board.boardId, err: error }, 'compaction failed; the update log stays');
			board.updatesSinceSnapshot = 0; // try again after the next compactEvery rows, not every tick
		}
	}

	async #compact(board: BoardDocument): Promise<void> {
		const upToId = board.lastUpdateId;
		this.#log.debug({ boardId: board.boardId, upToId }, 'board compacting');
		await this.#store.compact(board.boardId, Y.encodeStateAsUpdate(board.doc), upToId);
		board.updatesSinceSnapshot = 0;
		this.#log.debug({ boardId: board.boardId, upToId }, 'board compacted');
	}

	#idleIfUnused(board: BoardDocument): void {
		if (board.status !== 'ready' || board.connections.size > 0 || board.idleTimer) return;
		board.idleTimer = setTimeout(() => {
			board.idleTimer = null;
			void this.#unloadWhenQuiet(board);
		}, this.#idleMs);
		board.idleTimer.unref();
	}

	async #unloadWhenQuiet(board: BoardDocument): Promise<void> {
		await this.#flushesDone();
		if (board.connections.size > 0 || board.status !== 'ready' || this.#boards.get(board.boardId) !== board) return;
		if (board.hasPendingUpdates) return this.#idleIfUnused(board);
		await this.#unload(board);
	}

	/**
	 * Leaves memory after a final compaction. The board is removed from the registry first, so a
	 * connection arriving meanwhile loads a fresh copy (from the snapshot written here when the
	 * store is synchronous, as SQLite is).
	 */
	async #unload(board: BoardDocument): Promise<void> {
		this.#boards.delete(board.boardId);
		this.#dirty.delete(board);
		try {
			if (board.updatesSinceSnapshot > 0) await this.#compact(board);
		} catch (error) {
			this.#log.error({ boardId: board.boardId, err: error }, 'compaction on unload failed; the update log stays');
		} finally {
			board.destroy();
		}
		this.#log.debug({ boardId: board.boardId }, 'board unloaded');
	}
}

/**
 * One broadcast costs a socket write per connection (about 10 µs each here, most of it in the
 * kernel), so a board with hundreds of writers would spend its whole core on fan-out if every
 * tick sent one. Past FAN_OUT_UNPACED_CONNECTIONS a board's broadcasts are spaced so that
 * several edits share one write per client; smaller boards keep a send per tick (no added delay).
 */
export const FAN_OUT_UNPACED_CONNECTIONS = 150;
const FAN_OUT_SPACING_US_PER_CONNECTION = 30;
const FAN_OUT_MAX_SPACING_MS = 8;

export function fanOutIntervalMs(connections: number): number {
	const extra = connections - FAN_OUT_UNPACED_CONNECTIONS;
	return extra <= 0 ? 0 : Math.min(FAN_OUT_MAX_SPACING_MS, (extra * FAN_OUT_SPACING_US_PER_CONNECTION) / 1000);
}

/** SQLite's codes for a disk that cannot take writes now but may later (full, read-only, I/O, locked). */
function isStorageFailure(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL)/.test(code);
}
