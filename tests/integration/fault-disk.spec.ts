import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_CLOSE } from '../../src/lib/collab/close-codes';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

/**
 * A full disk under a running server. Making the file read-only is not enough: the server's
 * SQLite handle is already open (and as root, permissions are not checked at all), so writes
 * would go on. A small tmpfs holds the database instead; the test empties the WAL (a TRUNCATE
 * checkpoint through its own connection) and fills the rest of the filesystem with a filler
 * file, so the next commit must grow the WAL and fails with SQLITE_FULL — exactly what a full
 * disk does. Deleting the filler frees the space again. Mounting needs root (CAP_SYS_ADMIN);
 * where that is missing the test is skipped and says so.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'narada-disk-'));
const mounted = tryMount();
const databasePath = join(mountPoint, 'narada.db');
const fillerPath = join(mountPoint, 'filler');

function tryMount(): boolean {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'ignore' });
		return true;
	} catch {
		console.warn('fault-disk: cannot mount a tmpfs here (not root?); the full-disk test is skipped');
		return false;
	}
}

let server: TestServer;
let seeded: SeededWorkshop;
const clients: BoardClient[] = [];

beforeAll(async () => {
	if (!mounted) return;
	server = await startServer({ DATABASE_PATH: databasePath });
	seeded = await seedWorkshop(databasePath);
});
afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	if (mounted) execFileSync('umount', [mountPoint]);
	rmSync(mountPoint, { recursive: true, force: true });
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

async function fillDisk() {
	// Fold the WAL into the database and cut it to zero bytes, so the next commit needs new space.
	await eventually(() => {
		const sqlite = new BetterSqlite3(databasePath);
		try {
			const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
			expect(result.busy).toBe(0);
		} finally {
			sqlite.close();
		}
		expect(statSync(`${databasePath}-wal`).size).toBe(0);
	});
	const fd = openSync(fillerPath, 'w');
	const chunk = Buffer.alloc(64 * 1024, 1);
	try {
		for (;;) writeSync(fd, chunk);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		closeSync(fd);
	}
}

const unavailable = { code: COLLAB_CLOSE['storage-unavailable'], reason: 'storage-unavailable' };
const unavailableCloses = (client: BoardClient) => client.closes.filter((c) => c.code === unavailable.code).length;

describe.skipIf(!mounted)('fault: the disk fills up under a running server', () => {
	it('tells writers their edits are not saved, shows nobody unsaved edits, and saves everything once space is back', async () => {
		const alice = connect(seeded.guest.token);
		const bob = connect(seeded.secondGuest.token);
		const carol = connect(seeded.observer.token);
		await Promise.all([alice, bob, carol].map(whenSynced));
		alice.addNote('before', 'Zapisane przed awarią');
		await eventually(() => expect(carol.notes().before).toBeDefined());

		await fillDisk();
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
		rmSync(fillerPath);
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
