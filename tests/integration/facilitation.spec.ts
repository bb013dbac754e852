import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../support/server';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { eventually } from '../support/eventually';
import type { RosterEntry } from '../../src/lib/realtime/contract';

let server: TestServer;
let workshopA: SeededWorkshop;
let workshopB: SeededWorkshop;
const sockets: Socket[] = [];

beforeAll(async () => {
	server = await startServer();
	workshopA = await seedWorkshop(server.databasePath);
	workshopB = await seedWorkshop(server.databasePath);
});

afterAll(async () => {
	for (const socket of sockets) socket.disconnect();
	await server?.stop();
});

function connect(token: string | null, origin = server.url): Socket {
	const socket = io(server.url, {
		path: '/socket.io',
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { origin, ...(token ? { cookie: `narada_session=${token}` } : {}) }
	});
	sockets.push(socket);
	return socket;
}

function join(socket: Socket, workshopId: string): Promise<any> {
	return socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
}

function disconnected(socket: Socket): Promise<string> {
	return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

describe('facilitation channel (socket.io)', () => {
	it('shows everyone present in the workshop roster with their real names', async () => {
		const facilitator = connect(workshopA.facilitator.token);
		const guest = connect(workshopA.guest.token);
		const joined = await join(facilitator, workshopA.workshopId);
		expect(joined).toMatchObject({ ok: true, data: { role: 'facilitator' } });

		let latest: RosterEntry[] = [];
		facilitator.on('roster:update', (roster: RosterEntry[]) => (latest = roster));
		const guestJoin = await join(guest, workshopA.workshopId);
		expect(guestJoin.data.role).toBe('participant');

		await eventually(() => {
			expect(latest.map((p) => p.name)).toEqual(['Anna Facylitatorka', 'Jan z PCPR']);
			expect(latest[1]).toMatchObject({ institution: 'PCPR w Piszu', sector: 'social_assistance', role: 'participant' });
		});

		guest.disconnect();
		await eventually(() => expect(latest.map((p) => p.name)).toEqual(['Anna Facylitatorka']));
	});

	it('lets an observer in as an observer', async () => {
		const observer = connect(workshopA.observer.token);
		expect(await join(observer, workshopA.workshopId)).toMatchObject({ ok: true, data: { role: 'observer' } });
	});

	it("refuses a guest of workshop A in workshop B's room", async () => {
		const guest = connect(workshopA.guest.token);
		expect(await join(guest, workshopB.workshopId)).toEqual({ ok: false, error: 'forbidden' });
	});

	it('refuses a connection without a session or from another origin', async () => {
		const anonymous = connect(null);
		const error = await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve));
		expect(error.message).toBe('unauthorized');

		const foreign = connect(workshopA.guest.token, 'https://evil.example');
		await new Promise<Error>((resolve) => foreign.once('connect_error', resolve));
		expect(foreign.connected).toBe(false);
	});

	it('closes only the connection that sends an unknown, ill-typed or oversized event', async () => {
		const honest = connect(workshopA.secondGuest.token);
		await join(honest, workshopA.workshopId);

		const unknown = connect(workshopA.guest.token);
		await new Promise<void>((resolve) => unknown.once('connect', () => resolve()));
		const unknownClosed = disconnected(unknown);
		unknown.emit('board:delete-everything', { all: true });
		expect(await unknownClosed).toBe('io server disconnect');

		const illTyped = connect(workshopA.guest.token);
		const result = await illTyped.timeout(5000).emitWithAck('workshop:join', { workshopId: 42 });
		expect(result).toEqual({ ok: false, error: 'invalid-payload' });
		await eventually(() => expect(illTyped.connected).toBe(false));

		const oversized = connect(workshopA.guest.token);
		await new Promise<void>((resolve) => oversized.once('connect', () => resolve()));
		const oversizedClosed = disconnected(oversized);
		oversized.emit('workshop:join', { workshopId: 'x'.repeat(100 * 1024) });
		expect(await oversizedClosed).toBe('transport close');

		expect(honest.connected).toBe(true);
		expect(await join(honest, workshopA.workshopId)).toMatchObject({ ok: true });
	});
});

describe('facilitation connections from one address', () => {
	it('refuses connections beyond the per-address limit and lets new ones in once others leave', async () => {
		const limited = await startServer({ COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '3' });
		const seeded = await seedWorkshop(limited.databasePath);
		const open = (): Socket =>
			io(limited.url, {
				path: '/socket.io',
				transports: ['websocket'],
				reconnection: false,
				extraHeaders: { origin: limited.url, cookie: `narada_session=${seeded.guest.token}` }
			});
		const outcome = (socket: Socket) =>
			new Promise<string>((resolve) => {
				socket.once('connect', () => resolve('connected'));
				socket.once('connect_error', (error) => resolve(error.message));
			});
		const held = [open(), open(), open()];
		try {
			expect(await Promise.all(held.map(outcome))).toEqual(['connected', 'connected', 'connected']);
			const refused = open();
			expect(await outcome(refused)).toBe('too-many-connections');
			refused.disconnect();

			held.pop()!.disconnect();
			const again = open();
			held.push(again);
			await eventually(async () => {
				if (!again.connected) again.connect();
				expect(again.connected).toBe(true);
			}, 5000, 200);
		} finally {
			for (const socket of held) socket.disconnect();
			await limited.stop();
		}
	});
});
