import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardHub, type BoardPersistence } from '../../src/lib/server/collab/board-hub';
import { createBoardUpdateStore, type BoardUpdateStore, type StoredBoard } from '../../src/lib/server/db/board-updates';
import type { DatabaseHandles } from '../../src/lib/server/db/index';
import { encodeSyncStep2, encodeUpdate } from '../../src/lib/server/collab/protocol';
import { eventually } from '../support/eventually';
import { createBoardDatabase, FakeClient, identity } from './collab-fake-client';

const log = pino({ level: 'silent' });
let database: DatabaseHandles;
let store: BoardUpdateStore;
let hub: BoardHub;
let boardId: string;

function storedRows() {
	return (database.sqlite.prepare('SELECT count(*) AS n FROM board_updates WHERE board_id = ?').get(boardId) as { n: number }).n;
}

beforeEach(async () => {
	({ handles: database, boardId } = await createBoardDatabase());
	store = createBoardUpdateStore(database.sqlite);
	hub = new BoardHub({ store, log, idleMs: 60_000 });
});
afterEach(async () => {
	await hub.close();
	await database.close();
});

describe('BoardHub', () => {
	it('stores an update before anyone else receives it', async () => {
		const alice = new FakeClient(hub, boardId, identity());
		const bob = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(alice.synced && bob.synced).toBe(true));
		const rowsWhenBobSawIt: number[] = [];
		bob.doc.on('update', () => rowsWhenBobSawIt.push(storedRows()));

		alice.addNote('n1', 'Mieszkania wspomagane');
		await eventually(() => expect(bob.notes().n1).toEqual({ text: 'Mieszkania wspomagane' }));
		expect(rowsWhenBobSawIt[0]).toBeGreaterThan(0);
	});

	it('answers no sync until the board has loaded from disk', async () => {
		const earlier = new Y.Doc();
		earlier.getMap('notes').set('old', new Y.Map([['text', 'Z wczoraj']]));
		store.append([{ boardId, update: Y.encodeStateAsUpdate(earlier) }]);
		let finishLoading!: () => void;
		const slowStore: BoardPersistence = {
			...store,
			load: (id) => new Promise<StoredBoard | null>((resolve) => (finishLoading = () => resolve(store.load(id))))
		};
		const slowHub = new BoardHub({ store: slowStore, log, idleMs: 60_000 });
		const client = new FakeClient(slowHub, boardId, identity());
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(client.received).toBe(0);

		finishLoading();
		await eventually(() => expect(client.synced).toBe(true));
		expect(client.notes().old).toEqual({ text: 'Z wczoraj' });
		await slowHub.close();
	});

	it('keeps an observer with an honest cache connected and closes it when it writes, storing nothing', async () => {
		const writer = new FakeClient(hub, boardId, identity());
		writer.addNote('a', 'Pierwsza');
		writer.addNote('b', 'Druga');
		writer.doc.getMap('notes').delete('a');
		await eventually(() => expect(storedRows()).toBeGreaterThan(0));

		const cached = new Y.Doc();
		Y.applyUpdate(cached, Y.encodeStateAsUpdate(writer.doc)); // as y-indexeddb would have it
		const observer = new FakeClient(hub, boardId, identity({ access: 'view' }), cached);
		await eventually(() => expect(observer.synced).toBe(true));
		expect(observer.closed).toBeNull();

		const rowsBefore = storedRows();
		observer.addNote('forged', 'Nie wolno');
		await eventually(() => expect(observer.closed).toEqual({ code: 4405, reason: 'read-only' }));
		expect(storedRows()).toBe(rowsBefore);
		expect(writer.notes().forged).toBeUndefined();
		expect(hub.connectionCount(boardId)).toBe(1);
	});

	it('allows a large first sync but not a large message afterwards', async () => {
		const offline = new Y.Doc();
		offline.getText('draft').insert(0, 'x'.repeat(700 * 1024));
		const laptop = new FakeClient(hub, boardId, identity(), offline);
		await eventually(() => expect(laptop.synced).toBe(true));
		const watcher = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(watcher.doc.getText('draft').length).toBe(700 * 1024));
		expect(laptop.closed).toBeNull();

		watcher.send(encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())));
		watcher.send(encodeUpdate(new Uint8Array(600 * 1024)));
		await eventually(() => expect(watcher.closed).toEqual({ code: 4413, reason: 'message-too-large' }));
		expect(laptop.closed).toBeNull();
	});

	it('stamps the real identity into awareness and refuses to speak for another client id', async () => {
		const anna = new FakeClient(hub, boardId, identity({ name: 'Anna' }));
		const jan = new FakeClient(hub, boardId, identity({ name: 'Jan' }));
		anna.announce({ user: { name: 'Prezydent miasta' }, cursor: 1 });
		await eventually(() => expect(jan.awareness.getStates().get(anna.doc.clientID)).toMatchObject({ cursor: 1, user: { name: 'Anna' } }));

		jan.announce({ cursor: 2 });
		jan.announce({ cursor: 666, user: { name: 'Anna' } }, anna.doc.clientID);
		jan.announce({ cursor: 3 });
		await eventually(() => expect(anna.awareness.getStates().get(jan.doc.clientID)).toMatchObject({ cursor: 3, user: { name: 'Jan' } }));
		// The forged entry (a higher clock for Anna's client id) was not relayed to anyone.
		expect(jan.awareness.getStates().get(anna.doc.clientID)).toMatchObject({ cursor: 1, user: { name: 'Anna' } });

		anna.leave();
		await eventually(() => expect(jan.awareness.getStates().has(anna.doc.clientID)).toBe(false));
	});

	it('closes revoked sessions and connections past their workshop window, and only those', async () => {
		const revoked = identity();
		const a = new FakeClient(hub, boardId, revoked);
		const b = new FakeClient(hub, boardId, identity({ accessEndsAt: Date.now() - 1 }));
		const c = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(a.synced && b.synced && c.synced).toBe(true));

		expect(hub.closeSessions([revoked.sessionId])).toBe(1);
		expect(a.closed).toEqual({ code: 4410, reason: 'session-revoked' });
		expect(hub.closeExpired()).toBe(1);
		expect(b.closed).toEqual({ code: 4412, reason: 'workshop-ended' });
		expect(c.closed).toBeNull();
		expect(hub.connectionCount()).toBe(1);
	});

	it('closes malformed messages and text frames without disturbing others', async () => {
		const bad = new FakeClient(hub, boardId, identity());
		const text = new FakeClient(hub, boardId, identity());
		const good = new FakeClient(hub, boardId, identity());
		bad.send(Uint8Array.from([0, 2, 5, 1, 2]));
		text.send('hello');
		await eventually(() => {
			expect(bad.closed).toEqual({ code: 4400, reason: 'malformed-message' });
			expect(text.closed).toEqual({ code: 4400, reason: 'malformed-message' });
		});
		good.addNote('ok', 'Działa');
		await eventually(() => expect(storedRows()).toBe(1));
		expect(good.closed).toBeNull();
	});

	it('refuses a board that does not exist', async () => {
		const lost = new FakeClient(hub, crypto.randomUUID(), identity());
		await eventually(() => expect(lost.closed).toEqual({ code: 4404, reason: 'board-not-found' }));
		expect(hub.loadedBoardCount()).toBe(0);
	});
});
