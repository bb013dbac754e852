import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';

/**
 * Kill -9 at a random moment while writers stream uniquely keyed notes: every key an observer
 * had received must be in the database (a fresh client with no local state reads it). The
 * server broadcasts only what it has committed, so what anyone saw survives the crash.
 */
let server: TestServer;
let seeded: SeededWorkshop;

beforeAll(async () => {
	// Debug logs announce each compaction as it starts, so a kill can be aimed at one.
	server = await startServer({ LOG_LEVEL: 'debug' });
	seeded = await seedWorkshop(server.databasePath);
});
afterAll(async () => {
	await server?.stop();
});

interface Round {
	seen: Set<string>;
	written: number;
	/** Log lines of the killed process, from the moment the round began. */
	logs: string[];
}

/**
 * One round: three writers add a note every few milliseconds, two observers record every key
 * that reaches them, and `killWhen` decides the moment of SIGKILL. The clients are gone before
 * the server comes back, so nothing can be resent from their memory.
 */
async function round(label: string, killWhen: (logsFrom: number) => Promise<void>): Promise<Round> {
	const writers = [seeded.guest.token, seeded.secondGuest.token, seeded.facilitator.token].map((token) =>
		connectBoard(server.url, seeded.boardId, token)
	);
	const observers = [seeded.observer.token, seeded.facilitator.token].map((token) => connectBoard(server.url, seeded.boardId, token));
	const clients: BoardClient[] = [...writers, ...observers];
	await Promise.all(clients.map(whenSynced));

	const seen = new Set<string>();
	for (const observer of observers) {
		const notes = observer.doc.getMap('notes');
		notes.observe((event) => {
			for (const key of event.keysChanged) if (notes.has(key)) seen.add(key);
		});
	}
	let written = 0;
	const timers = writers.map((writer, w) =>
		setInterval(() => writer.addNote(`${label}-w${w}-${written++}`, `Pomysł ${written}`), 3)
	);
	const logsFrom = server.logs.length;
	try {
		await killWhen(logsFrom);
		await server.kill('SIGKILL');
	} finally {
		for (const timer of timers) clearInterval(timer);
	}
	const logs = server.logs.slice(logsFrom);
	const seenAtKill = new Set(seen);
	for (const client of clients) client.destroy();
	await server.restart();
	return { seen: seenAtKill, written, logs };
}

async function readFresh(): Promise<Set<string>> {
	const fresh = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
	try {
		await whenSynced(fresh);
		return new Set(Object.keys(fresh.notes()));
	} finally {
		fresh.destroy();
	}
}

function expectAllPresent(seen: Set<string>, stored: Set<string>) {
	const missing = [...seen].filter((key) => !stored.has(key));
	expect(missing).toEqual([]);
}

describe('fault: kill -9 under write load', () => {
	it('keeps every key any observer saw, over 20 kills at random moments', async () => {
		const started = Date.now();
		let totalSeen = 0;
		for (let i = 0; i < 20; i++) {
			const delay = 50 + Math.floor(Math.random() * 250);
			const result = await round(`r${i}`, () => new Promise((resolve) => setTimeout(resolve, delay)));
			expect(result.written).toBeGreaterThan(0);
			expectAllPresent(result.seen, await readFresh());
			totalSeen += result.seen.size;
		}
		expect(totalSeen).toBeGreaterThan(100);
		console.log(`kill -9: 20 rounds, ${totalSeen} observed keys all stored, ${Date.now() - started} ms`);
	});

	it('keeps every key when the kill lands during a compaction of a large board', async () => {
		// A board of many small items (8,000 notes) makes encoding and writing the snapshot take
		// long enough for a kill to land inside it. It arrives as one first sync, as from a laptop
		// that worked offline.
		const bulk = new Y.Doc();
		const notes = bulk.getMap<Y.Map<unknown>>('notes');
		bulk.transact(() => {
			for (let i = 0; i < 8000; i++) {
				const note = new Y.Map<unknown>();
				note.set('text', `Notatka ${i}`);
				note.set('colour', 'yellow');
				notes.set(`bulk-${i}`, note);
			}
		});
		const loader = connectBoard(server.url, seeded.boardId, seeded.facilitator.token, { doc: bulk });
		const witness = connectBoard(server.url, seeded.boardId, seeded.observer.token);
		await eventually(() => expect(witness.doc.getMap('notes').has('bulk-7999')).toBe(true), 20_000);
		loader.destroy();
		witness.destroy();

		let midCompaction = 0;
		for (let i = 0; i < 3; i++) {
			const result = await round(`c${i}`, async (logsFrom) => {
				// Kill as soon as the server announces a compaction (every 500 stored updates).
				await eventually(() => {
					const started = server.logs.slice(logsFrom).some((line) => line.includes('"board compacting"'));
					if (!started) throw new Error('no compaction yet');
				}, 20_000, 1);
			});
			if (!result.logs.some((line) => line.includes('"board compacted"'))) midCompaction++;
			const stored = await readFresh();
			expectAllPresent(result.seen, stored);
			expect(stored.has('bulk-0') && stored.has('bulk-7999')).toBe(true);
		}
		console.log(`kill -9 during compaction: ${midCompaction} of 3 kills landed before the compaction finished`);
		expect(midCompaction).toBeGreaterThan(0);
	});
});
