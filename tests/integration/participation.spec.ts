import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createSession } from '../../src/lib/server/auth/sessions';
import { listWorkshopLog } from '../../src/lib/server/facilitation/workshop-log';
import type { HandsJoinState, HandsState } from '../../src/lib/realtime/hands-contract';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced } from './collab-client';
import { client, expectRedirect, sessionTokenFrom } from './workshops-support';
import { facilitationSocket, sendCommand } from '../support/facilitation-socket';
import { withDatabase, type TestDb } from '../support/database';

// Issue 7's roster part: raised hands, the optional gender at join, the summary, the attendance list, anonymising.
let server: TestServer;
let http: ReturnType<typeof client>;
const sockets: Socket[] = [];

beforeAll(async () => {
	server = await startServer();
	http = client(server);
});

afterAll(async () => {
	for (const socket of sockets) socket.disconnect();
	await server?.stop();
});

interface RoomClient {
	socket: Socket;
	hands: HandsState;
	selfId: string;
	ended: boolean;
}

async function joinRoom(token: string, workshopId: string): Promise<RoomClient> {
	const socket = facilitationSocket(server.url, token);
	sockets.push(socket);
	const room: RoomClient = { socket, hands: { raised: [] }, selfId: '', ended: false };
	socket.on('hands:state', (state: HandsState) => (room.hands = state));
	socket.on('session:ended', () => (room.ended = true));
	const ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	expect(ack).toMatchObject({ ok: true });
	const joined = ack.data.hands as HandsJoinState;
	room.hands = { raised: joined.raised };
	room.selfId = joined.selfId;
	return room;
}

const send = sendCommand;
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(server.databasePath, run);

const names = (room: RoomClient) => room.hands.raised.map((hand) => hand.name);


async function joinToken(workshopId: string): Promise<string> {
	return withDb(async (db) => (await db.selectFrom('workshops').select('join_token').where('id', '=', workshopId).executeTakeFirstOrThrow()).join_token!);
}

/** A guest joins through the real join form; returns their session token. */
async function joinByForm(workshopId: string, fields: Record<string, string>): Promise<Response> {
	return http.post(`/j/${await joinToken(workshopId)}`, null, { institution: 'MOPS w Piszu', sector: 'social_assistance', ...fields });
}

/** Reads the stored (uncompressed) entries of the XLSX's ZIP. */
function unzipStored(archive: Uint8Array): Map<string, string> {
	const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
	const end = archive.length - 22;
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const files = new Map<string, string>();
	const decoder = new TextDecoder();
	for (let i = 0; i < count; i++) {
		const size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
		const local = view.getUint32(at + 42, true);
		const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
		files.set(name, decoder.decode(archive.subarray(start, start + size)));
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	}
	return files;
}

