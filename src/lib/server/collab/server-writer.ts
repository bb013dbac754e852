import * as Y from 'yjs';
import type { BoardHub } from './board-hub';

/**
 * The Yjs client id of changes the server writes in its own name (revealed anonymous notes):
 * one fixed id, so such items point to no participant (a Yjs item carries its writer's client
 * id, which board presence ties to a name).
 */
export const SERVER_YJS_CLIENT_ID = 1;

const RUNNING = new WeakMap<BoardHub, Map<string, Promise<unknown>>>();

/**
 * Makes `change` on a copy of the board under SERVER_YJS_CLIENT_ID and sends the board only
 * the difference. Yjs needs each (client id, clock) pair to be unique, so the copy first loads
 * the board's current state (its clock then continues after earlier server writes) and only
 * then takes the fixed id; and two such writes to one board never run at once.
 */
export function writeAsServer<T>(hub: BoardHub, boardId: string, change: (doc: Y.Doc) => T): Promise<T> {
	let running = RUNNING.get(hub);
	if (!running) RUNNING.set(hub, (running = new Map()));
	const previous = running.get(boardId) ?? Promise.resolve();
	const next = previous.then(
		() => write(hub, boardId, change),
		() => write(hub, boardId, change)
	);
	const settled = next.catch(() => undefined);
	running.set(boardId, settled);
	void settled.then(() => {
		if (running.get(boardId) === settled) running.delete(boardId);
	});
	return next;
}

async function write<T>(hub: BoardHub, boardId: string, change: (doc: Y.Doc) => T): Promise<T> {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, await hub.getBoardStateUpdate(boardId));
		// Only after loading: Yjs would otherwise take the fixed id's own items for a conflict and pick a new id.
		doc.clientID = SERVER_YJS_CLIENT_ID;
		const before = Y.encodeStateVector(doc);
		let result!: T;
		doc.transact(() => {
			result = change(doc);
		});
		const update = Y.encodeStateAsUpdate(doc, before);
		await hub.applyServerUpdate(boardId, update);
		return result;
	} finally {
		doc.destroy();
	}
}
