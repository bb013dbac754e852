import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

let server: TestServer;
let seeded: SeededWorkshop;
const clients: BoardClient[] = [];

function connect(token: string) {
	const client = connectBoard(server.url, seeded.boardId, token);
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
});
afterEach(() => {
	for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
	await server?.stop();
});

describe('board socket: live editing', () => {
	it('lets a facilitator and a guest converge on the same notes', async () => {
		const facilitator = connect(seeded.facilitator.token);
		const guest = connect(seeded.guest.token);
		await Promise.all([whenSynced(facilitator), whenSynced(guest)]);

		facilitator.addNote('n1', 'Brak mieszkań chronionych');
		guest.addNote('n2', 'Za mało asystentów rodziny');
		guest.doc.getMap<Y.Map<unknown>>('notes').get('n2')!.set('colour', 'green');

		await eventually(() => {
			expect(Object.keys(facilitator.notes()).sort()).toEqual(['n1', 'n2']);
			expect(guest.notes()).toEqual(facilitator.notes());
			expect(guest.notes().n2.colour).toBe('green');
		});
		expect(Y.encodeStateVector(guest.doc)).toEqual(Y.encodeStateVector(facilitator.doc));
	});

	it('shows presence with the identity the server knows, whatever the client claims', async () => {
		const facilitator = connect(seeded.facilitator.token);
		const guest = connect(seeded.guest.token);
		await Promise.all([whenSynced(facilitator), whenSynced(guest)]);

		guest.provider.awareness.setLocalState({
			user: { name: 'Anna Facylitatorka', role: 'facilitator' },
			cursor: { x: 10, y: 20 }
		});

		await eventually(() => {
			const seen = facilitator.provider.awareness.getStates().get(guest.doc.clientID) as Record<string, any>;
			expect(seen?.cursor).toEqual({ x: 10, y: 20 });
			expect(seen.user).toMatchObject({ name: 'Jan z PCPR', role: 'participant', institution: 'PCPR w Piszu' });
		});

		// Leaving removes the presence for everyone else.
		guest.provider.disconnect();
		await eventually(() => expect(facilitator.provider.awareness.getStates().has(guest.doc.clientID)).toBe(false));
	});

	it('undo reverts only the local change; the other person’s note stays', async () => {
		const alice = connect(seeded.facilitator.token);
		const bob = connect(seeded.secondGuest.token);
		await Promise.all([whenSynced(alice), whenSynced(bob)]);
		const local = Symbol('alice-local');
		const undo = new Y.UndoManager(alice.doc.getMap('notes'), { trackedOrigins: new Set([local]) });

		alice.addNote('undo-a', 'Notatka Ani', local);
		bob.addNote('undo-b', 'Notatka Ewy');
		await eventually(() => {
			expect(Object.keys(alice.notes())).toEqual(expect.arrayContaining(['undo-a', 'undo-b']));
			expect(Object.keys(bob.notes())).toEqual(expect.arrayContaining(['undo-a', 'undo-b']));
		});

		undo.undo();
		await eventually(() => {
			expect(bob.notes()['undo-a']).toBeUndefined();
			expect(bob.notes()['undo-b']).toMatchObject({ text: 'Notatka Ewy' });
			expect(alice.notes()['undo-b']).toMatchObject({ text: 'Notatka Ewy' });
		});
		undo.redo();
		await eventually(() => expect(bob.notes()['undo-a']).toMatchObject({ text: 'Notatka Ani' }));
	});
});