function sheetCells(xml: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of xml.matchAll(/<c r="([A-Z]+\d+)" t="inlineStr"(?: s="\d+")?><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g)) {
		found.set(match[1], match[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
	}
	return found;
}

describe('raised hands', () => {
	let seeded: SeededWorkshop;
	beforeAll(async () => {
		seeded = await seedWorkshop(server.databasePath);
	});

	it('lists hands in the order they went up; each lowers their own, the facilitator anyone’s', async () => {
		const facilitator = await joinRoom(seeded.facilitator.token, seeded.workshopId);
		const jan = await joinRoom(seeded.guest.token, seeded.workshopId);
		const ewa = await joinRoom(seeded.secondGuest.token, seeded.workshopId);

		expect(await send(jan.socket, 'hand:raise')).toEqual({ ok: true });
		await eventually(() => expect(names(facilitator)).toEqual(['Jan z PCPR']));
		expect(await send(ewa.socket, 'hand:raise')).toEqual({ ok: true });
		// Raising again keeps Jan's place at the front.
		expect(await send(jan.socket, 'hand:raise')).toEqual({ ok: true });
		await eventually(() => expect(names(facilitator)).toEqual(['Jan z PCPR', 'Ewa ze szkoły']));
		await eventually(() => expect(names(ewa)).toEqual(['Jan z PCPR', 'Ewa ze szkoły']));

		// A participant cannot lower someone else's hand; nothing changes.
		expect(await send(ewa.socket, 'hand:lower-for', { personId: jan.selfId })).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(ewa.socket, 'hand:lower', { personId: jan.selfId })).toEqual({ ok: false, error: 'invalid-payload' });
		expect(await send(jan.socket, 'hand:lower-for', { personId: 42 })).toEqual({ ok: false, error: 'invalid-payload' });

		// A late joiner sees the hands at once.
		const observer = await joinRoom(seeded.observer.token, seeded.workshopId);
		expect(names(observer)).toEqual(['Jan z PCPR', 'Ewa ze szkoły']);
		expect(await send(observer.socket, 'hand:raise')).toEqual({ ok: false, error: 'forbidden' });

		expect(await send(facilitator.socket, 'hand:lower-for', { personId: jan.selfId })).toEqual({ ok: true });
		await eventually(() => expect(names(jan)).toEqual(['Ewa ze szkoły']));
		expect(await send(facilitator.socket, 'hand:lower-for', { personId: jan.selfId })).toEqual({ ok: false, error: 'not-found' });
		const log = await withDb((db) => listWorkshopLog(db as never, seeded.workshopId));
		expect(log.filter((entry) => entry.action === 'hand:lower-for')).toEqual([expect.objectContaining({ actor: seeded.userId, detail: { personId: jan.selfId } })]);

		expect(await send(ewa.socket, 'hand:lower')).toEqual({ ok: true });
		await eventually(() => expect(names(facilitator)).toEqual([]));
		for (const room of [facilitator, jan, ewa, observer]) room.socket.disconnect();
	});

	it('drops the hand of someone who leaves, but not while another tab of theirs stays', async () => {
		const facilitator = await joinRoom(seeded.facilitator.token, seeded.workshopId);
		const firstTab = await joinRoom(seeded.guest.token, seeded.workshopId);
		const secondTab = await joinRoom(seeded.guest.token, seeded.workshopId);
		expect(await send(firstTab.socket, 'hand:raise')).toEqual({ ok: true });
		await eventually(() => expect(names(facilitator)).toEqual(['Jan z PCPR']));

		firstTab.socket.disconnect();
		expect(await send(secondTab.socket, 'hand:raise')).toEqual({ ok: true });
		expect(names(facilitator)).toEqual(['Jan z PCPR']);
		secondTab.socket.disconnect();
		await eventually(() => expect(names(facilitator)).toEqual([]));
		facilitator.socket.disconnect();
	});
});

