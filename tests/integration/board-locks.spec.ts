import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_CLOSE, shouldReconnectCollab } from '../../src/lib/collab/close-codes';
import { openDatabase } from '../../src/lib/server/db/index';
import { listWorkshopLog } from '../../src/lib/server/facilitation/workshop-log';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { browserSocket, sessionCookie, whenSynced, type BoardClient } from './collab-client';
import { facilitationSocket } from '../support/facilitation-socket';

let server: TestServer;
const sockets: Socket[] = [];
const clients: BoardClient[] = [];

beforeAll(async () => {
	server = await startServer();
});
afterEach(() => {
	for (const client of clients.splice(0)) client.destroy();
	for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
	await server?.stop();
});

/** A y-websocket client that reconnects the way the browser does (shouldReconnectCollab). */
function boardClient(boardId: string, token: string): BoardClient {
	const doc = new Y.Doc();
	const closes: BoardClient['closes'] = [];
	const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/collab`, boardId, doc, {
		WebSocketPolyfill: browserSocket({ cookie: sessionCookie(token), origin: server.url }) as unknown as typeof WebSocket,
		disableBc: true,
		shouldReconnect: (event) => shouldReconnectCollab(event)
	});
	provider.on('connection-close', (event) => {
		if (event) closes.push({ code: event.code, reason: event.reason });
	});
	const notes = doc.getMap<Y.Map<unknown>>('notes');
	const client: BoardClient = {
		doc,
		provider,
		closes,
		notes: () => notes.toJSON() as Record<string, Record<string, unknown>>,
		addNote(id, text) {
			doc.transact(() => {
				const note = new Y.Map<unknown>();
				note.set('text', text);
				notes.set(id, note);
			});
		},
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
	clients.push(client);
	return client;
}

/** A workshop connection (socket.io) that keeps the last lock state it heard. */
async function joined(token: string, workshopId: string) {
	const socket = facilitationSocket(server.url, token);
	sockets.push(socket);
	const member = { socket, ack: null as any, lockedBoardIds: null as string[] | null };
	socket.on('lock:state', (state: { lockedBoardIds: string[] }) => (member.lockedBoardIds = state.lockedBoardIds));
	member.ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	member.lockedBoardIds ??= member.ack.data?.locks?.lockedBoardIds ?? null;
	return member;
}

function setLock(socket: Socket, payload: unknown): Promise<any> {
	return socket.timeout(5000).emitWithAck('lock:set', payload);
}

const lockedClose = { code: COLLAB_CLOSE['board-locked'], reason: 'board-locked' };

describe('board locks', () => {
	it("refuses a participant's edit on a locked board by closing, keeps it on the laptop, and takes it after the unlock", async () => {
		const w = await seedWorkshop(server.databasePath);
		const facilitator = await joined(w.facilitator.token, w.workshopId);
		const author = boardClient(w.boardId, w.facilitator.token);
		const participant = boardClient(w.boardId, w.guest.token);
		const colleague = boardClient(w.boardId, w.secondGuest.token);
		await Promise.all([whenSynced(author), whenSynced(participant), whenSynced(colleague)]);

		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: true });
		await eventually(() => expect(facilitator.lockedBoardIds).toEqual([w.boardId]));

		participant.addNote('kept', 'Dopisane w ostatniej chwili');
		await eventually(() => expect(participant.closes).toEqual([lockedClose]));
		// It reconnects (the close is not final) and is not closed again just for syncing.
		await eventually(() => expect(participant.provider.synced).toBe(true));

		// The facilitator keeps editing, and everyone — the refused laptop too — sees it.
		author.addNote('by-facilitator', 'Podsumowanie prowadzącej');
		await eventually(() => {
			expect(participant.notes()['by-facilitator']?.text).toBe('Podsumowanie prowadzącej');
			expect(colleague.notes()['by-facilitator']?.text).toBe('Podsumowanie prowadzącej');
		});
		// The refused edit reached no one, and the server does not have it: a fresh client sees none of it.
		const fresh = boardClient(w.boardId, w.facilitator.token);
		await whenSynced(fresh);
		expect(Object.keys(fresh.notes())).toEqual(['by-facilitator']);
		expect(colleague.notes().kept).toBeUndefined();
		expect(participant.notes().kept?.text).toBe('Dopisane w ostatniej chwili');
		expect(participant.closes).toEqual([lockedClose]);

		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: false })).toEqual({ ok: true });
		await eventually(() => expect(facilitator.lockedBoardIds).toEqual([]));
		// The server asks for what stayed on the laptop: it arrives without anyone typing again.
		await eventually(() => {
			expect(colleague.notes().kept?.text).toBe('Dopisane w ostatniej chwili');
			expect(author.notes().kept?.text).toBe('Dopisane w ostatniej chwili');
		});
		expect(participant.closes).toEqual([lockedClose]);
		// And it edits normally again.
		participant.addNote('after', 'Po odblokowaniu');
		await eventually(() => expect(author.notes().after?.text).toBe('Po odblokowaniu'));
		expect(participant.closes).toEqual([lockedClose]);
	});

	it('does not close a participant who only reads a locked board, and lets an offline edit wait for the unlock', async () => {
		const w = await seedWorkshop(server.databasePath);
		const facilitator = await joined(w.facilitator.token, w.workshopId);
		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: true });

		// A laptop that edited while away comes back to a locked board with the edit in its doc.
		const doc = new Y.Doc();
		doc.getMap<Y.Map<unknown>>('notes').set('offline', new Y.Map([['text', 'Zapisane w pociągu']]));
		const participant = boardClient(w.boardId, w.guest.token);
		Y.applyUpdate(participant.doc, Y.encodeStateAsUpdate(doc));
		const author = boardClient(w.boardId, w.facilitator.token);
		await Promise.all([whenSynced(participant), whenSynced(author)]);
		author.addNote('live', 'Na żywo');
		await eventually(() => expect(participant.notes().live?.text).toBe('Na żywo'));
		expect(participant.closes).toEqual([]);
		expect(author.notes().offline).toBeUndefined();

		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: false })).toEqual({ ok: true });
		await eventually(() => expect(author.notes().offline?.text).toBe('Zapisane w pociągu'));
		expect(participant.closes).toEqual([]);
	});

	it("refuses a participant's or observer's lock command and changes nothing", async () => {
		const w = await seedWorkshop(server.databasePath);
		const participant = await joined(w.guest.token, w.workshopId);
		const observer = await joined(w.observer.token, w.workshopId);
		for (const member of [participant, observer]) {
			expect(await setLock(member.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: false, error: 'forbidden' });
			expect(member.socket.connected).toBe(true);
		}
		const editor = boardClient(w.boardId, w.guest.token);
		await whenSynced(editor);
		editor.addNote('n', 'Nadal mogę pisać');
		const reader = boardClient(w.boardId, w.facilitator.token);
		await eventually(() => expect(reader.notes().n?.text).toBe('Nadal mogę pisać'));
		expect(editor.closes).toEqual([]);
		const late = await joined(w.facilitator.token, w.workshopId);
		expect(late.ack.data.locks).toEqual({ lockedBoardIds: [] });
		const { db, close } = openDatabase(server.databasePath);
		try {
			expect(await listWorkshopLog(db, w.workshopId)).toEqual([]);
		} finally {
			await close();
		}
	});

	it('refuses bad payloads and boards outside the workshop', async () => {
		const w = await seedWorkshop(server.databasePath);
		const facilitator = await joined(w.facilitator.token, w.workshopId);
		for (const payload of [{}, { boardId: 'x', locked: true }, { boardId: w.boardId, locked: 'yes' }, { boardId: w.boardId, locked: true, extra: 1 }, 'lock']) {
			expect(await setLock(facilitator.socket, payload)).toEqual({ ok: false, error: 'invalid-payload' });
		}
		expect(await setLock(facilitator.socket, { boardId: w.otherBoardId, locked: true })).toEqual({ ok: false, error: 'not-found' });
		expect(facilitator.socket.connected).toBe(true);
		expect(facilitator.lockedBoardIds).toEqual([]);
	});

	it('gives late joiners the lock at once, logs it, and takes a restore point before locking', async () => {
		const w = await seedWorkshop(server.databasePath);
		const facilitator = await joined(w.facilitator.token, w.workshopId);
		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: true });
		// Locking again changes nothing and logs nothing.
		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: true });

		const late = await joined(w.guest.token, w.workshopId);
		expect(late.ack.data.locks).toEqual({ lockedBoardIds: [w.boardId] });
		const observer = await joined(w.observer.token, w.workshopId);
		expect(observer.ack.data.locks).toEqual({ lockedBoardIds: [w.boardId] });

		const { db, sqlite, close } = openDatabase(server.databasePath);
		try {
			const log = await listWorkshopLog(db, w.workshopId);
			expect(log.map((entry) => [entry.actor, entry.action, entry.detail])).toEqual([[w.userId, 'lock:set', { boardId: w.boardId, locked: true }]]);
			const points = sqlite.prepare('SELECT reason, created_by FROM board_restore_points WHERE board_id = ?').all(w.boardId);
			expect(points).toEqual([{ reason: 'before-lock', created_by: w.userId }]);
		} finally {
			await close();
		}
	});

	it('keeps the lock across a server restart', async () => {
		const w: SeededWorkshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(w.facilitator.token, w.workshopId);
		expect(await setLock(facilitator.socket, { boardId: w.boardId, locked: true })).toEqual({ ok: true });
		facilitator.socket.disconnect();

		await server.restart();

		const late = await joined(w.guest.token, w.workshopId);
		expect(late.ack.data.locks).toEqual({ lockedBoardIds: [w.boardId] });
		const participant = boardClient(w.boardId, w.guest.token);
		await whenSynced(participant);
		participant.addNote('after-restart', 'Próba po restarcie');
		await eventually(() => expect(participant.closes[0]).toEqual(lockedClose));
		const reader = boardClient(w.boardId, w.facilitator.token);
		await whenSynced(reader);
		expect(reader.notes()['after-restart']).toBeUndefined();
	});
});
