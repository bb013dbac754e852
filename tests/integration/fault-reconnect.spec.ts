import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { jitteredWebSocket } from '../../src/lib/collab/jittered-websocket';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { browserSocket } from './collab-client';

/**
 * A room of 100 laptops when the server restarts: each uses the browser client's jittered
 * reconnect (jittered-websocket.ts) over a real y-websocket provider, and each makes an edit
 * while the server is down. Afterwards every client has every edit, and the reconnects were
 * spread out rather than arriving in the same instant.
 */
const CLIENTS = 100;

let server: TestServer;
let seeded: SeededWorkshop;
const originalWebSocket = globalThis.WebSocket;

interface Laptop {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** When each connection opened (ms since epoch). */
	opened: number[];
}

const laptops: Laptop[] = [];

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	// jitteredWebSocket opens the platform's WebSocket; here that is `ws` with a browser's cookie and Origin.
	globalThis.WebSocket = browserSocket({
		cookie: `narada_session=${seeded.guest.token}`,
		origin: server.url
	}) as unknown as typeof WebSocket;
});
afterAll(async () => {
	for (const laptop of laptops) {
		laptop.provider.destroy();
		laptop.doc.destroy();
	}
	globalThis.WebSocket = originalWebSocket;
	await server?.stop();
});

function openLaptop(): Laptop {
	const doc = new Y.Doc();
	let provider: WebsocketProvider | null = null;
	provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/collab`, seeded.boardId, doc, {
		// The same wiring as the browser's BoardConnection.
		WebSocketPolyfill: jitteredWebSocket({ attempts: () => provider?.wsUnsuccessfulReconnects ?? 0 }),
		disableBc: true
	});
	const laptop: Laptop = { doc, provider, opened: [] };
	provider.on('status', ({ status }) => {
		if (status === 'connected') laptop.opened.push(Date.now());
	});
	laptops.push(laptop);
	return laptop;
}

function noteKeys(doc: Y.Doc): string[] {
	return [...doc.getMap('notes').keys()];
}

describe('fault: 100 clients and a server restart', () => {
	it('resyncs every client, keeps edits made while the server was down, and spreads the reconnects', async () => {
		for (let i = 0; i < CLIENTS; i++) openLaptop();
		await eventually(() => expect(laptops.filter((l) => l.provider.synced)).toHaveLength(CLIENTS), 30_000);
		laptops[0].doc.getMap('notes').set('before', new Y.Map());
		await eventually(() => expect(laptops.every((l) => l.doc.getMap('notes').has('before'))).toBe(true), 15_000);

		await server.kill('SIGKILL');
		const killedAt = Date.now();
		await eventually(() => expect(laptops.every((l) => !l.provider.wsconnected)).toBe(true));
		// Edits nobody has sent yet: each laptop adds a note while the server is gone.
		laptops.forEach((laptop, i) => {
			const note = new Y.Map<unknown>();
			note.set('text', `Zapisane offline ${i}`);
			laptop.doc.getMap('notes').set(`offline-${i}`, note);
		});
		const started = Date.now();
		await server.restart();
		const back = Date.now();

		const expected = ['before', ...laptops.map((_, i) => `offline-${i}`)].sort();
		await eventually(() => {
			for (const laptop of laptops) {
				expect(laptop.provider.synced).toBe(true);
				expect(noteKeys(laptop.doc).sort()).toEqual(expected);
			}
		}, 40_000, 100);
		const converged = Date.now();

		// The first successful reconnect of each laptop after the restart.
		const reconnects = laptops.map((l) => l.opened.find((t) => t >= killedAt)!).sort((a, b) => a - b);
		const span = reconnects.at(-1)! - reconnects[0];
		const buckets = new Map<number, number>();
		for (const t of reconnects) buckets.set(Math.floor(t / 50), (buckets.get(Math.floor(t / 50)) ?? 0) + 1);
		const busiest = Math.max(...buckets.values());
		console.log(
			`reconnect: server down ${back - started} ms; ${CLIENTS} clients back within ${span} ms of each other ` +
				`(busiest 50 ms window: ${busiest}); all converged ${converged - back} ms after the server was up`
		);
		// Without jitter, clients that lost the server together retry together: whole rooms in one
		// window. With it they arrive over a span, and no 50 ms window takes a large share.
		expect(span).toBeGreaterThan(300);
		expect(busiest).toBeLessThan(CLIENTS / 3);
	});
});
