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
	/** When the provider asked for a socket, and when the real socket was dialled (ms since epoch). */
	asked: number[];
	attempts: number[];
}

const laptops: Laptop[] = [];

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	// jitteredWebSocket opens the platform's WebSocket; here that is `ws` with a browser's cookie and Origin.
	// It also notes when each laptop (named in the query string, which the server ignores) really dials.
	const Socket = browserSocket({ cookie: `narada_session=${seeded.guest.token}`, origin: server.url });
	globalThis.WebSocket = class extends Socket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			const laptop = Number(new URL(url).searchParams.get('laptop'));
			laptops[laptop]?.attempts.push(Date.now());
		}
	} as unknown as typeof WebSocket;
	process.setMaxListeners(CLIENTS + 20); // each provider listens for the process' exit
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
	const asked: number[] = [];
	let provider: WebsocketProvider | null = null;
	// The same wiring as the browser's BoardConnection.
	const Jittered = jitteredWebSocket({ attempts: () => provider?.wsUnsuccessfulReconnects ?? 0 });
	provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/collab`, seeded.boardId, doc, {
		WebSocketPolyfill: class extends (Jittered as unknown as new (url: string) => object) {
			constructor(url: string) {
				asked.push(Date.now());
				super(url);
			}
		} as unknown as typeof WebSocket,
		disableBc: true,
		params: { laptop: String(laptops.length) }
	});
	const laptop: Laptop = { doc, provider, asked, attempts: [] };
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

		const killedAt = Date.now();
		await server.kill('SIGKILL');
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

		// The jitter each laptop added to its first retry: from the provider asking for a socket
		// to the real socket being dialled. y-websocket alone waits the same fixed backoff
		// everywhere (0 here), so a room that lost the server together comes back together.
		const delays = laptops.map((l) => {
			const asked = l.asked.find((t) => t >= killedAt)!;
			return l.attempts.find((t) => t >= asked)! - asked;
		});
		const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
		const deviation = Math.sqrt(delays.reduce((a, d) => a + (d - mean) ** 2, 0) / delays.length);
		const spread = Math.max(...delays) - Math.min(...delays);
		console.log(
			`reconnect: first retry jittered by ${Math.min(...delays)}–${Math.max(...delays)} ms (σ ${deviation.toFixed(0)} ms); ` +
				`server down ${back - started} ms; all ${CLIENTS} converged ${converged - back} ms after it was up`
		);
		expect(spread).toBeGreaterThan(250);
		expect(deviation).toBeGreaterThan(60);
	});
});
