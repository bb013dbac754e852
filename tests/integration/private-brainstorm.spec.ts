import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../support/server';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { eventually } from '../support/eventually';
import { browserSocket, sessionCookie } from './collab-client';
import { openDatabase } from '../../src/lib/server/db/index';
import { listWorkshopLog } from '../../src/lib/server/facilitation/workshop-log';
import { SERVER_YJS_CLIENT_ID } from '../../src/lib/server/collab/server-writer';
import { NOTE_SIZE, addNote, listNotes } from '../../src/lib/domain/ideas-wall';
import type { AgendaState } from '../../src/lib/realtime/contract';
import type { BrainstormJoinState, BrainstormSummary, OwnNotesState } from '../../src/lib/realtime/brainstorm-contract';
import { facilitationSocket, sendCommand } from '../support/facilitation-socket';

let server: TestServer;
const closers: Array<() => void> = [];

beforeAll(async () => {
	server = await startServer();
});
afterEach(() => {
	for (const close of closers.splice(0)) close();
});
afterAll(async () => {
	await server?.stop();
});

/** A socket.io client that keeps everything it received: events (decoded) and raw engine.io packets. */
interface Recorded {
	socket: Socket;
	events: Array<{ event: string; data: unknown }>;
	raw: string[];
	agenda: AgendaState | null;
	summary: BrainstormSummary | null;
	own: OwnNotesState | null;
	join: BrainstormJoinState;
	/** Everything received, as one string to search. */
	heard(): string;
}

async function joined(token: string, workshopId: string): Promise<Recorded> {
	const socket = facilitationSocket(server.url, token);
	closers.push(() => socket.disconnect());
	const client = { socket, events: [], raw: [], agenda: null, summary: null, own: null } as unknown as Recorded;
	socket.io.on('open', () => socket.io.engine.on('packet', (packet: { data?: unknown }) => client.raw.push(String(packet.data ?? ''))));
	socket.onAny((event: string, data: unknown) => client.events.push({ event, data }));
	socket.on('agenda:state', (state: AgendaState) => (client.agenda = state));
	socket.on('brainstorm:summary', (summary: BrainstormSummary) => (client.summary = summary));
	socket.on('brainstorm:own-notes', (own: OwnNotesState) => (client.own = own));
	const ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	expect(ack.ok).toBe(true);
	client.agenda ??= ack.data.agenda;
	client.join = ack.data.brainstorm;
	client.heard = () => JSON.stringify([client.events, client.raw, ack]);
	return client;
}

const send = sendCommand;

