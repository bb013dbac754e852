import * as decoding from 'lib0/decoding';
import pino from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardHub, FAN_OUT_UNPACED_CONNECTIONS, fanOutIntervalMs } from '../../src/lib/server/collab/board-hub';
import { encodeSyncStep1 } from '../../src/lib/server/collab/protocol';
import { createBoardUpdateStore } from '../../src/lib/server/db/board-updates';
import type { DatabaseHandles } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { createBoardDatabase, FakeClient, identity } from './collab-fake-client';

const log = pino({ level: 'silent' });
let database: DatabaseHandles;
let hub: BoardHub;
let boardId: string;

beforeEach(async () => {
	({ handles: database, boardId } = await createBoardDatabase());
	hub = new BoardHub({ store: createBoardUpdateStore(database.sqlite), log, idleMs: 60_000 });
});
afterEach(async () => {
	await hub.close();
	await database.close();
});

/** A bare socket that keeps every message the hub sends it, as the very objects it was handed. */
function listener(stateVector: Uint8Array = new Uint8Array([0])) {
	const messages: Uint8Array[] = [];
	const sentAt: number[] = [];
	const connection = hub.connect(boardId, identity(), { send: (m) => messages.push(m) && sentAt.push(performance.now()), close: () => {} });
	connection.receive(encodeSyncStep1(stateVector));
	const syncStep2 = () => messages.filter((m) => m[0] === 0 && m[1] === 1);
	const awareness = () => messages.filter((m) => m[0] === 1);
	/** When each document update was sent to this client. */
	const updateTimes = () => sentAt.filter((_, i) => messages[i][0] === 0 && messages[i][1] === 2);
	return { messages, connection, syncStep2, awareness, updateTimes };
}

function syncBody(message: Uint8Array): Uint8Array {
	const decoder = decoding.createDecoder(message);
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
	return decoding.readVarUint8Array(decoder);
}

function awarenessStates(message: Uint8Array) {
	const decoder = decoding.createDecoder(message);
	decoding.readVarUint(decoder);
	const update = decoding.readVarUint8Array(decoder);
	const into = new awarenessProtocol.Awareness(new Y.Doc());
	awarenessProtocol.applyAwarenessUpdate(into, update, null);
	return into;
}

