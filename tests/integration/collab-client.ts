import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';

/**
 * A real y-websocket client in Node: the standard WebsocketProvider over `ws`, sending the
 * session cookie and an Origin header as a browser would.
 */
export interface BoardClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Every close the server sent, with its code and reason. */
	closes: Array<{ code: number; reason: string }>;
	notes(): Record<string, Record<string, unknown>>;
	addNote(id: string, text: string, origin?: unknown): void;
	destroy(): void;
}

export function browserSocket(headers: { cookie?: string; origin?: string }) {
	return class BrowserLikeSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	};
}

export function sessionCookie(token: string) {
	return `${SESSION_COOKIE}=${token}`;
}

export function connectBoard(
	serverUrl: string,
	boardId: string,
	token: string | null,
	options: { origin?: string; doc?: Y.Doc } = {}
): BoardClient {
	const doc = options.doc ?? new Y.Doc();
	const closes: BoardClient['closes'] = [];
	const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/collab`, boardId, doc, {
		WebSocketPolyfill: browserSocket({
			cookie: token ? sessionCookie(token) : undefined,
			origin: options.origin ?? serverUrl
		}) as unknown as typeof globalThis.WebSocket,
		// Clients in one test process would otherwise talk through BroadcastChannel, past the server.
		disableBc: true
	});
	provider.on('connection-close', (event) => {
		if (event) closes.push({ code: event.code, reason: event.reason });
	});
	const notesMap = doc.getMap<Y.Map<unknown>>('notes');
	return {
		doc,
		provider,
		closes,
		notes: () => notesMap.toJSON() as Record<string, Record<string, unknown>>,
		addNote(id, text, origin) {
			doc.transact(() => {
				const note = new Y.Map<unknown>();
				note.set('text', text);
				note.set('colour', 'yellow');
				notesMap.set(id, note);
			}, origin);
		},
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export function whenSynced(client: BoardClient): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve) => client.provider.once('sync', (synced: boolean) => synced && resolve()));
}