/** A real y-websocket board client that also keeps every raw frame the server sent it. */
function boardClient(boardId: string, token: string) {
	const frames: Buffer[] = [];
	const Base = browserSocket({ cookie: sessionCookie(token), origin: server.url });
	class Recording extends Base {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			this.addEventListener('message', (event) => frames.push(Buffer.from(event.data as ArrayBuffer)));
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/collab`, boardId, doc, {
		WebSocketPolyfill: Recording as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	closers.push(() => {
		provider.destroy();
		doc.destroy();
	});
	const synced = new Promise<void>((resolve) => provider.once('sync', (ok: boolean) => ok && resolve()));
	return { doc, frames, synced, heardBytes: (text: string) => frames.some((f) => f.includes(Buffer.from(text))) };
}

async function privateStep(facilitator: Recorded, workshop: SeededWorkshop, privacy: 'private' | 'anonymous') {
	const added = await send(facilitator.socket, 'agenda:add', { title: 'Pomysły na współpracę', boardId: workshop.boardId, activity: 'brainstorm', plannedMinutes: 10, privacy });
	expect(added).toEqual({ ok: true });
	await eventually(() => expect(facilitator.agenda?.steps.at(-1)?.privacy).toBe(privacy));
	const stepId = facilitator.agenda!.steps.at(-1)!.id;
	expect(await send(facilitator.socket, 'agenda:goto', { stepId })).toEqual({ ok: true });
	return stepId;
}

describe('private brainstorm with reveal', () => {
	it('keeps anonymous notes off every other wire until the reveal, then writes them shuffled under the server id', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const stepId = await privateStep(facilitator, workshop, 'anonymous');
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		const ewaBoard = boardClient(workshop.boardId, workshop.secondGuest.token);
		const annaBoard = boardClient(workshop.boardId, workshop.facilitator.token);
		await Promise.all([ewaBoard.synced, annaBoard.synced]);
		// A note already on the wall, so the revealed ones must find free space around it.
		addNote(annaBoard.doc, { text: 'Stara notatka', x: 40, y: 40, color: 'blue', createdBy: 'Anna Facylitatorka' });
		await eventually(() => expect(listNotes(ewaBoard.doc)).toHaveLength(1));

		const arrival: string[] = [];
		const janIds: string[] = [];
		for (let i = 0; i < 5; i++) {
			for (const [who, client] of [['Jan', jan], ['Ewa', ewa]] as const) {
				if (who === 'Ewa' && i === 4) continue;
				const id = crypto.randomUUID();
				const text = `${who}-sekret-${i} żółć`;
				expect(await send(client.socket, 'brainstorm:note-add', { id, stepId, text })).toEqual({ ok: true });
				arrival.push(text);
				if (who === 'Jan') janIds.push(id);
			}
		}
		// A resend after a lost acknowledgement is the same note, not a second one.
		expect(await send(jan.socket, 'brainstorm:note-add', { id: janIds[0], stepId, text: 'Jan-sekret-0 żółć' })).toEqual({ ok: true });
		// Someone else's id is not theirs to reuse.
		expect(await send(ewa.socket, 'brainstorm:note-add', { id: janIds[1], stepId, text: 'podróbka' })).toEqual({ ok: false, error: 'invalid-payload' });

		await eventually(() => expect(facilitator.summary).toEqual({ stepId, privacy: 'anonymous', noteCount: 9, authorsCount: 2, revealed: false }));
		await eventually(() => expect(jan.own?.notes.map((n) => n.text)).toEqual(arrival.filter((t) => t.startsWith('Jan'))));
		expect(jan.heard()).toContain('Jan-sekret-0'); // the recording works: the author hears their own notes
		// Nobody else heard a word: not Ewa's socket.io events or raw frames, not the facilitator's, not Ewa's board socket.
		for (const text of arrival.filter((t) => t.startsWith('Jan'))) {
			expect(ewa.heard()).not.toContain(text.slice(0, 12));
			expect(ewaBoard.heardBytes(text)).toBe(false);
		}
		for (const text of arrival) expect(facilitator.heard()).not.toContain(text.slice(0, 12));
		expect(listNotes(ewaBoard.doc)).toHaveLength(1);

		expect(await send(jan.socket, 'brainstorm:reveal', { stepId })).toEqual({ ok: false, error: 'forbidden' });
		const before = Y.decodeStateVector(Y.encodeStateVector(ewaBoard.doc));
		expect(await send(facilitator.socket, 'brainstorm:reveal', { stepId })).toEqual({ ok: true });
		await eventually(() => expect(listNotes(ewaBoard.doc)).toHaveLength(10));
		await eventually(() => expect(ewa.summary?.revealed).toBe(true));

		expect(arrival.every((text) => ewaBoard.heardBytes(text))).toBe(true); // the frame recording works too
		const revealed = listNotes(ewaBoard.doc).filter((n) => n.text !== 'Stara notatka');
		expect(revealed.map((n) => n.text).sort()).toEqual([...arrival].sort());
		// Every new Yjs item carries the server's client id: nothing ties a note to a laptop.
		const after = Y.decodeStateVector(Y.encodeStateVector(ewaBoard.doc));
		const advanced = [...after].filter(([client, clock]) => (before.get(client) ?? 0) !== clock).map(([client]) => client);
		expect(advanced).toEqual([SERVER_YJS_CLIENT_ID]);
		// No author anywhere in the document, no arrival time, no colour of anyone's choosing.
		const state = Buffer.from(Y.encodeStateAsUpdate(ewaBoard.doc));
		for (const name of ['Jan z PCPR', 'Ewa ze szkoły']) expect(state.includes(Buffer.from(name))).toBe(false);
		expect(new Set(revealed.map((n) => n.createdBy))).toEqual(new Set(['']));
		expect(new Set(revealed.map((n) => n.createdAt)).size).toBe(1);
		// Not in the order they arrived (9 notes: the same order by chance is 1 in 362 880).
		expect(revealed.map((n) => n.text)).not.toEqual(arrival);
		// Laid out without covering one another or the note that was there.
		const all = listNotes(ewaBoard.doc);
		for (const a of all) for (const b of all) if (a !== b) expect(Math.abs(a.x - b.x) >= NOTE_SIZE || Math.abs(a.y - b.y) >= NOTE_SIZE).toBe(true);

		// Revealed once: a second reveal adds nothing, new private notes are refused.
		expect(await send(facilitator.socket, 'brainstorm:reveal', { stepId })).toEqual({ ok: true });
		expect(await send(jan.socket, 'brainstorm:note-add', { id: crypto.randomUUID(), stepId, text: 'Za późno' })).toEqual({ ok: false, error: 'step-closed' });
		expect(listNotes(annaBoard.doc)).toHaveLength(10);
		const { db, close } = openDatabase(server.databasePath);
		try {
			const log = await listWorkshopLog(db, workshop.workshopId);
			expect(log.filter((e) => e.action === 'brainstorm:reveal')).toEqual([expect.objectContaining({ actor: workshop.userId, detail: { stepId, notes: 9 } })]);
		} finally {
			await close();
		}
	});

	it('reveals named notes with their authors; a late or returning author gets their own notes back, nobody else', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const stepId = await privateStep(facilitator, workshop, 'private');
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
		for (const [i, id] of ids.entries()) expect(await send(jan.socket, 'brainstorm:note-add', { id, stepId, text: `Pomysł ${i + 1}`, color: 'pink' })).toEqual({ ok: true });
		expect(await send(jan.socket, 'brainstorm:note-edit', { id: ids[1], text: '  Pomysł 2, poprawiony  ' })).toEqual({ ok: true });
		expect(await send(jan.socket, 'brainstorm:note-remove', { id: ids[2] })).toEqual({ ok: true });
		jan.socket.disconnect();

		const back = await joined(workshop.guest.token, workshop.workshopId);
		expect(back.join.own).toEqual({ stepId, notes: [expect.objectContaining({ id: ids[0], text: 'Pomysł 1' }), expect.objectContaining({ id: ids[1], text: 'Pomysł 2, poprawiony' })] });
		expect(back.join.summary).toEqual({ stepId, privacy: 'private', noteCount: 2, authorsCount: 1, revealed: false });
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		expect(ewa.join.own).toEqual({ stepId, notes: [] });
		expect(ewa.join.summary?.noteCount).toBe(2);
		// Only the author edits or removes a note.
		expect(await send(ewa.socket, 'brainstorm:note-edit', { id: ids[0], text: 'Cudze' })).toEqual({ ok: false, error: 'not-found' });
		expect(await send(ewa.socket, 'brainstorm:note-remove', { id: ids[0] })).toEqual({ ok: false, error: 'not-found' });
		// Notes written as private must not be revealed on another board or under other rules.
		expect(await send(facilitator.socket, 'agenda:update', { stepId, privacy: 'open' })).toEqual({ ok: false, error: 'private-notes-exist' });
		expect(await send(facilitator.socket, 'agenda:update', { stepId, boardId: null })).toEqual({ ok: false, error: 'private-notes-exist' });
		expect(await send(facilitator.socket, 'agenda:update', { stepId, title: 'Nowy tytuł', privacy: 'private' })).toEqual({ ok: true });

		const board = boardClient(workshop.boardId, workshop.secondGuest.token);
		await board.synced;
		expect(await send(facilitator.socket, 'brainstorm:reveal', { stepId })).toEqual({ ok: true });
		await eventually(() => expect(listNotes(board.doc)).toHaveLength(2));
		expect(listNotes(board.doc).map((n) => [n.text, n.createdBy, n.color]).sort()).toEqual([
			['Pomysł 1', 'Jan z PCPR', 'pink'],
			['Pomysł 2, poprawiony', 'Jan z PCPR', 'pink']
		]);
		expect(await send(back.socket, 'brainstorm:note-edit', { id: ids[0], text: 'Po odsłonięciu' })).toEqual({ ok: false, error: 'step-closed' });
	});

	it('refuses private notes outside a running private step, and bad payloads, without dropping the connection', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const observer = await joined(workshop.observer.token, workshop.workshopId);
		const note = (stepId: string) => ({ id: crypto.randomUUID(), stepId, text: 'Pomysł' });

		// No current step at all.
		expect(await send(jan.socket, 'brainstorm:note-add', note(crypto.randomUUID()))).toEqual({ ok: false, error: 'step-closed' });
		expect(jan.join).toEqual({ summary: null, own: null });
		// An open step on the wall.
		await send(facilitator.socket, 'agenda:add', { title: 'Jawny krok', boardId: workshop.boardId, activity: 'brainstorm', plannedMinutes: 5 });
		await eventually(() => expect(facilitator.agenda?.steps).toHaveLength(1));
		const openStep = facilitator.agenda!.steps[0];
		expect(openStep.privacy).toBe('open');
		await send(facilitator.socket, 'agenda:goto', { stepId: openStep.id });
		expect(await send(jan.socket, 'brainstorm:note-add', note(openStep.id))).toEqual({ ok: false, error: 'step-closed' });
		// A private step that is not the current one.
		await send(facilitator.socket, 'agenda:add', { title: 'Później', boardId: workshop.boardId, activity: 'brainstorm', plannedMinutes: 5, privacy: 'anonymous' });
		await eventually(() => expect(facilitator.agenda?.steps).toHaveLength(2));
		const later = facilitator.agenda!.steps[1];
		expect(await send(jan.socket, 'brainstorm:note-add', note(later.id))).toEqual({ ok: false, error: 'step-closed' });
		// A private step without an ideas wall collects nothing.
		await send(facilitator.socket, 'agenda:add', { title: 'Bez tablicy', boardId: null, activity: 'other', plannedMinutes: 5, privacy: 'private' });
		await eventually(() => expect(facilitator.agenda?.steps).toHaveLength(3));
		const boardless = facilitator.agenda!.steps[2];
		await send(facilitator.socket, 'agenda:goto', { stepId: boardless.id });
		expect(await send(jan.socket, 'brainstorm:note-add', note(boardless.id))).toEqual({ ok: false, error: 'step-closed' });
		expect(await send(facilitator.socket, 'brainstorm:reveal', { stepId: boardless.id })).toEqual({ ok: false, error: 'step-closed' });

		await send(facilitator.socket, 'agenda:goto', { stepId: later.id });
		for (const payload of [
			{ ...note(later.id), text: '   ' },
			{ ...note(later.id), text: 'x'.repeat(501) },
			{ ...note(later.id), id: 'not-a-uuid' },
			{ ...note(later.id), color: 'gold' },
			{ ...note(later.id), author: 'someone' },
			'text'
		]) {
			expect(await send(jan.socket, 'brainstorm:note-add', payload)).toEqual({ ok: false, error: 'invalid-payload' });
		}
		expect(await send(observer.socket, 'brainstorm:note-add', note(later.id))).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(jan.socket, 'brainstorm:note-add', note(later.id))).toEqual({ ok: true });
		// The sync answer follows the current step.
		const synced = await send(observer.socket, 'brainstorm:sync', {});
		expect(synced).toEqual({ ok: true, data: { summary: { stepId: later.id, privacy: 'anonymous', noteCount: 1, authorsCount: 1, revealed: false }, own: { stepId: later.id, notes: [] } } });
		expect(jan.socket.connected && observer.socket.connected).toBe(true);
	});
});
