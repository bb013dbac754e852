import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, listNotes } from '../../src/lib/domain/ideas-wall';
import { BoardHub } from '../../src/lib/server/collab/board-hub';
import { setBoardHub } from '../../src/lib/server/collab/hub-registry';
import type { AppContext } from '../../src/lib/server/context';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import type { DatabaseHandles } from '../../src/lib/server/db/index';
import {
	RESTORE_POINTS_KEPT,
	createRestorePoint,
	listRestorePoints,
	restoreBoard,
	watchBoardActivity
} from '../../src/lib/server/restore-points';
import { eventually } from '../support/eventually';
import { createBoardDatabase } from '../unit/collab-fake-client';

const HOUR = 3600_000;
let database: DatabaseHandles;
let boardId: string;
let hub: BoardHub;
let context: AppContext;
let clock: number;
let stopWatching: () => void;

/** An edit the way a participant's client would send it, applied through the hub (stored, then broadcast). */
async function edit(change: (doc: Y.Doc) => void) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await hub.getBoardStateUpdate(boardId));
	const before = Y.encodeStateVector(doc);
	change(doc);
	await hub.applyServerUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
}

async function boardNotes() {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await hub.getBoardStateUpdate(boardId));
	return listNotes(doc);
}

beforeEach(async () => {
	({ handles: database, boardId } = await createBoardDatabase());
	const log = pino({ level: 'silent' });
	hub = new BoardHub({ store: createBoardUpdateStore(database.sqlite), log, idleMs: 60_000 });
	context = { sqlite: database.sqlite, db: database.db, log } as unknown as AppContext;
	setBoardHub(context, hub);
	clock = Date.parse('2026-03-10T10:00:00Z');
	stopWatching = watchBoardActivity(hub, context, { clock: () => clock });
});
afterEach(async () => {
	stopWatching();
	await hub.close();
	await database.close();
});

describe('restore points', () => {
	it('are taken when a board is edited and its newest point is an hour old, not more often', async () => {
		await edit((doc) => addNote(doc, { id: 'a', text: 'Brak koordynacji', x: 0, y: 0, color: 'yellow', createdBy: 'Jan' }));
		await eventually(() => expect(listRestorePoints(context, boardId)).toHaveLength(1));

		clock += 59 * 60_000;
		await edit((doc) => addNote(doc, { id: 'b', text: 'Kolejki do terapeuty', x: 0, y: 0, color: 'yellow', createdBy: 'Jan' }));
		clock += 60_000 - 1;
		await edit((doc) => deleteNote(doc, 'a'));
		expect(listRestorePoints(context, boardId)).toHaveLength(1);

		clock += 1;
		await edit((doc) => addNote(doc, { id: 'c', text: 'Mało mieszkań', x: 0, y: 0, color: 'yellow', createdBy: 'Jan' }));
		await eventually(() => expect(listRestorePoints(context, boardId)).toHaveLength(2));
		expect(listRestorePoints(context, boardId).map((p) => p.reason)).toEqual(['activity', 'activity']);
	});

	it('count a point taken before a lock, so activity right after it does not take another', async () => {
		await createRestorePoint(context, boardId, 'before-lock', null, clock);
		await edit((doc) => addNote(doc, { id: 'a', text: 'Po przerwie', x: 0, y: 0, color: 'yellow', createdBy: 'Jan' }));
		expect(listRestorePoints(context, boardId).map((p) => p.reason)).toEqual(['before-lock']);
	});

	it('keep only the newest points per board', async () => {
		for (let i = 0; i < RESTORE_POINTS_KEPT + 5; i++) await createRestorePoint(context, boardId, 'manual', null, clock + i);
		const points = listRestorePoints(context, boardId);
		expect(points).toHaveLength(RESTORE_POINTS_KEPT);
		expect(points[0].createdAt).toBe(clock + RESTORE_POINTS_KEPT + 4);
		expect(points.at(-1)!.createdAt).toBe(clock + 5);
	});

	it('restore a board, keeping the state just before as a point so the restore can be undone', async () => {
		database.sqlite
			.prepare("INSERT INTO users (id, email, name, password_hash, role, created_at) VALUES ('user-1', 'anna@example.org', 'Anna', 'x', 'facilitator', 0)")
			.run();
		await edit((doc) => {
			for (const id of ['a', 'b', 'c']) addNote(doc, { id, text: `Notatka ${id}`, x: 0, y: 0, color: 'green', createdBy: 'Jan' });
		});
		const point = await createRestorePoint(context, boardId, 'manual', null, clock);
		const earlier = await boardNotes();
		await edit((doc) => ['a', 'b'].forEach((id) => deleteNote(doc, id)));

		expect(await restoreBoard(context, boardId, point.id, 'user-1')).toBe('restored');
		expect(await boardNotes()).toEqual(earlier);
		const [undoPoint] = listRestorePoints(context, boardId);
		expect(undoPoint.reason).toBe('before-restore');
		expect(undoPoint.createdBy).toBe('user-1');

		expect(await restoreBoard(context, boardId, undoPoint.id, 'user-1')).toBe('restored');
		expect((await boardNotes()).map((n) => n.id)).toEqual(['c']);
		expect(await restoreBoard(context, boardId, undoPoint.id, 'user-1')).toBe('unchanged');
		expect(await restoreBoard(context, boardId, 'no-such-point', 'user-1')).toBe('not-found');
	});
});
