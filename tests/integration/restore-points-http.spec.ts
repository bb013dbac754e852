import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, deleteNote, listNotes } from '../../src/lib/domain/ideas-wall';
import { SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { FormClient } from './auth-helpers';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

let server: TestServer;
let seeded: SeededWorkshop;
let facilitator: FormClient;
let guest: FormClient;
let writer: BoardClient;
let reader: BoardClient;

const TEXTS = ['Brak koordynacji między instytucjami', 'Długi czas oczekiwania na terapię', 'Mało mieszkań chronionych', 'Przemoc w rodzinie ukryta', 'Brak świetlic w gminach', 'Za mało asystentów rodziny'];

function signedIn(token: string): FormClient {
	const client = new FormClient(server.url);
	client.cookies.set(SESSION_COOKIE, token);
	return client;
}

function pointIds(reason: string): string[] {
	const sqlite = new BetterSqlite3(server.databasePath, { readonly: true });
	try {
		const rows = sqlite.prepare('SELECT id FROM board_restore_points WHERE board_id = ? AND reason = ? ORDER BY created_at').all(seeded.boardId, reason);
		return (rows as Array<{ id: string }>).map((row) => row.id);
	} finally {
		sqlite.close();
	}
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	facilitator = signedIn(seeded.facilitator.token);
	guest = signedIn(seeded.guest.token);
	writer = connectBoard(server.url, seeded.boardId, seeded.guest.token);
	reader = connectBoard(server.url, seeded.boardId, seeded.secondGuest.token);
	await Promise.all([whenSynced(writer), whenSynced(reader)]);
});
afterAll(async () => {
	writer?.destroy();
	reader?.destroy();
	await server?.stop();
});

describe('board history: restore points over HTTP', () => {
	const historyPath = () => `/boards/${seeded.boardId}/history`;

	it('restores a board half deleted by a participant, and every connected client sees the notes come back', async () => {
		TEXTS.forEach((text, i) => addNote(writer.doc, { id: `n${i}`, text, x: i * 200, y: 100, color: 'yellow', createdBy: 'Jan z PCPR' }));
		await eventually(() => expect(listNotes(reader.doc)).toHaveLength(TEXTS.length));
		const earlier = listNotes(reader.doc);
		// The first stored edit of the day took a restore point by itself.
		await eventually(() => expect(pointIds('activity')).toHaveLength(1));

		expect((await facilitator.post(`${historyPath()}?/create`, {})).status).toBe(200);
		const [pointId] = pointIds('manual');
		const preview = await facilitator.get(`${historyPath()}?point=${pointId}`);
		expect(preview.status).toBe(200);
		const previewHtml = await preview.text();
		for (const text of TEXTS) expect(previewHtml).toContain(text);
		expect(previewHtml).toContain('Przywróć ten stan');

		for (const id of ['n0', 'n1', 'n2']) deleteNote(writer.doc, id, 'participant');
		await eventually(() => expect(listNotes(reader.doc)).toHaveLength(3));

		// Without JavaScript the form posts to the page of the chosen point, which shows the error by the checkbox.
		const unconfirmed = await facilitator.post(`${historyPath()}?point=${pointId}&/restore`, { pointId });
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Zaznacz potwierdzenie, aby przywrócić ten stan.');
		expect(listNotes(reader.doc)).toHaveLength(3);

		const restored = await facilitator.post(`${historyPath()}?point=${pointId}&/restore`, { pointId, confirm: 'on' });
		expect(restored.status).toBe(200);
		expect(await restored.text()).toContain('Przywrócono tablicę do stanu z');
		await eventually(() => {
			expect(listNotes(reader.doc)).toEqual(earlier);
			expect(listNotes(writer.doc)).toEqual(earlier);
		});
		expect(pointIds('before-restore')).toHaveLength(1);

		// The clients keep working on the restored board: nothing forked.
		addNote(reader.doc, { id: 'after', text: 'Nowa po przywróceniu', x: 0, y: 400, color: 'green', createdBy: 'Ewa ze szkoły' });
		await eventually(() => expect(listNotes(writer.doc).map((n) => n.id)).toContain('after'));
	});

	it('keeps guests out of the history page and its actions', async () => {
		const [pointId] = pointIds('before-restore');
		const before = listNotes(reader.doc);

		expect((await guest.get(historyPath())).status).toBe(403);
		expect((await guest.get(`${historyPath()}?point=${pointId}`)).status).toBe(403);
		expect((await guest.post(`${historyPath()}?/restore`, { pointId, confirm: 'on' })).status).toBe(403);
		expect((await guest.post(`${historyPath()}?/create`, {})).status).toBe(403);
		const stranger = await new FormClient(server.url).get(historyPath());
		expect(stranger.status).toBe(303);
		expect(stranger.headers.get('location')).toMatch(/^\/login/);

		expect(listNotes(reader.doc)).toEqual(before);
		expect(pointIds('manual')).toHaveLength(1);
	});

	it('shows the history link on the board page to facilitators only', async () => {
		expect(await (await facilitator.get(`/boards/${seeded.boardId}`)).text()).toContain(`href="/boards/${seeded.boardId}/history"`);
		expect(await (await guest.get(`/boards/${seeded.boardId}`)).text()).not.toContain('/history');
	});
});
