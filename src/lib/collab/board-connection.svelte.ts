import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { ConnectionStatus, OFFLINE_AFTER_ATTEMPTS } from './connection-status.svelte';
import { localBoardName, rememberLocalBoard } from './forget-local-boards';
import { jitteredWebSocket } from './jittered-websocket';
import { collabCloseReason } from './close-codes';
import { isFinalClose, toStopReason, type StopReason } from './stop-reasons';
import { UndoHistory } from './undo-history.svelte';

export interface BoardConnectionOptions {
	boardId: string;
	/** Observers: no local copy, no edits on the wire, no undo. */
	readOnly: boolean;
	/** The shared types one's own undo covers (a board kind's top-level content). */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Y.Map/Y.Array/Y.Text share no narrower base
	undoScope: (doc: Y.Doc) => Y.AbstractType<any>[];
}

/** Waiting longer for the local copy than this would only delay the live sync. */
const LOCAL_LOAD_TIMEOUT_MS = 1500;
/**
 * After the server said it cannot save, a connection must stay synced this long before we
 * believe saving works again: reading still works while writing does not, so a short-lived
 * sync proves nothing.
 */
const STORAGE_RECOVERED_AFTER_MS = 3000;

/**
 * The browser's side of one board: a Y.Doc, its local copy in IndexedDB (so edits made
 * offline survive a closed tab), and the board socket `/collab/<boardId>` on this origin.
 * Components use `status`, `undo` and the board kind's own wrapper, never the provider.
 */
export class BoardConnection {
	readonly doc = new Y.Doc();
	/** The origin of every local edit; undo tracks only this, never other people's changes. */
	readonly origin = { local: true };
	readonly status = new ConnectionStatus();
	readonly provider: WebsocketProvider;
	readonly awareness: Awareness;
	readonly undo: UndoHistory | null;
	readonly readOnly: boolean;
	/**
	 * A facilitator locked the board (the page sets this from the workshop's lock state): no
	 * edits are offered. Edits made before the lock stay in the doc and the local copy; the
	 * server asks for them after the unlock.
	 */
	locked = $state(false);
	#persistence: IndexeddbPersistence | null = null;
	#stopped: StopReason | null = null;
	#hasBeenConnected = false;
	#destroyed = false;
	#pausedOffline = false;
	/** 'storage-unavailable' closes since saving last worked; they keep the reconnect backoff growing. */
	#storageFailures = 0;
	#storageRecoveryTimer: ReturnType<typeof setTimeout> | null = null;
	#boardId: string;
	#cleanup: (() => void)[] = [];

