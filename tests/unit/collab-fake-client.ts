import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { BoardConnection } from '../../src/lib/server/collab/board-connection';
import type { BoardHub } from '../../src/lib/server/collab/board-hub';
import { openDatabase } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { ConnectionIdentity } from '../../src/lib/server/collab/identity';
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdate } from '../../src/lib/server/collab/protocol';

/**
 * A y-websocket client without a socket: it speaks the same messages as the WebsocketProvider
 * straight into a BoardHub, delivering each one on a later microtask as a network would.
 */
export class FakeClient {
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly connection: BoardConnection;
	closed: { code: number; reason: string } | null = null;
	synced = false;
	received = 0;

	constructor(hub: BoardHub, boardId: string, identity: ConnectionIdentity, doc = new Y.Doc()) {
		this.doc = doc;
		this.awareness = new awarenessProtocol.Awareness(doc);
		this.connection = hub.connect(boardId, identity, {
			send: (message) => queueMicrotask(() => this.#receive(message)),
			close: (code, reason) => (this.closed = { code, reason })
		});
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== this) this.send(encodeUpdate(update));
		});
		this.send(encodeSyncStep1(Y.encodeStateVector(doc)));
	}

	send(message: Uint8Array | string) {
		queueMicrotask(() => this.connection.receive(typeof message === 'string' ? new TextEncoder().encode(message) : message, typeof message !== 'string'));
	}

	/** Publishes this client's awareness state, as the provider does when it changes. */
	announce(state: Record<string, unknown>, clientID = this.doc.clientID) {
		this.awareness.setLocalState(state);
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
		if (clientID === this.doc.clientID) return this.send(encodeAwarenessMessage(update));
		// A forged entry for someone else's client id.
		const forged = encoding.createEncoder();
		encoding.writeVarUint(forged, 1);
		encoding.writeVarUint(forged, clientID);
		encoding.writeVarUint(forged, 99);
		encoding.writeVarString(forged, JSON.stringify(state));
		this.send(encodeAwarenessMessage(encoding.toUint8Array(forged)));
	}

	notes() {
		return this.doc.getMap('notes').toJSON() as Record<string, Record<string, unknown>>;
	}

	addNote(id: string, text: string) {
		this.doc.getMap('notes').set(id, new Y.Map<unknown>([['text', text]]));
	}

	leave() {
		this.connection.transportClosed();
	}

	#receive(message: Uint8Array) {
		if (this.closed) return;
		this.received++;
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		if (type === 0) {
			const reply = encoding.createEncoder();
			encoding.writeVarUint(reply, 0);
			const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
			if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
			if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
		} else if (type === 1) {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
		}
	}
}

export function identity(overrides: Partial<ConnectionIdentity> & { name?: string } = {}): ConnectionIdentity {
	const { name = 'Jan z PCPR', ...rest } = overrides;
	return {
		sessionId: crypto.randomUUID(),
		access: 'edit',
		presence: { id: crypto.randomUUID(), name, role: 'participant', institution: 'PCPR w Piszu', sector: 'social_assistance' },
		accessEndsAt: Date.now() + 3600_000,
		accessEndReason: 'workshop-ended',
		...rest
	};
}

/** An in-memory database with the real schema and one board. */
export async function createBoardDatabase() {
	const handles = openDatabase(':memory:');
	await migrateToLatest(handles.db);
	const processId = crypto.randomUUID();
	const id = crypto.randomUUID();
	handles.sqlite
		.prepare('INSERT INTO strategy_processes (id, title, territory, period_from, period_to, created_at) VALUES (?, ?, ?, ?, ?, ?)')
		.run(processId, 'Strategia', 'Gmina Pisz', 2025, 2030, Date.now());
	handles.sqlite
		.prepare('INSERT INTO boards (id, process_id, kind, title, created_at) VALUES (?, ?, ?, ?, ?)')
		.run(id, processId, 'ideas-wall', 'Ściana pomysłów', Date.now());
	return { handles, boardId: id };
}
