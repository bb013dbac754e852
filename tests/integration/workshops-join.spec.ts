import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced } from './collab-client';
import { io, type Socket } from 'socket.io-client';
import { client, expectRedirect, readWorkshopLinks, sessionTokenFrom, wallClock } from './workshops-support';

// Participants join without an account; the facilitator controls the way in.
let server: TestServer;
let seeded: SeededWorkshop;
let http: ReturnType<typeof client>;
let facilitator: string;
let workshopPath = '';
let workshopId = '';

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	http = client(server);
	facilitator = seeded.facilitator.token;
	const created = await http.post(`/processes/${seeded.processId}?/createWorkshop`, facilitator, {
		title: 'Warsztat o przemocy w rodzinie',
		startsAt: wallClock(-0.5),
		endsAt: wallClock(3),
		boardIds: [seeded.boardId]
	});
	workshopPath = expectRedirect(created, /\/workshops\//);
	workshopId = workshopPath.split('/').pop()!;
});
afterAll(async () => server?.stop());

async function currentLinks() {
	return readWorkshopLinks(await (await http.get(workshopPath, facilitator)).text());
}

async function joinAsGuest(code: string, name: string) {
	const viaCode = await http.post('/join', null, { code });
	const joinPath = expectRedirect(viaCode, /^\/j\/[a-z0-9]+$/);
	const joined = await http.post(joinPath, null, { displayName: name, institution: 'MOPS w Piszu', sector: 'social_assistance' });
	expectRedirect(joined, new RegExp(`^/w/${workshopId}$`));
	const token = sessionTokenFrom(joined);
	expect(token).toBeTruthy();
	return token!;
}

async function participantId(name: string) {
	const { db, close } = openDatabase(server.databasePath);
	try {
		const row = await db.selectFrom('participants').select('id').where('display_name', '=', name).executeTakeFirstOrThrow();
		return row.id;
	} finally {
		await close();
	}
}

