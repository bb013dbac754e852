import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardHub, type BoardPersistence } from '../../src/lib/server/collab/board-hub';
import { createBoardUpdateStore, type StoredBoard } from '../../src/lib/server/db/board-updates';
import type { DatabaseHandles } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { createBoardDatabase, FakeClient, identity } from './collab-fake-client';

const log = pino({ level: 'silent' });
const lockedClose = { code: 4423, reason: 'board-locked' };
const facilitator = () => identity({ presence: { id: crypto.randomUUID(), name: 'Anna', role: 'facilitator', institution: null, sector: null } });
let database: DatabaseHandles;
let boardId: string;
let hubs: BoardHub[] = [];

function hubWith(store: BoardPersistence) {
	const hub = new BoardHub({ store, log, idleMs: 60_000 });
	hubs.push(hub);
	return hub;
}

beforeEach(async () => {
	({ handles: database, boardId } = await createBoardDatabase());
});
afterEach(async () => {
	for (const hub of hubs.splice(0)) await hub.close();
	await database.close();
});

describe('BoardHub board locks', () => {
	it('reads the lock when the board loads, and closes a participant that writes, not a facilitator', async () => {
		const hub = hubWith({ ...createBoardUpdateStore(database.sqlite), isLocked: () => true });
		const writer = new FakeClient(hub, boardId, facilitator());
		const participant = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(writer.synced && participant.synced).toBe(true));

		writer.addNote('f', 'Prowadząca pisze');
		await eventually(() => expect(participant.notes().f).toEqual({ text: 'Prowadząca pisze' }));
		participant.addNote('p', 'Uczestnik próbuje');
		await eventually(() => expect(participant.closed).toEqual(lockedClose));
		expect(writer.notes().p).toBeUndefined();
		expect(writer.closed).toBeNull();
	});

	it('lets a lock set while the board is loading win over the value it read', async () => {
		const store = createBoardUpdateStore(database.sqlite);
		let finishLoading!: () => void;
		const hub = hubWith({
			...store,
			isLocked: () => false,
			load: (id) => new Promise<StoredBoard | null>((resolve) => (finishLoading = () => resolve(store.load(id))))
		});
		const participant = new FakeClient(hub, boardId, identity());
		hub.setBoardLocked(boardId, true);
		finishLoading();
		await eventually(() => expect(participant.synced).toBe(true));
		participant.addNote('p', 'Za późno');
		await eventually(() => expect(participant.closed).toEqual(lockedClose));
	});

	it('does not ask a participant for its content while locked, and asks once the board is unlocked', async () => {
		const hub = hubWith({ ...createBoardUpdateStore(database.sqlite), isLocked: () => true });
		const reader = new FakeClient(hub, boardId, facilitator());
		// A laptop that comes back with an edit made while away (y-indexeddb holds it).
		const offline = new Y.Doc();
		offline.getMap('notes').set('kept', 'z laptopa');
		const participant = new FakeClient(hub, boardId, identity(), offline);
		await eventually(() => expect(reader.synced && participant.synced).toBe(true));
		reader.addNote('f', 'Prowadząca pisze');
		await eventually(() => expect(participant.notes().f).toEqual({ text: 'Prowadząca pisze' }));
		expect(participant.closed).toBeNull();
		expect(reader.notes().kept).toBeUndefined();

		hub.setBoardLocked(boardId, false);
		await eventually(() => expect(reader.notes().kept).toBe('z laptopa'));
		expect(participant.closed).toBeNull();
	});
});
