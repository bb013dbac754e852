import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../support/server';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { eventually } from '../support/eventually';
import { openDatabase } from '../../src/lib/server/db/index';
import { listWorkshopLog } from '../../src/lib/server/facilitation/workshop-log';
import { remainingMs } from '../../src/lib/domain/facilitation/timer';
import type { AgendaState } from '../../src/lib/realtime/contract';
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

function connect(token: string): Socket {
	const socket = facilitationSocket(server.url, token);
	sockets.push(socket);
	return socket;
}

/** Joins and keeps the latest agenda state the server sent to this client. */
async function joined(token: string, workshopId: string) {
	const socket = connect(token);
	const client = { socket, state: null as AgendaState | null, ack: null as any };
	socket.on('agenda:state', (state: AgendaState) => (client.state = state));
	client.ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	client.state ??= client.ack.data?.agenda ?? null;
	return client;
}

const send = sendCommand;

async function threeSteps(socket: Socket, workshop: SeededWorkshop) {
	expect(await send(socket, 'agenda:add', { title: 'Ściana pomysłów', boardId: workshop.boardId, activity: 'brainstorm', plannedMinutes: 7 })).toEqual({ ok: true });
	expect(await send(socket, 'agenda:add', { title: 'Drzewo problemów', boardId: null, activity: 'problem-tree', plannedMinutes: 45 })).toEqual({ ok: true });
	expect(await send(socket, 'agenda:add', { title: 'Przerwa', boardId: null, activity: 'break', plannedMinutes: 15 })).toEqual({ ok: true });
}

