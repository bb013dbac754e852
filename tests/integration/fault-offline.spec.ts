import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

/**
 * A laptop loses the network and keeps editing the same notes the others edit online. When it
 * is back, every edit of everyone is there and all replicas (and a fresh reader) are identical.
 */
let server: TestServer;
let seeded: SeededWorkshop;
const clients: BoardClient[] = [];

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
});

function connect(token: string): BoardClient {
	const client = connectBoard(server.url, seeded.boardId, token);
	clients.push(client);
	return client;
}

const NOTES = ['n1', 'n2', 'n3', 'n4', 'n5'];

function notes(client: BoardClient) {
	return client.doc.getMap<Y.Map<unknown>>('notes');
}

function text(client: BoardClient, id: string): Y.Text {
	return notes(client).get(id)!.get('text') as Y.Text;
}

/**
 * Inserts a unique marker at the start or the end of a note's text (never inside another
 * marker, so each stays readable whole) and remembers it.
 */
function type(client: BoardClient, id: string, marker: string, markers: Map<string, string[]>) {
	const body = text(client, id);
	body.insert(Math.random() < 0.5 ? 0 : body.length, marker);
	markers.set(id, [...(markers.get(id) ?? []), marker]);
}

describe('fault: editing offline while others edit the same notes', () => {
	it('keeps every edit of everyone and converges all replicas after the laptop reconnects', async () => {
		const laptop = connect(seeded.guest.token);
		const bob = connect(seeded.secondGuest.token);
		const carol = connect(seeded.facilitator.token);
		await Promise.all([laptop, bob, carol].map(whenSynced));
		carol.doc.transact(() => {
			for (const id of NOTES) {
				const note = new Y.Map<unknown>();
				note.set('text', new Y.Text(`Notatka ${id}. `));
				note.set('x', 100);
				notes(carol).set(id, note);
			}
		});
		await eventually(() => expect(notes(laptop).size).toBe(NOTES.length));

		laptop.provider.disconnect();
		const markers = new Map<string, string[]>();
		for (let step = 0; step < 20; step++) {
			for (const id of NOTES.slice(0, 3)) {
				type(laptop, id, `[L${step}]`, markers);
				type(bob, id, `[B${step}]`, markers);
				type(carol, id, `[C${step}]`, markers);
			}
			notes(laptop).get('n1')!.set('x', 200 + step); // a field others change too: one value wins everywhere
			notes(bob).get('n1')!.set('x', 500 + step);
			if (step === 5) {
				const note = new Y.Map<unknown>();
				note.set('text', new Y.Text('Pomysł zapisany bez sieci'));
				notes(laptop).set('offline-note', note);
				notes(laptop).delete('n5');
				notes(bob).delete('n4');
			}
			if (step === 10) type(laptop, 'n4', '[L-in-deleted]', new Map()); // edits a note Bob deleted meanwhile
			// The online clients really exchange their edits while the laptop is away.
			await eventually(() => expect(text(bob, 'n2').toString()).toBe(text(carol, 'n2').toString()));
		}
		expect(text(bob, 'n1').toString()).not.toContain('[L');

		laptop.provider.connect();
		const fresh = () => connect(seeded.observer.token);
		await eventually(() => {
			const state = notes(carol).toJSON();
			expect(notes(laptop).toJSON()).toEqual(state);
			expect(notes(bob).toJSON()).toEqual(state);
		}, 15_000);

		const reader = fresh();
		await whenSynced(reader);
		const final = notes(reader).toJSON() as Record<string, { text: string; x: number }>;
		expect(final).toEqual(notes(laptop).toJSON());
		expect(Object.keys(final).sort()).toEqual(['n1', 'n2', 'n3', 'offline-note']);
		for (const [id, list] of markers) {
			for (const marker of list) expect(final[id].text).toContain(marker);
		}
		expect(final['offline-note'].text).toBe('Pomysł zapisany bez sieci');
		expect([219, 519]).toContain(final.n1.x);
	});
});