describe('joining a workshop', () => {
	let guest = '';

	it('takes a guest from the code through the form into the workshop', async () => {
		const { code, joinToken } = await currentLinks();
		// Typed the way people type: lower case, with a space instead of the dash.
		const viaCode = await http.post('/join', null, { code: code!.toLowerCase().replace('-', ' ') });
		expect(expectRedirect(viaCode, /^\/j\//)).toBe(`/j/${joinToken}`);

		const form = await (await http.get(`/j/${joinToken}`)).text();
		expect(form).toContain('Warsztat o przemocy w rodzinie');
		expect(form).toContain('organizacja pozarządowa');

		const incomplete = await http.post(`/j/${joinToken}`, null, { displayName: 'Maria z MOPS', institution: 'MOPS w Piszu', sector: '' });
		expect(incomplete.status).toBe(400);
		const html = await incomplete.text();
		expect(html).toContain('Wybierz sektor z listy.');
		expect(html).toContain('value="Maria z MOPS"');

		const joined = await http.post(`/j/${joinToken}`, null, { displayName: 'Maria z MOPS', institution: 'MOPS w Piszu', sector: 'social_assistance' });
		expectRedirect(joined, new RegExp(`^/w/${workshopId}$`));
		const cookie = joined.headers.getSetCookie().find((c) => c.startsWith('narada_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//);
		guest = sessionTokenFrom(joined)!;

		expect((await http.get(`/w/${workshopId}`, guest)).status).toBe(200);
		// Opening the link again on the same device goes straight in.
		expectRedirect(await http.get(`/j/${joinToken}`, guest), new RegExp(`^/w/${workshopId}$`));
		const roster = await (await http.get(workshopPath, facilitator)).text();
		expect(roster).toContain('Maria z MOPS');
		expect(roster).toContain('pomoc społeczna');
	});

	it('keeps the guest out of the process, its other boards and other workshops', async () => {
		const processPage = await http.get(`/processes/${seeded.processId}`, guest);
		expect(processPage.status).not.toBe(200);
		expectRedirect(processPage, new RegExp(`^/w/${workshopId}$`));
		expect((await http.get(workshopPath, guest)).status).not.toBe(200);
		expect((await http.get('/processes', guest)).status).not.toBe(200);
		const action = await http.post(`/processes/${seeded.processId}?/createBoard`, guest, { kind: 'ideas-wall', title: 'Tablica gościa' });
		expect(action.status).not.toBe(200);

		expect((await http.get(`/boards/${seeded.boardId}`, guest)).status).toBe(200);
		expect([403, 404]).toContain((await http.get(`/boards/${seeded.otherBoardId}`, guest)).status);
		expect([403, 404]).toContain((await http.get(`/w/${seeded.workshopId}`, guest)).status);
	});

	it('answers a wrong code with a clear message next to the field', async () => {
		const response = await http.post('/join', null, { code: 'XXXX-XXXX' });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Nie znamy takiego kodu');
		expect(html).toContain('value="XXXX-XXXX"');
	});

	it('refuses a workshop outside its time window, by code and by link', async () => {
		const past = await http.post(`/processes/${seeded.processId}?/createWorkshop`, facilitator, {
			title: 'Warsztat z zeszłego tygodnia',
			startsAt: wallClock(-170),
			endsAt: wallClock(-166),
			boardIds: [seeded.boardId]
		});
		const pastPath = expectRedirect(past, /\/workshops\//);
		const links = readWorkshopLinks(await (await http.get(pastPath, facilitator)).text());
		const byCode = await http.post('/join', null, { code: links.code! });
		expect(byCode.status).toBe(400);
		expect(await byCode.text()).toContain('warsztat jest teraz zamknięty');
		const byLink = await http.get(`/j/${links.joinToken}`);
		expect(byLink.status).toBe(403);
		expect(await byLink.text()).toContain('Warsztat jest teraz zamknięty');
		expect((await http.get(`/o/${links.observerToken}`)).status).toBe(403);
		expect((await http.get('/j/nonexistenttoken')).status).toBe(404);
	});

	it('lets an observer in read-only through the observer link', async () => {
		const { observerToken } = await currentLinks();
		const response = await http.get(`/o/${observerToken}`);
		expectRedirect(response, new RegExp(`^/w/${workshopId}$`));
		const observer = sessionTokenFrom(response)!;
		expect((await http.get(`/w/${workshopId}`, observer)).status).toBe(200);
		expectRedirect(await http.get(`/processes/${seeded.processId}`, observer), new RegExp(`^/w/${workshopId}$`));
	});

	it('regenerating makes the old code and links stop working but keeps who joined', async () => {
		const old = await currentLinks();
		const response = await http.post(`${workshopPath}?/regenerate`, facilitator, {});
		expect(response.status).toBe(200);
		const fresh = await currentLinks();
		expect(fresh.code).not.toBe(old.code);
		expect(fresh.joinToken).not.toBe(old.joinToken);
		expect(fresh.observerToken).not.toBe(old.observerToken);

		expect((await http.post('/join', null, { code: old.code! })).status).toBe(400);
		expect((await http.get(`/j/${old.joinToken}`)).status).toBe(404);
		expect((await http.get(`/o/${old.observerToken}`)).status).toBe(404);
		expect((await http.get(`/w/${workshopId}`, guest)).status).toBe(200);
		await joinAsGuest(fresh.code!, 'Tomasz z PUP');
	});

	it('removing a participant ends their session and closes their board connection', async () => {
		const { code } = await currentLinks();
		const leaving = await joinAsGuest(code!, 'Kasia do usunięcia');
		const board = connectBoard(server.url, seeded.boardId, leaving);
		const room = await joinRoom(leaving);
		try {
			await whenSynced(board);
			const removed = await http.post(`${workshopPath}?/remove`, facilitator, { participantId: await participantId('Kasia do usunięcia') });
			expect(removed.status).toBe(200);
			await eventually(() => expect(board.closes.length).toBeGreaterThan(0), 2000);
			await eventually(() => expect(room.ended).toBe(true), 2000);
		} finally {
			board.destroy();
			room.socket.disconnect();
		}
		expect((await http.get(`/w/${workshopId}`, leaving)).status).not.toBe(200);
		expect(await (await http.get(workshopPath, facilitator)).text()).not.toContain('Kasia do usunięcia');
		expect((await http.get(`/w/${workshopId}`, guest)).status).toBe(200);
	});

	it('revoking turns the links off and signs every guest out, live connections included', async () => {
		const { code, joinToken } = await currentLinks();
		const board = connectBoard(server.url, seeded.boardId, guest);
		const room = await joinRoom(guest);
		try {
			await whenSynced(board);
			expect((await http.post(`${workshopPath}?/revoke`, facilitator, {})).status).toBe(200);
			await eventually(() => expect(board.closes.length).toBeGreaterThan(0), 2000);
			await eventually(() => expect(room.ended).toBe(true), 2000);
		} finally {
			board.destroy();
			room.socket.disconnect();
		}
		expect((await http.get(`/w/${workshopId}`, guest)).status).not.toBe(200);
		expect((await http.get(`/boards/${seeded.boardId}`, guest)).status).not.toBe(200);
		expect((await http.post('/join', null, { code: code! })).status).toBe(400);
		expect((await http.get(`/j/${joinToken}`)).status).toBe(404);
		expect(readWorkshopLinks(await (await http.get(workshopPath, facilitator)).text()).code).toBeNull();
	});

	it('"leave and forget this device" ends the session on the server', async () => {
		await http.post(`${workshopPath}?/regenerate`, facilitator, {});
		const { code } = await currentLinks();
		const token = await joinAsGuest(code!, 'Gość na wspólnym laptopie');
		const left = await http.post('/leave', token, {});
		expect(left.status).toBe(200);
		expect(await left.text()).toContain('Usuwamy dane z tej przeglądarki');
		expect((await http.get(`/w/${workshopId}`, token)).status).not.toBe(200);
	});
});

/** A guest's facilitation connection in the workshop room; `ended` turns true when the server ends their session. */
async function joinRoom(token: string): Promise<{ socket: Socket; ended: boolean }> {
	const socket = io(server.url, {
		path: '/socket.io',
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { origin: server.url, cookie: `narada_session=${token}` }
	});
	const room = { socket, ended: false };
	socket.on('session:ended', () => (room.ended = true));
	const joined = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	expect(joined).toMatchObject({ ok: true });
	return room;
}
