import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../support/server';
import { seedWorkshop } from '../support/seed';
import { eventually } from '../support/eventually';
import type { FollowState } from '../../src/lib/realtime/follow-contract';
import { facilitationSocket, sendCommand } from '../support/facilitation-socket';

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const socket of sockets) socket.disconnect();
	await server?.stop();
});

/** A joined socket.io client that keeps the last follow state the server told it. */
async function joined(token: string, workshopId: string) {
	const socket = facilitationSocket(server.url, token);
	sockets.push(socket);
	const client = { socket, follow: undefined as FollowState | undefined };
	socket.on('follow:state', (state: FollowState) => (client.follow = state));
	const ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	expect(ack.ok).toBe(true);
	client.follow ??= ack.data.follow;
	return client;
}

const send = sendCommand;

describe('follow me (socket.io)', () => {
	it('brings every participant to a board and a box in it, and a late joiner lands there too', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const participant = await joined(workshop.guest.token, workshop.workshopId);
		expect(participant.follow).toBeNull();

		const target = { kind: 'box', id: 'core' };
		expect(await send(facilitator.socket, 'follow:bring', { boardId: workshop.boardId, target })).toEqual({ ok: true });
		await eventually(() => expect(participant.follow).toMatchObject({ boardId: workshop.boardId, boardTitle: 'Ściana pomysłów', target }));

		const late = await joined(workshop.secondGuest.token, workshop.workshopId);
		expect(late.follow).toMatchObject({ boardId: workshop.boardId, target });

		expect(await send(facilitator.socket, 'follow:stop')).toEqual({ ok: true });
		await eventually(() => expect(participant.follow).toBeNull());
	});

	it('refuses a participant, a board outside the workshop and a malformed target, changing nothing', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const participant = await joined(workshop.guest.token, workshop.workshopId);

		expect(await send(participant.socket, 'follow:bring', { boardId: workshop.boardId, target: null })).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(facilitator.socket, 'follow:bring', { boardId: workshop.otherBoardId, target: null })).toEqual({ ok: false, error: 'not-found' });
		expect(await send(facilitator.socket, 'follow:bring', { boardId: workshop.boardId, target: { kind: 'script', id: 'x' } })).toEqual({
			ok: false,
			error: 'invalid-payload'
		});
		const again = await joined(workshop.secondGuest.token, workshop.workshopId);
		expect(again.follow).toBeNull();
	});

	it('keeps where everyone was brought across a server restart', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		expect(await send(facilitator.socket, 'follow:bring', { boardId: workshop.boardId, target: null })).toEqual({ ok: true });
		await server.restart();
		const participant = await joined(workshop.guest.token, workshop.workshopId);
		expect(participant.follow).toMatchObject({ boardId: workshop.boardId, target: null });
	});
});

describe('the workshop log page', () => {
	it('tells a facilitator in words who led the group where and when, and is closed to participants', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		expect(await send(facilitator.socket, 'follow:bring', { boardId: workshop.boardId, target: null })).toEqual({ ok: true });
		expect(await send(facilitator.socket, 'timer:start', { minutes: 7 })).toEqual({ ok: true });
		const page = (token: string) => fetch(`${server.url}/w/${workshop.workshopId}/log`, { headers: { cookie: `narada_session=${token}` } });

		const html = await (await page(workshop.facilitator.token)).text();
		expect(html).toContain('Anna Facylitatorka');
		expect(html).toContain('Przyprowadzono wszystkich do tablicy „Ściana pomysłów”');
		expect(html).toContain('Uruchomiono licznik czasu na 7 min');
		expect((await page(workshop.guest.token)).status).toBe(404);
	});
});

describe('facilitation command rate limit', () => {
	it('answers a flood of commands from one connection with "rate-limited" and keeps serving it', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const results = await Promise.all(Array.from({ length: 60 }, () => send(facilitator.socket, 'timer:add-minute')));
		const limited = results.filter((result) => result.error === 'rate-limited').length;
		expect(limited).toBeGreaterThan(0);
		expect(results.filter((result) => result.ok).length).toBeGreaterThan(0);
		// Tokens come back with time: the same connection is served again.
		await eventually(async () => expect(await send(facilitator.socket, 'timer:stop')).toEqual({ ok: true }));
	});
});
