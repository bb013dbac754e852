import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardHub } from '../../src/lib/server/collab/board-hub';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import type { DatabaseHandles } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { createBoardDatabase, FakeClient, identity } from './collab-fake-client';

const log = pino({ level: 'silent' });
let database: DatabaseHandles;
let boardId: string;

function count(table: 'board_updates' | 'board_snapshots') {
	return (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE board_id = ?`).get(boardId) as { n: number }).n;
}

beforeEach(async () => {
	({ handles: database, boardId } = await createBoardDatabase());
});
afterEach(async () => {
	await database.close();
});

describe('board update log compaction', () => {
	it('folds the log into a snapshot by count and on unload; the board reloads identical', async () => {
		const hub = new BoardHub({ store: createBoardUpdateStore(database.sqlite), log, idleMs: 20, compactEvery: 10 });
		const writer = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(writer.synced).toBe(true));

		for (let i = 0; i < 25; i++) {
			writer.addNote(`n${i}`, `Pomysł ${i}`);
			if (i % 3 === 0) writer.doc.getMap('notes').delete(`n${i}`);
			await new Promise((resolve) => setImmediate(resolve)); // one tick per edit: many log rows
		}
		await eventually(() => expect(count('board_snapshots')).toBe(1));
		const expected = writer.notes();
		const expectedState = Y.encodeStateVector(writer.doc);

		writer.leave();
		await eventually(() => expect(hub.loadedBoardCount()).toBe(0));
		expect(count('board_updates')).toBe(0);

		const reader = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(reader.synced).toBe(true));
		expect(reader.notes()).toEqual(expected);
		expect(Y.encodeStateVector(reader.doc)).toEqual(expectedState);

		// And a board loaded from snapshot plus later updates stays whole.
		reader.addNote('later', 'Po kompaktowaniu');
		await eventually(() => expect(count('board_updates')).toBe(1));
		const direct = new Y.Doc();
		Y.applyUpdate(direct, await hub.getBoardStateUpdate(boardId));
		expect(direct.getMap('notes').toJSON()).toEqual(reader.notes());
		await hub.close();
		expect(count('board_updates')).toBe(0);
	});
});