	constructor(options: BoardConnectionOptions) {
		this.readOnly = options.readOnly;
		this.#boardId = options.boardId;
		const protocol = location.protocol === 'https:' ? 'wss' : 'ws';
		let provider: WebsocketProvider | null = null;
		this.provider = provider = new WebsocketProvider(`${protocol}://${location.host}/collab`, options.boardId, this.doc, {
			connect: false,
			// Tabs of one browser could share edits through BroadcastChannel, which would bypass
			// the read-only rule on an observer tab; the server relays everything anyway.
			disableBc: options.readOnly,
			// The provider resets its count once a connection syncs, but while the disk is full every
			// connection syncs (reading works) and is then closed: without our own count the browser
			// would come back at once, over and over.
			WebSocketPolyfill: jitteredWebSocket({
				attempts: () => Math.max(provider?.wsUnsuccessfulReconnects ?? 0, this.#storageFailures)
			}),
			shouldReconnect: (event) => !isFinalClose(event)
		});
		this.awareness = this.provider.awareness;
		// Peers ignore an awareness state at clock 0 (the constructor's empty one): writing a
		// field bumps the clock, so the server can stamp who we are and others see us at once.
		this.awareness.setLocalStateField('drag', null);
		if (options.readOnly) {
			// An observer never sends document updates, even if something edited the doc locally.
			this.doc.off('update', (this.provider as unknown as { _updateHandler: (...a: unknown[]) => void })._updateHandler);
		}
		this.undo = options.readOnly
			? null
			: new UndoHistory(new Y.UndoManager(options.undoScope(this.doc), { trackedOrigins: new Set([this.origin]), captureTimeout: 600 }));

		this.#listen();
		void this.#start(options.boardId);
	}

	async #start(boardId: string) {
		if (!this.readOnly) {
			try {
				this.#persistence = new IndexeddbPersistence(localBoardName(boardId), this.doc);
				rememberLocalBoard(boardId);
				await Promise.race([this.#persistence.whenSynced, new Promise((r) => setTimeout(r, LOCAL_LOAD_TIMEOUT_MS))]);
			} catch {
				// No IndexedDB (some private modes): the board still works, only without a local copy.
			}
		}
		if (this.#destroyed) return;
		if (navigator.onLine) this.provider.connect();
		else this.#pausedOffline = true;
		this.#refresh();
	}

	#listen() {
		const refresh = () => this.#refresh();
		const onClosed = (event: { code: number; reason: string }) => {
			this.#stopped = toStopReason(event);
			this.#refresh();
		};
		const onSync = (synced: boolean) => {
			if (synced) this.#hasBeenConnected = true;
			if (synced && this.#storageFailures > 0) this.#watchStorageRecovery();
			this.#refresh();
		};
		const onConnectionClose = (event: { code: number; reason: string } | null) => {
			this.#clearStorageRecovery();
			if (event && collabCloseReason(event) === 'storage-unavailable') this.#storageFailures++;
			this.#refresh();
			void this.#probeAccess();
		};
		this.provider.on('status', refresh);
		this.provider.on('sync', onSync);
		this.provider.on('connection-close', onConnectionClose);
		this.provider.on('closed', onClosed);
		// When the laptop says the network is gone, the socket is dead even if it has not noticed
		// (TCP can take minutes): drop it now so the person sees "offline" at once, and come back
		// as soon as the network does instead of waiting for the next backoff step.
		const onOffline = () => {
			if (this.provider.shouldConnect) {
				this.provider.disconnect();
				this.#pausedOffline = true;
			}
			this.#refresh();
		};
		const onOnline = () => {
			if (this.#pausedOffline && !this.#stopped && !this.#destroyed) this.provider.connect();
			this.#pausedOffline = false;
			this.#refresh();
		};
		addEventListener('online', onOnline);
		addEventListener('offline', onOffline);
		this.#cleanup.push(() => {
			removeEventListener('online', onOnline);
			removeEventListener('offline', onOffline);
		});
	}

	#watchStorageRecovery() {
		this.#clearStorageRecovery();
		this.#storageRecoveryTimer = setTimeout(() => {
			this.#storageRecoveryTimer = null;
			if (!this.provider.wsconnected || !this.provider.synced) return;
			this.#storageFailures = 0;
			this.#refresh();
		}, STORAGE_RECOVERED_AFTER_MS);
	}

	#clearStorageRecovery() {
		if (this.#storageRecoveryTimer) clearTimeout(this.#storageRecoveryTimer);
		this.#storageRecoveryTimer = null;
	}

	/**
	 * A refused upgrade (expired session, access withdrawn while we were away) reaches the
	 * browser only as a failed socket, the same as a network drop. When attempts keep failing
	 * while the laptop is online, ask the page itself: a redirect to sign-in or a 403 means
	 * reconnecting cannot help, and the person should be told instead of waiting forever.
	 */
	async #probeAccess() {
		const attempts = this.provider.wsUnsuccessfulReconnects;
		if (this.#stopped || !navigator.onLine || attempts < OFFLINE_AFTER_ATTEMPTS || attempts % OFFLINE_AFTER_ATTEMPTS !== 0) return;
		let response: Response;
		try {
			response = await fetch(`/boards/${encodeURIComponent(this.#boardId)}`, { redirect: 'manual', headers: { accept: 'text/html' } });
		} catch {
			return; // The server is unreachable: a network problem, keep retrying.
		}
		const reason: StopReason | null = response.type === 'opaqueredirect' || response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : null;
		if (!reason || this.#destroyed || this.provider.wsconnected) return;
		this.#stopped = reason;
		this.provider.disconnect();
		this.#refresh();
	}

	#refresh() {
		this.status.update({
			stopped: this.#stopped,
			connectedAndSynced: this.provider.wsconnected && this.provider.synced,
			browserOnline: navigator.onLine,
			failedAttempts: this.provider.wsUnsuccessfulReconnects,
			hasBeenConnected: this.#hasBeenConnected,
			storageUnavailable: this.#storageFailures > 0
		});
	}

	/** Edits are offered only while the board is writable for us, not locked, and the server has not stopped us. */
	get canEdit(): boolean {
		return !this.readOnly && !this.locked && this.status.state !== 'stopped';
	}

	/** Publishes a field of our awareness state (e.g. a note being dragged); the server adds who we are. */
	setPresenceField(field: string, value: unknown) {
		this.awareness.setLocalStateField(field, value);
	}

	destroy() {
		this.#destroyed = true;
		this.#clearStorageRecovery();
		for (const fn of this.#cleanup) fn();
		this.undo?.destroy();
		this.provider.destroy();
		void this.#persistence?.destroy();
		this.doc.destroy();
	}
}