describe('BoardHub fan-out', () => {
	it('sends every fresh client the same full-state message until the board changes', async () => {
		const writer = new FakeClient(hub, boardId, identity());
		writer.addNote('n1', 'Mieszkania wspomagane');
		await eventually(() => expect(writer.synced).toBe(true));

		const first = listener();
		await eventually(() => expect(first.syncStep2()).toHaveLength(1));
		const second = listener(); // a later tick: the cached message, not a new encoding
		await eventually(() => expect(second.syncStep2()).toHaveLength(1));
		expect(second.syncStep2()[0]).toBe(first.syncStep2()[0]);

		writer.addNote('n2', 'Asystent rodziny');
		await eventually(() => expect(first.messages.some((m) => m[0] === 0 && m[1] === 2)).toBe(true));
		const third = listener();
		await eventually(() => expect(third.syncStep2()).toHaveLength(1));
		expect(third.syncStep2()[0]).not.toBe(first.syncStep2()[0]);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, syncBody(third.syncStep2()[0]));
		expect(Object.keys(doc.getMap('notes').toJSON()).sort()).toEqual(['n1', 'n2']);

		// A client that has part of the board still gets exactly what it lacks.
		const partial = new Y.Doc();
		Y.applyUpdate(partial, syncBody(first.syncStep2()[0]));
		const returning = listener(Y.encodeStateVector(partial));
		await eventually(() => expect(returning.syncStep2()).toHaveLength(1));
		Y.applyUpdate(partial, syncBody(returning.syncStep2()[0]));
		expect(partial.getMap('notes').toJSON()).toEqual(writer.notes());
	});

	it('relays a burst of awareness changes, and a departure, to everyone as one message each', async () => {
		const anna = new FakeClient(hub, boardId, identity({ name: 'Anna' }));
		const jan = listener();
		await eventually(() => expect(anna.synced && jan.syncStep2().length === 1).toBe(true));

		const annaReceived = anna.received;
		for (let cursor = 0; cursor < 10; cursor++) anna.announce({ cursor });
		await eventually(() => expect(jan.awareness().length).toBeGreaterThan(0));
		expect(jan.awareness()).toHaveLength(1);
		const seen = awarenessStates(jan.awareness()[0]).getStates().get(anna.doc.clientID);
		expect(seen).toMatchObject({ cursor: 9, user: { name: 'Anna' } });
		// The sender hears its own state back: y-websocket's keep-alive on a quiet board.
		await eventually(() => expect(anna.received).toBe(annaReceived + 1));

		anna.leave();
		await eventually(() => expect(jan.awareness()).toHaveLength(2));
		expect(awarenessStates(jan.awareness()[1]).getStates().has(anna.doc.clientID)).toBe(false);
	});

	it('sends a small board every tick, and spaces a crowded board\'s broadcasts so edits share a write', async () => {
		expect(fanOutIntervalMs(FAN_OUT_UNPACED_CONNECTIONS)).toBe(0);
		expect(fanOutIntervalMs(400)).toBeGreaterThan(0);

		const writer = new FakeClient(hub, boardId, identity());
		await eventually(() => expect(writer.synced).toBe(true));
		const updatesTo = (l: ReturnType<typeof listener>) => l.messages.filter((m) => m[0] === 0 && m[1] === 2);
		const editInSeparateTicks = async (prefix: string) => {
			for (let k = 0; k < 10; k++) {
				writer.addNote(`${prefix}${k}`, `Notatka ${k}`);
				await new Promise((resolve) => setTimeout(resolve, 1)); // the next event-loop turn: its own flush
			}
		};

		const few = listener();
		await eventually(() => expect(few.syncStep2()).toHaveLength(1));
		await editInSeparateTicks('small-');
		await eventually(() => expect(updatesTo(few)).toHaveLength(10));

		const crowdSize = 400;
		const crowd = Array.from({ length: crowdSize }, () => listener());
		await eventually(() => expect(crowd.every((l) => l.syncStep2().length === 1)).toBe(true));
		await editInSeparateTicks('crowded-');
		const sample = crowd[0];
		await eventually(() => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, syncBody(sample.syncStep2()[0]));
			for (const message of updatesTo(sample)) Y.applyUpdate(doc, syncBody(message));
			expect(Object.keys(doc.getMap('notes').toJSON())).toHaveLength(20);
		});
		// Every edit arrived, in fewer writes than edits, spaced as the pacing says.
		expect(updatesTo(sample).length).toBeLessThan(10);
		const times = sample.updateTimes();
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(fanOutIntervalMs(crowdSize));
	});

	it('answers fresh clients waiting for a board stored as one snapshot with those very bytes, once', async () => {
		const writer = new FakeClient(hub, boardId, identity());
		writer.addNote('n1', 'Mieszkania chronione');
		writer.addNote('n2', 'Asystent rodziny');
		await eventually(() => expect(writer.synced).toBe(true));
		const partial = new Y.Doc();
		Y.applyUpdate(partial, Y.encodeStateAsUpdate(writer.doc));
		writer.addNote('n3', 'Opieka wytchnieniowa');
		await hub.close(); // unloading compacts: the board is now one snapshot row
		const snapshot = createBoardUpdateStore(database.sqlite).load(boardId)!;
		expect(snapshot.updates).toHaveLength(0);

		hub = new BoardHub({ store: createBoardUpdateStore(database.sqlite), log, idleMs: 60_000 });
		const fresh = listener(); // both connect before the board has loaded
		const returning = listener(Y.encodeStateVector(partial));
		await eventually(() => expect(returning.syncStep2()).toHaveLength(1));
		await eventually(() => expect(fresh.messages.some((m) => m[0] === 0 && m[1] === 0)).toBe(true));
		expect(fresh.syncStep2()).toHaveLength(1);
		expect(Buffer.from(syncBody(fresh.syncStep2()[0])).equals(Buffer.from(snapshot.snapshot!))).toBe(true);
		Y.applyUpdate(partial, syncBody(returning.syncStep2()[0]));
		expect(Object.keys(partial.getMap('notes').toJSON()).sort()).toEqual(['n1', 'n2', 'n3']);
	});
});
