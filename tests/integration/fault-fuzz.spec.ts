import { randomBytes } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import { io, type Socket as IoSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { connectBoard, sessionCookie, whenSynced, type BoardClient } from './collab-client';

/**
 * Hostile input against the real server while two honest people keep editing: 10,000 mutated,
 * truncated and random y-websocket messages and text frames, frames over the size limits,
 * ill-typed and oversized socket.io events, and a connection flood from one address. The
 * server must stay up and answer HTTP, close only the offending connections, leave the honest
 * content untouched and deliver every honest edit.
 */
const FUZZ_MESSAGES = 10_000;
const FUZZ_WORKERS = 12;

let server: TestServer;
let seeded: SeededWorkshop;
let alice: BoardClient;
let bob: BoardClient;
const honestKeys = new Set<string>();
let honestTimer: NodeJS.Timeout | null = null;
let stallProbe: Awaited<ReturnType<typeof startStallProbe>> | null = null;
/** The longest stall of each phase (seen from outside, and this test process' own), printed at the end. */
const stalls: Record<string, string> = {};
const ownLoop = monitorEventLoopDelay({ resolution: 5 });

beforeAll(async () => {
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	alice = connectBoard(server.url, seeded.boardId, seeded.guest.token);
	bob = connectBoard(server.url, seeded.boardId, seeded.secondGuest.token);
	await Promise.all([whenSynced(alice), whenSynced(bob)]);
	// Honest editing all along: each writes a note every 25 ms.
	let n = 0;
	honestTimer = setInterval(() => {
		for (const [client, who] of [[alice, 'alice'], [bob, 'bob']] as const) {
			const key = `${who}-${n++}`;
			honestKeys.add(key);
			client.addNote(key, `Uczciwa notatka ${key}`);
		}
	}, 25);
	stallProbe = await startStallProbe();
});
afterAll(async () => {
	if (honestTimer) clearInterval(honestTimer);
	stallProbe?.stop();
	alice?.destroy();
	bob?.destroy();
	await server?.stop();
});

/**
 * The longest stall seen from outside: a board socket pinged every 10 ms; `ws` answers pings on
 * the server's event loop, so a late pong is a blocked loop (or a busy test process: an upper bound).
 */
async function startStallProbe() {
	const socket = await openRaw(seeded.observer.token);
	let longest = 0;
	let sentAt = 0;
	socket.ws.on('pong', () => {
		longest = Math.max(longest, performance.now() - sentAt);
		sentAt = 0;
	});
	const timer = setInterval(() => {
		if (sentAt !== 0) return; // still waiting: the next pong measures the whole wait
		sentAt = performance.now();
		socket.ws.ping();
	}, 10);
	return {
		/** The longest stall since the last call. */
		take(): number {
			const value = longest;
			longest = 0;
			return value;
		},
		stop() {
			clearInterval(timer);
			socket.ws.terminate();
		}
	};
}

interface RawSocket {
	ws: WebSocket;
	closed: Promise<{ code: number; reason: string }>;
	isClosed(): boolean;
}

/** A board socket driven by hand; resolves once the board is loaded (the server's first message). */
async function openRaw(token: string): Promise<RawSocket> {
	const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${seeded.boardId}`, {
		headers: { cookie: sessionCookie(token), origin: server.url }
	});
	let isClosed = false;
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.on('close', (code, reason) => {
			isClosed = true;
			resolve({ code, reason: reason.toString() });
		})
	);
	ws.on('error', () => {});
	await new Promise<void>((resolve, reject) => {
		ws.once('message', () => resolve());
		ws.once('close', (code) => reject(new Error(`closed before the board loaded: ${code}`)));
	});
	return { ws, closed, isClosed: () => isClosed };
}

function message(...parts: Array<number | Uint8Array>) {
	const encoder = encoding.createEncoder();
	for (const part of parts) {
		if (typeof part === 'number') encoding.writeVarUint(encoder, part);
		else encoding.writeVarUint8Array(encoder, part);
	}
	return encoding.toUint8Array(encoder);
}

/** Valid messages to mutate: sync steps, updates (to a map of their own, never the notes) and awareness. */
function seedCorpus(): Uint8Array[] {
	const corpus: Uint8Array[] = [];
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	const fuzz = doc.getMap<unknown>('fuzz');
	for (let i = 0; i < 20; i++) {
		fuzz.set(`k${i}`, `wartość ${i}`);
		const text = new Y.Text();
		fuzz.set(`t${i}`, text);
		text.insert(0, 'Zażółć gęślą jaźń');
	}
	fuzz.delete('k3');
	for (const update of updates) corpus.push(message(0, 2, update));
	corpus.push(message(0, 1, Y.encodeStateAsUpdate(doc)));
	corpus.push(message(0, 0, Y.encodeStateVector(doc)));
	corpus.push(message(0, 0, Y.encodeStateVector(alice.doc)));
	const awareness = new awarenessProtocol.Awareness(new Y.Doc());
	awareness.setLocalState({ user: { name: 'Ktoś' }, drag: { id: 'n1', x: 10, y: 20 } });
	corpus.push(message(1, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])));
	corpus.push(Uint8Array.of(3));
	return corpus;
}

function randomInt(max: number) {
	return Math.floor(Math.random() * max);
}

/** One hostile frame: a mutation, truncation or splice of a valid message, random bytes, or text. */
function hostileFrame(corpus: Uint8Array[]): Uint8Array | string {
	const base = corpus[randomInt(corpus.length)];
	const kind = randomInt(8);
	if (kind === 0) return randomBytes(1 + randomInt(200));
	if (kind === 1) return base.slice(0, randomInt(base.length));
	if (kind === 2) return Buffer.concat([base, randomBytes(1 + randomInt(8))]);
	if (kind === 3) {
		const text = [
			'{"type":"sync"}',
			'ping',
			'',
			'\u0000\u0001',
			randomBytes(40).toString('base64'),
			'💥'.repeat(randomInt(100))
		];
		return text[randomInt(text.length)];
	}
	if (kind === 4) {
		// A huge declared length in front of a short body.
		return Uint8Array.from([randomInt(4), randomInt(3), 0xff, 0xff, 0xff, 0xff, 0x0f, ...randomBytes(randomInt(16))]);
	}
	const mutated = Uint8Array.from(base);
	for (let flips = 1 + randomInt(3); flips > 0; flips--) {
		const at = randomInt(mutated.length);
		mutated[at] = kind === 5 ? mutated[at] ^ (1 << randomInt(8)) : randomInt(256);
	}
	return mutated;
}

/** Sends one frame, then a ping: a pong means the server kept the connection, a close that it closed it. */
async function sendAndSettle(socket: RawSocket, frame: Uint8Array | string): Promise<'kept' | 'closed'> {
	if (socket.isClosed()) return 'closed';
	socket.ws.send(frame);
	socket.ws.ping();
	return Promise.race([
		new Promise<'kept'>((resolve) => socket.ws.once('pong', () => resolve('kept'))),
		socket.closed.then(() => 'closed' as const)
	]);
}

/** When the honest clients do not converge: who lacks what, whether the server has it, and how the sockets fared. */
async function convergenceReport(expected: string[]): Promise<string> {
	const fresh = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
	try {
		await whenSynced(fresh);
		const lacking = (notes: Record<string, unknown>) => {
			const missing = expected.filter((key) => !(key in notes));
			return `${missing.length} missing (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''})`;
		};
		return [
			`alice: ${lacking(alice.notes())}, connected ${alice.provider.wsconnected}, closes ${JSON.stringify(alice.closes)}, pending structs ${alice.doc.store.pendingStructs !== null}`,
			`bob: ${lacking(bob.notes())}, connected ${bob.provider.wsconnected}, closes ${JSON.stringify(bob.closes)}, pending structs ${bob.doc.store.pendingStructs !== null}`,
			`server (a fresh client): ${lacking(fresh.notes())}`
		].join('\n');
	} finally {
		fresh.destroy();
	}
}

describe('fault: hostile input while honest clients edit', () => {
	beforeEach(() => {
		ownLoop.reset();
		ownLoop.enable();
	});
	afterEach((context) => {
		ownLoop.disable();
		if (!stallProbe) return;
		const phase = context.task.name.split(' ').slice(0, 3).join(' ').replace(/,$/, '');
		stalls[phase] = `${stallProbe.take().toFixed(0)} ms (this process ${(ownLoop.max / 1e6).toFixed(0)} ms)`;
	});

	it('survives 10,000 mutated, truncated and random frames, closing only the senders', async () => {
		const corpus = seedCorpus();
		const closeCodes = new Map<number, number>();
		let kept = 0;
		let next = 0;
		const started = Date.now();
		const worker = async (w: number) => {
			// Observers and writers both fuzz: a write from an observer must close with read-only.
			const token = w % 3 === 0 ? seeded.guest.token : seeded.observer.token;
			let socket = await openRaw(token);
			while (next < FUZZ_MESSAGES) {
				next++;
				const outcome = await sendAndSettle(socket, hostileFrame(corpus));
				if (outcome === 'kept') {
					kept++;
					continue;
				}
				const { code } = await socket.closed;
				closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
				socket = await openRaw(token);
			}
			socket.ws.close();
		};
		await Promise.all(Array.from({ length: FUZZ_WORKERS }, (_, w) => worker(w)));
		const elapsed = Date.now() - started;
		console.log(
			`fuzz: ${FUZZ_MESSAGES} frames in ${elapsed} ms; kept open after ${kept}; closes by code ` +
				JSON.stringify(Object.fromEntries(closeCodes))
		);
		// Only the board's own reasons, never a crash (1006) or an internal error (4500).
		for (const code of closeCodes.keys()) expect([4400, 4405, 4413]).toContain(code);
		expect((await fetch(server.url)).status).toBeLessThan(500);
	});

	it('closes frames over the size limits', async () => {
		const big = await openRaw(seeded.guest.token);
		big.ws.send(message(0, 1, Y.encodeStateAsUpdate(new Y.Doc()))); // first sync done: the large allowance is gone
		big.ws.send(message(1, randomBytes(600 * 1024)));
		expect(await big.closed).toEqual({ code: 4413, reason: 'message-too-large' });
		const huge = await openRaw(seeded.observer.token);
		huge.ws.send(randomBytes(9 * 1024 * 1024));
		expect((await huge.closed).code).toBe(1009);
	});

	it('disconnects socket.io clients that send ill-typed, unknown or oversized events, and keeps the honest one', async () => {
		const connect = (token: string) =>
			io(server.url, {
				path: '/socket.io',
				transports: ['websocket'],
				reconnection: false,
				extraHeaders: { origin: server.url, cookie: sessionCookie(token) }
			});
		const honest = connect(seeded.facilitator.token);
		const joined = await honest.timeout(5000).emitWithAck('workshop:join', { workshopId: seeded.workshopId });
		expect(joined.ok).toBe(true);
		let rosterUpdates = 0;
		honest.on('roster:update', () => rosterUpdates++);

		const attacks: Array<(socket: IoSocket) => void> = [
			(s) => s.emit('workshop:join', 42, () => {}),
			(s) => s.emit('workshop:join', { workshopId: 'x'.repeat(10_000) }, () => {}),
			(s) => s.emit('workshop:join', { workshopId: seeded.workshopId, extra: { deep: [[[[1]]]] } }, () => {}),
			(s) => s.emit('workshop:join', [seeded.workshopId], () => {}),
			(s) => s.emit('workshop:join', null, () => {}),
			(s) => s.emit('workshop:join', Buffer.from('binarny'), () => {}),
			(s) => s.emit('workshop:join', { workshopId: seeded.workshopId }), // no ack
			(s) => s.emit('vote:cast', { option: 1 }, () => {}),
			(s) => s.emit('__proto__', {}, () => {}),
			(s) => s.emit('workshop:join', { workshopId: 'a'.repeat(200 * 1024) }, () => {}) // over 64 KiB
		];
		for (const attack of attacks) {
			const socket = connect(seeded.guest.token);
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', () => resolve());
				socket.once('connect_error', reject);
			});
			const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
			attack(socket);
			expect(['io server disconnect', 'transport close', 'transport error']).toContain(await gone);
			socket.close();
		}
		// Raw engine.io frames that are no socket.io packets at all.
		for (let i = 0; i < 50; i++) {
			const raw = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
				headers: { origin: server.url, cookie: sessionCookie(seeded.guest.token) }
			});
			raw.on('error', () => {});
			await new Promise((resolve) => raw.once('open', resolve));
			raw.send(i % 2 ? randomBytes(64) : `4${randomBytes(30).toString('latin1')}`);
			raw.send('40{"token":' + '['.repeat(5000));
			raw.close();
		}

		expect(honest.connected).toBe(true);
		const other = connect(seeded.secondGuest.token);
		expect((await other.timeout(5000).emitWithAck('workshop:join', { workshopId: seeded.workshopId })).ok).toBe(true);
		await eventually(() => expect(rosterUpdates).toBeGreaterThan(0));
		other.close();
		honest.close();
	});

	it('survives upgrade requests to any path whose client resets the connection before the answer', async () => {
		const paths = ['/nope', `/collab/${seeded.boardId}`, '/favicon.png', '/collab/../../etc', '/', '/socket.io/?EIO=4&transport=websocket'];
		for (let i = 0; i < 480; i++) {
			const socket = connectTcp(server.port, '127.0.0.1');
			socket.on('error', () => {});
			await new Promise((resolve, reject) => {
				socket.once('connect', resolve);
				socket.once('error', reject); // the server is gone
			});
			socket.write(
				`GET ${paths[i % paths.length]} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${server.url}\r\n` +
					`Cookie: ${sessionCookie(seeded.observer.token)}\r\n\r\n`
			);
			if (i % 2) socket.resetAndDestroy();
			else setTimeout(() => socket.resetAndDestroy(), i % 7);
		}
		await eventually(async () => expect((await fetch(server.url)).status).toBeLessThan(500));
		expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
	});

	it('refuses a connection flood from one address beyond the limit with 429, and keeps serving', async () => {
		const flood: WebSocket[] = [];
		const outcomes = { opened: 0, refused: 0, other: 0 };
		const attempts = Array.from({ length: 460 }, () => {
			const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${seeded.boardId}`, {
				headers: { cookie: sessionCookie(seeded.observer.token), origin: server.url }
			});
			flood.push(ws);
			return new Promise<void>((resolve) => {
				ws.on('error', () => {});
				ws.once('open', () => {
					outcomes.opened++;
					resolve();
				});
				ws.once('unexpected-response', (_request, response) => {
					if (response.statusCode === 429) outcomes.refused++;
					else outcomes.other++;
					resolve();
				});
			});
		});
		await Promise.all(attempts);
		// Honest clients (and the stall probe) from this address already hold a few of the 400.
		console.log(`flood: ${outcomes.opened} opened, ${outcomes.refused} refused with 429`);
		expect(outcomes.other).toBe(0);
		expect(outcomes.refused).toBeGreaterThanOrEqual(60);
		expect(outcomes.opened + outcomes.refused).toBe(460);
		expect((await fetch(server.url)).status).toBeLessThan(500);
		expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);

		for (const ws of flood) ws.terminate();
		// Once the flood is gone, the address may connect again.
		await eventually(async () => {
			const again = await openRaw(seeded.observer.token);
			again.ws.close();
		}, 10_000, 100);
	});

	it('delivered every honest edit to the other honest client and left the honest content untouched', async () => {
		if (honestTimer) clearInterval(honestTimer);
		honestTimer = null;
		const expected = [...honestKeys].sort();
		try {
			await eventually(() => {
				expect(Object.keys(alice.notes()).sort()).toEqual(expected);
				expect(Object.keys(bob.notes()).sort()).toEqual(expected);
			}, 15_000, 100);
		} catch (error) {
			throw new Error(`${String(error)}\n${await convergenceReport(expected)}`);
		}
		expect(alice.closes).toEqual([]);
		expect(bob.closes).toEqual([]);

		const fresh = connectBoard(server.url, seeded.boardId, seeded.facilitator.token);
		try {
			await whenSynced(fresh);
			expect(fresh.notes()).toEqual(alice.notes());
			for (const [key, note] of Object.entries(fresh.notes())) expect(note.text).toBe(`Uczciwa notatka ${key}`);
		} finally {
			fresh.destroy();
		}
		stallProbe!.stop();
		stallProbe = null;
		const phases = Object.entries(stalls).map(([phase, figure]) => `${phase}: ${figure}`);
		// A pong is late when either loop is blocked, so the figure is an upper bound on the server's stall.
		console.log(`fuzz: longest ping round trip to the server per phase — ${phases.join('; ')}`);
	});
});