describe('workshop agenda and timer (socket.io)', () => {
	it('refuses every facilitator command from a participant and changes nothing', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		await threeSteps(facilitator.socket, workshop);
		const before = facilitator.state!;
		const participant = await joined(workshop.guest.token, workshop.workshopId);
		const observer = await joined(workshop.observer.token, workshop.workshopId);
		const stepId = before.steps[0].id;
		for (const client of [participant, observer]) {
			for (const [event, payload] of [
				['agenda:add', { title: 'Moje', boardId: null, activity: 'other', plannedMinutes: 5 }],
				['agenda:remove', { stepId }],
				['agenda:move', { stepId, toIndex: 2 }],
				['agenda:goto', { stepId }],
				['timer:start', { minutes: 5 }],
				['timer:stop', {}]
			] as const) {
				expect(await send(client.socket, event, payload)).toEqual({ ok: false, error: 'forbidden' });
			}
			expect(client.socket.connected).toBe(true);
		}
		const after = await joined(workshop.facilitator.token, workshop.workshopId);
		expect({ ...after.state, serverNow: 0 }).toEqual({ ...before, serverNow: 0 });
	});

	it('refuses invalid payloads with an error and keeps serving', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		for (const [event, payload] of [
			['agenda:add', { title: '', boardId: null, activity: 'other', plannedMinutes: 5 }],
			['agenda:add', { title: 'x'.repeat(201), boardId: null, activity: 'other', plannedMinutes: 5 }],
			['agenda:add', { title: 'Krok', boardId: null, activity: 'party', plannedMinutes: 5 }],
			['agenda:add', { title: 'Krok', boardId: null, activity: 'other', plannedMinutes: 481 }],
			['agenda:add', 'not an object'],
			['agenda:move', { stepId: 'x', toIndex: -1 }],
			['timer:start', { minutes: 0 }],
			['timer:start', { minutes: '5' }],
			['timer:pause', { extra: true }]
		] as const) {
			expect(await send(facilitator.socket, event, payload)).toEqual({ ok: false, error: 'invalid-payload' });
		}
		expect(await send(facilitator.socket, 'agenda:add', { title: 'Krok', boardId: workshop.otherBoardId, activity: 'other', plannedMinutes: 5 })).toEqual({ ok: false, error: 'not-found' });
		expect(await send(facilitator.socket, 'agenda:goto', { stepId: crypto.randomUUID() })).toEqual({ ok: false, error: 'not-found' });
		expect(facilitator.socket.connected).toBe(true);
		expect(facilitator.state?.steps ?? []).toEqual([]);
	});

	it('gives a late participant the current step and the running timer when they join', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		await threeSteps(facilitator.socket, workshop);
		const [first, second] = facilitator.state!.steps;
		await send(facilitator.socket, 'agenda:goto', { stepId: first.id });
		await send(facilitator.socket, 'agenda:goto', { stepId: second.id });
		await send(facilitator.socket, 'timer:start', { minutes: 45 });

		const late = await joined(workshop.guest.token, workshop.workshopId);
		const agenda: AgendaState = late.ack.data.agenda;
		expect(agenda.currentStepId).toBe(second.id);
		expect(agenda.steps.map((s) => s.title)).toEqual(['Ściana pomysłów', 'Drzewo problemów', 'Przerwa']);
		expect(agenda.steps[0].endedAt).not.toBeNull();
		expect(agenda.steps[1]).toMatchObject({ endedAt: null });
		expect(agenda.steps[1].startedAt).not.toBeNull();
		const left = remainingMs(agenda.timer, agenda.serverNow)!;
		expect(left).toBeGreaterThan(44 * 60_000);
		expect(left).toBeLessThanOrEqual(45 * 60_000);
	});

	it('after a reconnect shows a remaining time consistent with the server clock, paused or running', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		await send(facilitator.socket, 'timer:start', { minutes: 3 });
		const participant = await joined(workshop.guest.token, workshop.workshopId);
		const firstSeen = remainingMs(participant.ack.data.agenda.timer, participant.ack.data.agenda.serverNow)!;
		participant.socket.disconnect();
		await new Promise((resolve) => setTimeout(resolve, 300));
		const back = await joined(workshop.guest.token, workshop.workshopId);
		const { timer, serverNow } = back.ack.data.agenda as AgendaState;
		expect(timer.endsAt).toBe(participant.ack.data.agenda.timer.endsAt);
		const secondSeen = remainingMs(timer, serverNow)!;
		expect(firstSeen - secondSeen).toBeGreaterThanOrEqual(250);
		expect(firstSeen - secondSeen).toBeLessThan(5000);

		await send(facilitator.socket, 'timer:pause');
		await send(facilitator.socket, 'timer:add-minute');
		const paused = (await joined(workshop.secondGuest.token, workshop.workshopId)).ack.data.agenda as AgendaState;
		expect(paused.timer.endsAt).toBeNull();
		expect(paused.timer.pausedRemainingMs).toBeGreaterThan(3 * 60_000);
		expect(paused.timer.durationMs).toBe(4 * 60_000);
	});

	it('ends in the same state on every client when two facilitators send commands at once', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const anna = await joined(workshop.facilitator.token, workshop.workshopId);
		const pawel = await joined(workshop.facilitator.token, workshop.workshopId);
		const participants = [await joined(workshop.guest.token, workshop.workshopId), await joined(workshop.secondGuest.token, workshop.workshopId)];
		await threeSteps(anna.socket, workshop);
		const ids = anna.state!.steps.map((s) => s.id);

		const results = await Promise.all([
			send(anna.socket, 'agenda:move', { stepId: ids[2], toIndex: 0 }),
			send(pawel.socket, 'agenda:move', { stepId: ids[0], toIndex: 2 }),
			send(anna.socket, 'agenda:goto', { stepId: ids[1] }),
			send(pawel.socket, 'agenda:goto', { stepId: ids[1] }),
			send(anna.socket, 'agenda:add', { title: 'Głosowanie', boardId: null, activity: 'voting', plannedMinutes: 10 }),
			send(pawel.socket, 'agenda:add', { title: 'Podsumowanie', boardId: null, activity: 'discussion', plannedMinutes: 10 }),
			send(anna.socket, 'timer:start', { minutes: 10 }),
			send(pawel.socket, 'timer:add-minute'),
			send(pawel.socket, 'agenda:remove', { stepId: ids[0] }),
			send(anna.socket, 'agenda:remove', { stepId: ids[0] })
		]);
		// Arrival order between two sockets is arbitrary: a step already removed by one is "not found" for the other.
		const refused = results.filter((r) => !r.ok);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.every((r) => r.error === 'not-found')).toBe(true);

		const everyone = [anna, pawel, ...participants];
		await eventually(() => {
			const seen = everyone.map((c) => JSON.stringify({ ...c.state, serverNow: 0 }));
			expect(new Set(seen).size).toBe(1);
			expect(everyone[0].state!.steps).toHaveLength(4);
		});
		const final = anna.state!;
		expect(final.steps.map((s) => s.title).sort()).toEqual(['Drzewo problemów', 'Głosowanie', 'Podsumowanie', 'Przerwa'].sort());
		expect(final.currentStepId).toBe(ids[1]);
		expect(final.steps.map((_, i) => i)).toEqual([0, 1, 2, 3]);
	});

	it('edits a step and, when the current step is removed, leaves no step current', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		await threeSteps(facilitator.socket, workshop);
		const [first, second] = facilitator.state!.steps;
		expect(await send(facilitator.socket, 'agenda:update', { stepId: second.id, title: '  Drzewo   problemów: przemoc ', plannedMinutes: 50, boardId: workshop.boardId })).toEqual({ ok: true });
		expect(await send(facilitator.socket, 'agenda:update', { stepId: first.id, boardId: workshop.otherBoardId })).toEqual({ ok: false, error: 'not-found' });
		await send(facilitator.socket, 'agenda:goto', { stepId: second.id });
		await eventually(() => expect(facilitator.state!.steps[1]).toMatchObject({ title: 'Drzewo problemów: przemoc', plannedMinutes: 50, boardId: workshop.boardId, activity: 'problem-tree' }));
		expect(facilitator.state!.steps[0].boardId).toBe(workshop.boardId);

		expect(await send(facilitator.socket, 'agenda:remove', { stepId: second.id })).toEqual({ ok: true });
		await eventually(() => {
			expect(facilitator.state!.currentStepId).toBeNull();
			expect(facilitator.state!.steps.map((s) => s.title)).toEqual(['Ściana pomysłów', 'Przerwa']);
		});
	});

	it('records every facilitator command in the workshop log: who, what, when', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const participant = await joined(workshop.guest.token, workshop.workshopId);
		await threeSteps(facilitator.socket, workshop);
		await send(facilitator.socket, 'agenda:goto', { stepId: facilitator.state!.steps[0].id });
		await send(facilitator.socket, 'timer:start', { minutes: 7 });
		await send(facilitator.socket, 'timer:pause');
		await send(participant.socket, 'timer:stop');
		await send(facilitator.socket, 'timer:start', { minutes: 0 });

		const { db, close } = openDatabase(server.databasePath);
		try {
			const log = await listWorkshopLog(db, workshop.workshopId);
			expect(log.map((e) => e.action)).toEqual(['agenda:add', 'agenda:add', 'agenda:add', 'agenda:goto', 'timer:start', 'timer:pause']);
			expect(new Set(log.map((e) => e.actor))).toEqual(new Set([workshop.userId]));
			expect(log[4].detail).toEqual({ minutes: 7 });
			expect(log.every((e) => Math.abs(e.at - Date.now()) < 60_000)).toBe(true);
		} finally {
			await close();
		}
	});
});
