import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_CLOSE } from '../../src/lib/collab/close-codes';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { smallDisk } from '../support/small-disk';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

// A full disk under a running server: see tests/support/small-disk.ts for how it is made.
const disk = smallDisk('fault-disk');

let server: TestServer;
let seeded: SeededWorkshop;
const clients: BoardClient[] = [];

beforeAll(async () => {
	if (!disk.mounted) return;
	server = await startServer({ DATABASE_PATH: disk.databasePath });
	seeded = await seedWorkshop(disk.databasePath);
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	disk.remove();
});

function connect(token: string): BoardClient {
	const client = connectBoard(server.url, seeded.boardId, token);
	clients.push(client);
	return client;
}

/** Every note key a client has ever held, so a key shown for a moment still counts. */
function recordKeys(client: BoardClient): Set<string> {
	const seen = new Set(Object.keys(client.notes()));
	const notes = client.doc.getMap('notes');
	notes.observe((event) => {
		for (const key of event.keysChanged) if (notes.has(key)) seen.add(key);
	});
	return seen;
}

const unavailable = { code: COLLAB_CLOSE['storage-unavailable'], reason: 'storage-unavailable' };
const unavailableCloses = (client: BoardClient) => client.closes.filter((c) => c.code === unavailable.code).length;

describe.skipIf(!disk.mounted)('fault: the disk fills up under a running server', () => {
	it('tells writers their edits are not saved, shows nobody unsaved edits, and saves everything once space is back', async () => {
		const alice = connect(seeded.guest.token);
		const bob = connect(seeded.secondGuest.token);
		const carol = connect(seeded.observer.token);
		await Promise.all([alice, bob, carol].map(whenSynced));
		alice.addNote('before', 'Zapisane przed awarią');
		await eventually(() => expect(carol.notes().before).toBeDefined());

		await disk.fill();
		const seenByAlice = recordKeys(alice);
		const seenByBob = recordKeys(bob);
		const seenByCarol = recordKeys(carol);
		alice.addNote('alice-1', 'Pierwszy pomysł Alicji');
		bob.addNote('bob-1', 'Pomysł Bartka');
		// The writers are told, and keep retrying: each retry fails again while the disk is full.
		await eventually(() => {
			expect(alice.closes).toContainEqual(unavailable);
			expect(bob.closes).toContainEqual(unavailable);
		}, 10_000);
		alice.addNote('alice-2', 'Drugi pomysł, dopisany w trakcie awarii');
		await eventually(() => expect(unavailableCloses(alice)).toBeGreaterThanOrEqual(3), 20_000, 100);

		// The server stays up and answers, and no unsaved edit has reached anyone else.
		expect((await fetch(server.url)).status).toBeLessThan(500);
		for (const key of ['alice-1', 'alice-2', 'bob-1']) expect(seenByCarol.has(key)).toBe(false);
		expect(seenByBob.has('alice-1') || seenByBob.has('alice-2')).toBe(false);
		expect(seenByAlice.has('bob-1')).toBe(false);
		expect(alice.closes.every((c) => c.code === unavailable.code)).toBe(true);

		// Space is back: the clients' next retry saves what they kept, and everyone gets it.
		disk.free();
		const everything = ['alice-1', 'alice-2', 'before', 'bob-1'];
		await eventually(() => {
			for (const client of [alice, bob, carol]) expect(Object.keys(client.notes()).sort()).toEqual(everything);
		}, 20_000, 100);

		const fresh = connect(seeded.facilitator.token);
		await whenSynced(fresh);
		expect(Object.keys(fresh.notes()).sort()).toEqual(everything);
		expect(fresh.notes()['alice-2'].text).toBe('Drugi pomysł, dopisany w trakcie awarii');
		const logged = server.logs.filter((line) => line.includes('SQLITE_FULL')).length;
		expect(logged).toBeGreaterThan(0);
	});
});