describe('optional gender at join', () => {
	it('stores the answer from the join form, nothing when not given, and refuses anything else', async () => {
		const seeded = await seedWorkshop(server.databasePath);
		const woman = await joinByForm(seeded.workshopId, { displayName: 'Maria Nowak', gender: 'woman' });
		expectRedirect(woman, new RegExp(`^/w/${seeded.workshopId}$`));
		expectRedirect(await joinByForm(seeded.workshopId, { displayName: 'Piotr Wiśniewski', gender: 'man' }), /^\/w\//);
		expectRedirect(await joinByForm(seeded.workshopId, { displayName: 'Bez odpowiedzi', gender: '' }), /^\/w\//);
		expectRedirect(await joinByForm(seeded.workshopId, { displayName: 'Bez pola' }), /^\/w\//);

		const refused = await joinByForm(seeded.workshopId, { displayName: 'Ktoś inny', gender: 'other' });
		expect(refused.status).toBe(400);
		expect(sessionTokenFrom(refused)).toBeNull();
		expect(await refused.text()).toContain('id="gender-error"');

		const stored = await withDb((db) =>
			db.selectFrom('participants').select(['display_name', 'gender']).where('workshop_id', '=', seeded.workshopId).orderBy('joined_at').execute()
		);
		expect(Object.fromEntries(stored.map((row) => [row.display_name, row.gender]))).toEqual({
			'Jan z PCPR': null,
			'Ewa ze szkoły': null,
			'Maria Nowak': 'woman',
			'Piotr Wiśniewski': 'man',
			'Bez odpowiedzi': null,
			'Bez pola': null
		});
	});
});

describe('summary, attendance list and anonymising', () => {
	let seeded: SeededWorkshop;
	let summaryPath = '';

	beforeAll(async () => {
		seeded = await seedWorkshop(server.databasePath);
		summaryPath = `/w/${seeded.workshopId}/summary`;
		await joinByForm(seeded.workshopId, { displayName: 'Maria Nowak', institution: 'Szkoła Podstawowa nr 1', sector: 'education', gender: 'woman' });
		await joinByForm(seeded.workshopId, { displayName: '=HYPERLINK("http://zly.example","klik")', institution: 'KPP w Piszu', sector: 'police', gender: 'man' });
		const facilitator = await joinRoom(seeded.facilitator.token, seeded.workshopId);
		expect(await send(facilitator.socket, 'agenda:add', { title: 'Powitanie i zasady', boardId: null, activity: 'discussion', plannedMinutes: 10 })).toEqual({ ok: true });
		facilitator.socket.disconnect();
	});

	it('shows the facilitator the counts by sector, institution and women/men, and the steps', async () => {
		const page = await http.get(summaryPath, seeded.facilitator.token);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toMatch(/data-testid="summary-participants"[^>]*>4</);
		expect(html).toContain('pomoc społeczna');
		expect(html).toContain('PCPR w Piszu');
		expect(html).toContain('Szkoła Podstawowa nr 1');
		expect(html).toMatch(/Kobiety<\/td><td class="num[^"]*">1</);
		expect(html).toMatch(/Mężczyźni<\/td><td class="num[^"]*">1</);
		expect(html).toMatch(/Nie podano<\/td><td class="num[^"]*">2</);
		expect(html).toContain('Powitanie i zasady');
		expect(html).toContain('nie rozpoczęto');
		expect(html).toContain('W tym warsztacie nie było głosowań.');
	});

	it('refuses the summary and the exports to participants, observers and strangers', async () => {
		const stranger = await withDb(async (db) => {
			const id = crypto.randomUUID();
			await db.insertInto('users').values({ id, email: `s-${id}@example.org`, name: 'Obca', password_hash: 'x', role: 'facilitator', created_at: Date.now() }).execute();
			return (await createSession(db, { kind: 'user', userId: id, expiresAt: Date.now() + 3600_000 })).token;
		});
		for (const path of [summaryPath, `/w/${seeded.workshopId}/attendance.xlsx`, `/w/${seeded.workshopId}/attendance.pdf`]) {
			expect((await http.get(path, seeded.guest.token)).status, path).toBe(403);
			expect((await http.get(path, seeded.observer.token)).status, path).toBe(403);
			expect((await http.get(path, stranger)).status, path).toBe(404);
		}
		const refused = await http.post(`${summaryPath}?/anonymise`, seeded.guest.token, { confirm: 'yes' });
		expect(refused.status).toBe(403);
		const names = await withDb((db) => db.selectFrom('participants').select('display_name').where('workshop_id', '=', seeded.workshopId).execute());
		expect(names.map((n) => n.display_name)).toContain('Maria Nowak');
	});

	it('exports the attendance list to XLSX, a formula-looking name kept as text', async () => {
		const response = await http.get(`/w/${seeded.workshopId}/attendance.xlsx?signature=1`, seeded.facilitator.token);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('spreadsheetml');
		expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="lista-obecnosci-\d{4}-\d{2}-\d{2}\.xlsx"/);
		const cells = sheetCells(unzipStored(new Uint8Array(await response.arrayBuffer())).get('xl/worksheets/sheet1.xml')!);
		expect(cells.get('A1')).toBe('Lista obecności');
		expect(cells.get('A2')).toBe('Warsztat w Piszu');
		const headerRow = [...cells].find(([, text]) => text === 'Lp.')![0].slice(1);
		expect(['A', 'B', 'C', 'D', 'E', 'F'].map((col) => cells.get(`${col}${headerRow}`))).toEqual([
			'Lp.',
			'Imię i nazwisko',
			'Instytucja',
			'Sektor',
			'Czas dołączenia',
			'Podpis'
		]);
		const rows = [1, 2, 3, 4].map((n) => ['A', 'B', 'C', 'D'].map((col) => cells.get(`${col}${Number(headerRow) + n}`)));
		expect(rows.map((row) => row[1])).toEqual(['Jan z PCPR', 'Ewa ze szkoły', 'Maria Nowak', "'=HYPERLINK(\"http://zly.example\",\"klik\")"]);
		expect(rows[2]).toEqual(['3.', 'Maria Nowak', 'Szkoła Podstawowa nr 1', 'oświata']);
		expect(cells.get(`E${Number(headerRow) + 1}`)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		expect(cells.get(`F${Number(headerRow) + 1}`) ?? '').toBe('');

		const plain = sheetCells(unzipStored(new Uint8Array(await (await http.get(`/w/${seeded.workshopId}/attendance.xlsx`, seeded.facilitator.token)).arrayBuffer())).get('xl/worksheets/sheet1.xml')!);
		expect([...plain.values()]).not.toContain('Podpis');
	});

	it('exports the attendance list to PDF: A4, DejaVu Sans embedded, landscape with the signature column', async () => {
		const portrait = await http.get(`/w/${seeded.workshopId}/attendance.pdf`, seeded.facilitator.token);
		expect(portrait.status).toBe(200);
		expect(portrait.headers.get('content-type')).toBe('application/pdf');
		const text = Buffer.from(await portrait.arrayBuffer()).toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
		expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);

		const landscape = Buffer.from(await (await http.get(`/w/${seeded.workshopId}/attendance.pdf?signature=1`, seeded.facilitator.token)).arrayBuffer()).toString('latin1');
		expect(landscape).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
	});

	it('anonymises the participants after a confirmation, keeping every count, once', async () => {
		const before = await (await http.get(summaryPath, seeded.facilitator.token)).text();
		const unconfirmed = await http.post(`${summaryPath}?/anonymise`, seeded.facilitator.token, {});
		expect(unconfirmed.status).toBe(400);
		const stillNamed = await withDb((db) => db.selectFrom('participants').select('display_name').where('workshop_id', '=', seeded.workshopId).execute());
		expect(stillNamed.map((row) => row.display_name)).toContain('Maria Nowak');

		const done = await http.post(`${summaryPath}?/anonymise`, seeded.facilitator.token, { confirm: 'yes' });
		expect(done.status).toBe(200);
		expect(await done.text()).toContain('Uczestnicy są zanonimizowani (zmienione nazwy: 4).');
		const rows = await withDb((db) =>
			db.selectFrom('participants').select(['display_name', 'sector', 'gender']).where('workshop_id', '=', seeded.workshopId).orderBy('joined_at').execute()
		);
		expect(rows.map((r) => r.display_name)).toEqual(['Uczestnik 1', 'Uczestnik 2', 'Uczestnik 3', 'Uczestnik 4']);
		expect(rows.map((r) => r.gender)).toEqual([null, null, 'woman', 'man']);

		const after = await (await http.get(summaryPath, seeded.facilitator.token)).text();
		const counts = (html: string) => html.slice(html.indexOf('participants-heading'), html.indexOf('steps-heading'));
		expect(counts(after)).toEqual(counts(before));
		const xlsx = await http.get(`/w/${seeded.workshopId}/attendance.xlsx`, seeded.facilitator.token);
		const cells = [...sheetCells(unzipStored(new Uint8Array(await xlsx.arrayBuffer())).get('xl/worksheets/sheet1.xml')!).values()];
		expect(cells).toContain('Uczestnik 3');
		expect(cells).not.toContain('Maria Nowak');

		const again = await http.post(`${summaryPath}?/anonymise`, seeded.facilitator.token, { confirm: 'yes' });
		expect(await again.text()).toContain('Uczestnicy byli już zanonimizowani');
		const log = await withDb((db) => listWorkshopLog(db as never, seeded.workshopId));
		expect(log.filter((entry) => entry.action === 'participants:anonymise')).toEqual([
			expect.objectContaining({ actor: seeded.userId, detail: { renamed: 4 } })
		]);
	});
});

describe('removing a participant', () => {
	it('closes their socket.io connection and their board socket within 2 seconds, and drops their hand', async () => {
		const seeded = await seedWorkshop(server.databasePath);
		const facilitator = await joinRoom(seeded.facilitator.token, seeded.workshopId);
		const removed = await joinRoom(seeded.guest.token, seeded.workshopId);
		const board = connectBoard(server.url, seeded.boardId, seeded.guest.token);
		try {
			await whenSynced(board);
			expect(await send(removed.socket, 'hand:raise')).toEqual({ ok: true });
			await eventually(() => expect(names(facilitator)).toEqual(['Jan z PCPR']));

			const response = await http.post(`/processes/${seeded.processId}/workshops/${seeded.workshopId}?/remove`, seeded.facilitator.token, {
				participantId: seeded.guest.participantId
			});
			expect(response.status).toBe(200);
			await eventually(() => {
				expect(removed.ended).toBe(true);
				expect(removed.socket.connected).toBe(false);
				expect(board.closes).toContainEqual({ code: 4410, reason: 'session-revoked' });
			}, 2000);
			await eventually(() => expect(names(facilitator)).toEqual([]));
		} finally {
			board.destroy();
			facilitator.socket.disconnect();
		}
	});
});
