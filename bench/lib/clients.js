import { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Bytes and frames the server sent to the generator: "messages/bytes out" counted client-side. */
export function createCounters() {
	return { messages: 0, bytes: 0 };
}

/** How each server is addressed and framed. Hocuspocus prefixes every message with the document name. */
export function endpoint(server, boardId, clientIndex = 0) {
	const base = `ws://127.0.0.1:${server.port}`;
	if (server.kind === 'narada') {
		const tokens = server.fixture.tokens;
		return {
			url: `${base}/collab/${boardId}`,
			providerBase: `${base}/collab`,
			headers: { Cookie: `narada_session=${tokens[clientIndex % tokens.length]}`, Origin: `http://127.0.0.1:${server.port}` }
		};
	}
	if (server.kind === 'y-websocket') return { url: `${base}/${boardId}`, providerBase: base, headers: {} };
	return { url: base, providerBase: base, headers: {} };
}

function headerSocket(headers) {
	return class extends WebSocket {
		constructor(url, protocols) {
			super(url, protocols, { headers, perMessageDeflate: false });
		}
	};
}

/**
 * A probe: a real provider with a full Y.Doc (WebsocketProvider, or HocuspocusProvider for
 * Hocuspocus' framing). Resolves once synced.
 */
export async function connectProbe(server, boardId, clientIndex, counters) {
	const doc = new Y.Doc();
	const { providerBase, headers } = endpoint(server, boardId, clientIndex);
	const Polyfill = headerSocket(headers);
	const Counting = class extends Polyfill {
		constructor(...args) {
			super(...args);
			this.on('message', (data) => {
				counters.messages++;
				counters.bytes += data.length ?? data.byteLength;
			});
		}
	};
	let provider;
	const synced = new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`probe ${clientIndex} not synced (${server.kind})`)), 30_000);
		const done = () => {
			clearTimeout(timer);
			resolve();
		};
		if (server.kind === 'hocuspocus') {
			provider = new HocuspocusProvider({ url: providerBase, name: boardId, document: doc, WebSocketPolyfill: Counting, token: '', flushDelay: 0 });
			provider.on('synced', done);
		} else {
			provider = new WebsocketProvider(providerBase, boardId, doc, { WebSocketPolyfill: Counting, disableBc: true });
			provider.on('sync', (isSynced) => isSynced && done());
		}
	});
	await synced;
	return {
		doc,
		provider,
		awareness: provider.awareness,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const HOCUSPOCUS_AUTH = 2;

/**
 * A light client: its own private Y.Doc, sends only its own updates as hand-encoded y-websocket
 * (or Hocuspocus) frames, and never applies anyone else's — so the generator stays cheap.
 */
export class LightClient {
	doc = new Y.Doc();
	synced = false;
	syncedAt = 0;
	closed = false;
	#socket = null;
	#awarenessClock = 0;
	#onSynced = null;

	constructor(server, boardId, clientIndex, counters) {
		this.server = server;
		this.boardId = boardId;
		this.clientIndex = clientIndex;
		this.counters = counters;
		this.hocuspocus = server.kind === 'hocuspocus';
		this.doc.on('update', (update) => this.#send(syncFrame(2, update)));
	}

	/** Opens the socket and resolves once the server's full state (sync step 2) has arrived. */
	connect(timeoutMs = 30_000) {
		const { url, headers } = endpoint(this.server, this.boardId, this.clientIndex);
		const socket = new WebSocket(url, { headers, perMessageDeflate: false });
		socket.binaryType = 'nodebuffer';
		this.#socket = socket;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`light client ${this.clientIndex} not synced`)), timeoutMs);
			this.#onSynced = () => {
				clearTimeout(timer);
				resolve();
			};
			socket.on('open', () => {
				if (this.hocuspocus) {
					const e = encoding.createEncoder();
					encoding.writeVarString(e, this.boardId);
					encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
					encoding.writeVarUint(e, 0); // AuthMessageType.Token
					encoding.writeVarString(e, '');
					socket.send(encoding.toUint8Array(e));
				}
				this.#send(syncFrame(0, Y.encodeStateVector(this.doc)));
			});
			socket.on('message', (data) => this.#receive(data));
			socket.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			socket.on('close', () => {
				this.closed = true;
				clearTimeout(timer);
				if (!this.synced) reject(new Error(`light client ${this.clientIndex} closed before sync`));
			});
		});
	}

	edit(key, value) {
		this.doc.getMap('notes').set(key, value);
	}

	/** A typing burst writes into this client's own text, so it needs nobody else's items. */
	type() {
		let text = this.doc.getMap('texts').get(String(this.clientIndex));
		if (!text) {
			text = new Y.Text();
			this.doc.getMap('texts').set(String(this.clientIndex), text);
		}
		text.insert(text.length, 'a');
	}

	awareness(x, y) {
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 1);
		encoding.writeVarUint(e, this.doc.clientID);
		encoding.writeVarUint(e, ++this.#awarenessClock);
		encoding.writeVarString(e, JSON.stringify({ cursor: { x, y } }));
		const body = encoding.toUint8Array(e);
		const m = encoding.createEncoder();
		encoding.writeVarUint(m, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(m, body);
		this.#send(encoding.toUint8Array(m));
	}

	close() {
		this.closed = true;
		this.#socket?.terminate();
	}

	#send(message) {
		const socket = this.#socket;
		if (!socket || socket.readyState !== WebSocket.OPEN) return;
		if (!this.hocuspocus) return socket.send(message);
		const e = encoding.createEncoder();
		encoding.writeVarString(e, this.boardId);
		encoding.writeUint8Array(e, message);
		socket.send(encoding.toUint8Array(e));
	}

	#receive(data) {
		this.counters.messages++;
		this.counters.bytes += data.length;
		if (this.synced) return;
		// Only the handshake is parsed: step 1 is answered, step 2 marks the client synced.
		const decoder = decoding.createDecoder(data);
		if (this.hocuspocus) decoding.readVarString(decoder);
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
		const syncType = decoding.readVarUint(decoder);
		if (syncType === 0) {
			const stateVector = decoding.readVarUint8Array(decoder);
			this.#send(syncFrame(1, Y.encodeStateAsUpdate(this.doc, stateVector)));
		} else if (syncType === 1 && !this.synced) {
			this.synced = true;
			this.syncedAt = performance.now();
			this.#onSynced?.();
		}
	}
}

function syncFrame(syncType, body) {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MESSAGE_SYNC);
	encoding.writeVarUint(e, syncType);
	encoding.writeVarUint8Array(e, body);
	return encoding.toUint8Array(e);
}
