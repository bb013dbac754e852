import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced } from './collab-client';

let server: TestServer;
let seeded: SeededWorkshop;

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
});
afterAll(async () => {
	await server?.stop();
});

describe('board socket: durability', () => {
	it('keeps every edit another client had received when the server is killed with SIGKILL', async () => {
		const writer = connectBoard(server.url, seeded.boardId, seeded.guest.token);
		const witness = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
		await Promise.all([whenSynced(writer), whenSynced(witness)]);

		for (let i = 0; i < 40; i++) writer.addNote(`note-${i}`, `Pomysł numer ${i}`);
		writer.doc.getMap('notes').delete('note-7');
		await eventually(() => {
			expect(Object.keys(witness.notes())).toHaveLength(39);
			expect(witness.notes()['note-7']).toBeUndefined();
		});
		const seenByWitness = witness.notes();

		// The clients go away first, so nothing can be resent from their memory after the restart.
		writer.destroy();
		witness.destroy();
		await server.restart(); // SIGKILL, then a fresh process on the same database file

		const fresh = connectBoard(server.url, seeded.boardId, seeded.secondGuest.token);
		try {
			await whenSynced(fresh);
			expect(fresh.notes()).toEqual(seenByWitness);
		} finally {
			fresh.destroy();
		}
	});
});
