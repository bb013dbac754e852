import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binarySender } from '../../server/binary-frame';

/**
 * The board socket writes broadcast frames itself (server/binary-frame.ts). A real `ws` client
 * must receive every message whole, in order with what ws itself sends, at every length
 * encoding of RFC 6455: 7-bit, 16-bit and 64-bit.
 */
let server: WebSocketServer | null = null;
const clients: WebSocket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.terminate();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	server = null;
});

async function connectedPair(count: number): Promise<{ serverSides: WebSocket[]; received: Uint8Array[][] }> {
	server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
	await new Promise((resolve) => server!.once('listening', resolve));
	const { port } = server.address() as AddressInfo;
	const serverSides: WebSocket[] = [];
	server.on('connection', (ws) => serverSides.push(ws));
	const received: Uint8Array[][] = [];
	for (let i = 0; i < count; i++) {
		const client = new WebSocket(`ws://127.0.0.1:${port}`);
		const messages: Uint8Array[] = [];
		client.on('message', (data) => messages.push(new Uint8Array(data as Buffer)));
		clients.push(client);
		received.push(messages);
		await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
	}
	while (serverSides.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
	return { serverSides, received };
}

function bytes(length: number, seed: number): Uint8Array {
	return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('binary frames written by the board socket', () => {
	it('delivers every length whole and in order to every client, beside what ws sends itself', async () => {
		const { serverSides, received } = await connectedPair(2);
		const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000];
		const sent = lengths.map((length, i) => bytes(length, i));
		const viaWs = bytes(300, 99);
		const written: number[] = [];
		for (const ws of serverSides) {
			const sendBinary = binarySender(ws);
			sent.forEach((message, i) => {
				sendBinary(message, () => written.push(i));
				if (i === 3) ws.send(viaWs, { binary: true });
			});
		}
		const expected = [...sent.slice(0, 4), viaWs, ...sent.slice(4)];
		await expect.poll(() => received.map((messages) => messages.length)).toEqual([expected.length, expected.length]);
		for (const messages of received) {
			expect(messages.map((m) => m.length)).toEqual(expected.map((m) => m.length));
			messages.forEach((message, i) => expect(Buffer.compare(message, expected[i])).toBe(0));
		}
		await expect.poll(() => written.length).toBe(lengths.length * 2);
	});

	it('reports a message written even when its client has gone', async () => {
		const { serverSides } = await connectedPair(1);
		const [ws] = serverSides;
		clients[0].terminate();
		await new Promise((resolve) => ws.once('close', resolve));
		let written = false;
		binarySender(ws)(bytes(10, 1), () => (written = true));
		await expect.poll(() => written).toBe(true);
	});
});
