import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, sessionCookie, whenSynced, type BoardClient } from './collab-client';

let server: TestServer;
let seeded: SeededWorkshop;
let alice: BoardClient;
let bob: BoardClient;

/** A hand-driven socket, for sending what no honest client would. */
async function rawSocket(token: string) {
	const socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${seeded.boardId}`, {
		headers: { cookie: sessionCookie(token), origin: server.url }
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	socket.on('error', () => {});
	// The server speaks first (its sync step 1) once the board is loaded.
	await new Promise((resolve) => socket.once('message', resolve));
	return { socket, closed };
}

function message(...parts: Array<number | Uint8Array>) {
	const encoder = encoding.createEncoder();
	for (const part of parts) {
		if (typeof part === 'number') encoding.writeVarUint(encoder, part);
		else encoding.writeVarUint8Array(encoder, part);
	}
	return encoding.toUint8Array(encoder);
}

async function expectClosedBy(frame: Uint8Array | string, expected: { code: number; reason: string }) {
	const { socket, closed } = await rawSocket(seeded.guest.token);
	socket.send(frame);
	expect(await closed).toEqual(expected);
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	alice = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
	bob = connectBoard(server.url, seeded.boardId, seeded.secondGuest.token);
	await Promise.all([whenSynced(alice), whenSynced(bob)]);
});
afterAll(async () => {
	alice?.destroy();
	bob?.destroy();
	await server?.stop();
});

describe('board socket: bad input closes only the sender', () => {
	const malformed = { code: 4400, reason: 'malformed-message' };

	it('closes on random bytes, unknown types, truncated sync messages, bad updates and text frames', async () => {
		await expectClosedBy(Uint8Array.from([5, ...randomBytes(64)]), malformed);
		await expectClosedBy(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), malformed);
		await expectClosedBy(message(0, 0, Y.encodeStateVector(alice.doc)).slice(0, 3), malformed);
		await expectClosedBy(Uint8Array.from([0, 0, 40, 1, 2, 3]), malformed);
		await expectClosedBy(message(0, 2, Uint8Array.from([200, 200, 200, 1, 7, 9, 255, 255])), malformed);
		await expectClosedBy(message(1, Uint8Array.from([1, 42, 1, 3, 0x7b, 0x7b, 0x7b])), malformed);
		await expectClosedBy('{"type":"hello"}', malformed);
	});

	it('closes on an ordinary message over 512 KiB, and at the socket limit over 8 MiB', async () => {
		await expectClosedBy(message(1, randomBytes(600 * 1024)), { code: 4413, reason: 'message-too-large' });

		const { socket, closed } = await rawSocket(seeded.guest.token);
		socket.send(message(0, 1, Y.encodeStateAsUpdate(new Y.Doc()))); // first sync done
		socket.send(message(0, 2, randomBytes(600 * 1024)));
		expect(await closed).toEqual({ code: 4413, reason: 'message-too-large' });

		const huge = await rawSocket(seeded.guest.token);
		huge.socket.send(message(0, 1, randomBytes(9 * 1024 * 1024)));
		expect((await huge.closed).code).toBe(1009);
	});

	it('accepts a long-offline laptop’s large first sync', async () => {
		const offline = new Y.Doc();
		offline.getText('draft').insert(0, 'Długo pisane offline. '.repeat(40_000)); // ~900 KiB
		const laptop = connectBoard(server.url, seeded.boardId, seeded.guest.token, { doc: offline });
		try {
			await eventually(() => expect(alice.doc.getText('draft').length).toBe(offline.getText('draft').length), 15_000);
			expect(laptop.closes).toEqual([]);
		} finally {
			laptop.destroy();
		}
	});

	it('keeps serving honest clients, whose edits still reach each other', async () => {
		alice.addNote('still-alive', 'Serwer dalej działa');
		bob.addNote('me-too', 'Ja też widzę');
		await eventually(() => {
			expect(bob.notes()['still-alive']).toBeDefined();
			expect(alice.notes()['me-too']).toBeDefined();
		});
		expect(alice.closes).toEqual([]);
		expect(bob.closes).toEqual([]);
		const health = await fetch(server.url);
		expect(health.status).toBeLessThan(500);
	});
});
