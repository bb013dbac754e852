import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, sessionCookie, whenSynced, type BoardClient } from './collab-client';
import { upgradeAnswer as upgradeAnswerAt } from '../support/upgrade';

let server: TestServer;
let workshopA: SeededWorkshop;
let workshopB: SeededWorkshop;
let ended: SeededWorkshop;
const clients: BoardClient[] = [];
const upgradeAnswer = (boardId: string, headers: { cookie?: string; origin?: string }) => upgradeAnswerAt(server.url, boardId, headers);

function connect(token: string, boardId = workshopA.boardId) {
	const client = connectBoard(server.url, boardId, token);
	clients.push(client);
	return client;
}


/** The board as it is on disk: snapshot plus later updates. */
function boardOnDisk(boardId: string) {
	const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		const doc = new Y.Doc();
		const snapshot = sqlite.prepare('SELECT state FROM board_snapshots WHERE board_id = ?').get(boardId) as { state: Buffer } | undefined;
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		for (const row of sqlite.prepare('SELECT "update" FROM board_updates WHERE board_id = ? ORDER BY id').all(boardId) as Array<{ update: Buffer }>) {
			Y.applyUpdate(doc, row.update);
		}
		return doc.getMap('notes').toJSON() as Record<string, unknown>;
	} finally {
		sqlite.close();
	}
}

beforeAll(async () => {
	server = await startServer();
	workshopA = await seedWorkshop(server.databasePath);
	workshopB = await seedWorkshop(server.databasePath);
	const now = Date.now();
	ended = await seedWorkshop(server.databasePath, { startsAt: now - 10 * 3600_000, endsAt: now - 5 * 3600_000 });
});
afterEach(() => {
	for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
	await server?.stop();
});

describe('board socket: who may connect', () => {
	it('lets the workshop’s own guest and facilitator in', async () => {
		expect(await upgradeAnswer(workshopA.boardId, { cookie: sessionCookie(workshopA.guest.token) })).toBe('open');
		expect(await upgradeAnswer(workshopA.otherBoardId, { cookie: sessionCookie(workshopA.facilitator.token) })).toBe('open');
	});

	it('refuses a guest at another workshop’s board and at a process board outside their workshop', async () => {
		expect(await upgradeAnswer(workshopB.boardId, { cookie: sessionCookie(workshopA.guest.token) })).toBe(403);
		expect(await upgradeAnswer(workshopA.otherBoardId, { cookie: sessionCookie(workshopA.guest.token) })).toBe(403);
		expect(await upgradeAnswer(workshopB.boardId, { cookie: sessionCookie(workshopA.facilitator.token) })).toBe(403);
	});

	it('refuses without a session (401), from a foreign page (403) and at an unknown board (404)', async () => {
		expect(await upgradeAnswer(workshopA.boardId, {})).toBe(401);
		expect(await upgradeAnswer(workshopA.boardId, { cookie: sessionCookie(`${workshopA.guest.id}.forged`) })).toBe(401);
		expect(
			await upgradeAnswer(workshopA.boardId, { cookie: sessionCookie(workshopA.guest.token), origin: 'https://evil.example' })
		).toBe(403);
		expect(await upgradeAnswer(crypto.randomUUID(), { cookie: sessionCookie(workshopA.facilitator.token) })).toBe(404);
	});

	it('refuses a guest and an observer once the workshop has ended and the grace period is over', async () => {
		expect(await upgradeAnswer(ended.boardId, { cookie: sessionCookie(ended.guest.token) })).toBe(403);
		expect(await upgradeAnswer(ended.boardId, { cookie: sessionCookie(ended.observer.token) })).toBe(403);
		expect(await upgradeAnswer(ended.boardId, { cookie: sessionCookie(ended.facilitator.token) })).toBe('open');
	});
});

describe('board socket: observers are read-only', () => {
	it('closes an observer who edits; the edit reaches neither the others nor the database', async () => {
		const facilitator = connect(workshopA.facilitator.token);
		const guest = connect(workshopA.guest.token);
		const observer = connect(workshopA.observer.token);
		await Promise.all([whenSynced(facilitator), whenSynced(guest), whenSynced(observer)]);

		facilitator.addNote('seen-by-all', 'Widać na rzutniku');
		await eventually(() => expect(observer.notes()['seen-by-all']).toMatchObject({ text: 'Widać na rzutniku' }));

		observer.addNote('forged', 'Obserwator próbuje pisać');
		await eventually(() => expect(observer.closes).toContainEqual({ code: 4405, reason: 'read-only' }));
		expect(observer.provider.shouldConnect).toBe(false);

		// Edits travel in order: once a later edit arrived, the observer's would have too.
		guest.addNote('after', 'Po próbie obserwatora');
		await eventually(() => expect(facilitator.notes().after).toBeDefined());
		expect(facilitator.notes().forged).toBeUndefined();
		expect(guest.notes().forged).toBeUndefined();
		const onDisk = boardOnDisk(workshopA.boardId);
		expect(onDisk.after).toBeDefined();
		expect(onDisk.forged).toBeUndefined();
	});
});
