import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../support/server';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { eventually } from '../support/eventually';
import { connectBoard, whenSynced, type BoardClient } from './collab-client';
import { addNote } from '../../src/lib/domain/ideas-wall';
import { listVoteResults } from '../../src/lib/server/facilitation/vote-results';
import { listWorkshopLog } from '../../src/lib/server/facilitation/workshop-log';
import type { MyDots, VoteView } from '../../src/lib/realtime/votes-contract';
import { facilitationSocket, sendCommand } from '../support/facilitation-socket';
import { withDatabase, type TestDb } from '../support/database';

let server: TestServer;
const sockets: Socket[] = [];
const boards: BoardClient[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterEach(() => {
	for (const socket of sockets.splice(0)) socket.disconnect();
	for (const board of boards.splice(0)) board.destroy();
});

afterAll(async () => {
	await server?.stop();
});

/** A joined socket.io client that records every event the server sent it. */
async function joined(token: string, workshopId: string) {
	const socket = facilitationSocket(server.url, token);
	sockets.push(socket);
	const received: Array<{ event: string; data: any }> = [];
	socket.onAny((event: string, data: unknown) => received.push({ event, data }));
	const ack = await socket.timeout(5000).emitWithAck('workshop:join', { workshopId });
	expect(ack.ok).toBe(true);
	return { socket, received, ack, last: (event: string) => received.filter((r) => r.event === event).at(-1)?.data };
}

const send = sendCommand;
const withDb = <T,>(run: (db: TestDb) => Promise<T>) => withDatabase(server.databasePath, run);

const rules = { dotsPerPerson: 3, maxPerItem: 2, resultsLive: false, noOwnItems: true, randomOrder: false, facilitatorVotes: false };

/** A seeded workshop whose ideas wall holds a note by Jan, one by Ewa and one from before authors had ids. */
async function wallWithNotes() {
	const workshop = await seedWorkshop(server.databasePath);
	const board = connectBoard(server.url, workshop.boardId, workshop.facilitator.token);
	boards.push(board);
	await whenSynced(board);
	addNote(board.doc, { id: 'jan', text: 'Asystent rodziny w każdej gminie', x: 0, y: 0, color: 'yellow', createdBy: 'Jan z PCPR', createdById: workshop.guest.participantId });
	addNote(board.doc, { id: 'ewa', text: 'Świetlica dla młodzieży', x: 300, y: 0, color: 'green', createdBy: 'Ewa ze szkoły', createdById: workshop.secondGuest.participantId });
	addNote(board.doc, { id: 'old', text: 'Klub seniora', x: 600, y: 0, color: 'blue', createdBy: 'Ktoś' });
	return workshop;
}

/** Opens a vote once the server has the notes (the board update travels on another socket). */
async function openVote(socket: Socket, workshop: SeededWorkshop, settings: Partial<typeof rules> = {}): Promise<string> {
	const result = await eventually(async () => {
		const outcome = await send(socket, 'vote:open', { boardId: workshop.boardId, ...rules, ...settings });
		expect(outcome).toMatchObject({ ok: true });
		return outcome;
	});
	return result.data.voteId;
}


describe('dot voting (socket.io)', () => {
	it('enforces dots per person, dots per item, own items and the facilitator not voting', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop);
		const dot = (itemId: string) => ({ voteId, itemId });

		expect(await send(jan.socket, 'vote:place', dot('jan'))).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(jan.socket, 'vote:place', dot('ewa'))).toEqual({ ok: true });
		expect(await send(jan.socket, 'vote:place', dot('ewa'))).toEqual({ ok: true });
		expect(await send(jan.socket, 'vote:place', dot('ewa'))).toEqual({ ok: false, error: 'limit-reached' });
		expect(await send(jan.socket, 'vote:place', dot('old'))).toEqual({ ok: true });
		expect(await send(jan.socket, 'vote:place', dot('old'))).toEqual({ ok: false, error: 'limit-reached' });
		expect(await send(jan.socket, 'vote:place', dot('nie-ma-takiej'))).toEqual({ ok: false, error: 'not-found' });
		await eventually(() => expect(jan.last('vote:mine')).toEqual({ voteId, dots: { ewa: 2, old: 1 }, remaining: 0 }));

		expect(await send(jan.socket, 'vote:remove', dot('ewa'))).toEqual({ ok: true });
		expect(await send(jan.socket, 'vote:remove', dot('jan'))).toEqual({ ok: false, error: 'not-found' });
		await eventually(() => expect(jan.last('vote:mine')).toEqual({ voteId, dots: { ewa: 1, old: 1 }, remaining: 1 }));

		expect(await send(facilitator.socket, 'vote:place', dot('old'))).toEqual({ ok: false, error: 'forbidden' });
		const observer = await joined(workshop.observer.token, workshop.workshopId);
		expect(await send(observer.socket, 'vote:place', dot('old'))).toEqual({ ok: false, error: 'forbidden' });
	});

	it('lets only the facilitator open and close, one vote at a time, on a board of the workshop', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		expect(await send(jan.socket, 'vote:open', { boardId: workshop.boardId, ...rules })).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(facilitator.socket, 'vote:open', { boardId: workshop.otherBoardId, ...rules })).toEqual({ ok: false, error: 'not-found' });
		for (const bad of [{ ...rules, maxPerItem: 4 }, { ...rules, dotsPerPerson: 21 }, { ...rules, dotsPerPerson: 0 }, { ...rules, extra: 1 }]) {
			expect(await send(facilitator.socket, 'vote:open', { boardId: workshop.boardId, ...bad })).toEqual({ ok: false, error: 'invalid-payload' });
		}
		const voteId = await openVote(facilitator.socket, workshop);
		expect(await send(facilitator.socket, 'vote:open', { boardId: workshop.boardId, ...rules })).toEqual({ ok: false, error: 'limit-reached' });
		expect(await send(jan.socket, 'vote:close', { voteId })).toEqual({ ok: false, error: 'forbidden' });
		expect(await send(facilitator.socket, 'vote:close', { voteId })).toEqual({ ok: true });
		expect(await send(jan.socket, 'vote:place', { voteId, itemId: 'old' })).toEqual({ ok: false, error: 'vote-closed' });
		expect(jan.socket.connected && facilitator.socket.connected).toBe(true);
	});

	it('refuses to open a vote on a board with nothing to vote on', async () => {
		const workshop = await seedWorkshop(server.databasePath);
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		expect(await send(facilitator.socket, 'vote:open', { boardId: workshop.boardId, ...rules })).toEqual({ ok: false, error: 'vote-no-items' });
	});

	it('stores exactly N dots when one participant sends 30 places at once', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop, { dotsPerPerson: 5, maxPerItem: 5 });
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		const items = ['jan', 'old'];
		const results = await Promise.all(Array.from({ length: 30 }, (_, i) => send(ewa.socket, 'vote:place', { voteId, itemId: items[i % 2] })));
		expect(results.filter((r) => r.ok)).toHaveLength(5);
		expect(results.filter((r) => !r.ok).every((r) => r.error === 'limit-reached')).toBe(true);
		const stored = await withDb((db) => db.selectFrom('vote_dots').select('item_id').where('vote_id', '=', voteId).execute());
		expect(stored).toHaveLength(5);
		await eventually(() => expect(ewa.last('vote:mine')).toMatchObject({ voteId, remaining: 0 }));
	});

	it('keeps hidden results off participants’ sockets until the vote closes; facilitators see them live', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop);
		await send(jan.socket, 'vote:place', { voteId, itemId: 'ewa' });
		await send(jan.socket, 'vote:place', { voteId, itemId: 'old' });
		await send(ewa.socket, 'vote:place', { voteId, itemId: 'old' });
		await eventually(() => expect(facilitator.last('vote:totals')).toEqual({ voteId, totals: { ewa: 1, old: 2 } }));

		for (const participant of [jan, ewa]) {
			expect(participant.received.some((r) => r.event === 'vote:totals')).toBe(false);
			const states = participant.received.filter((r) => r.event === 'vote:state').map((r) => r.data as VoteView);
			expect(states.length).toBeGreaterThan(0);
			expect(states.every((state) => state.totals === null)).toBe(true);
		}
		// Each person hears only of their own dots.
		expect(ewa.received.filter((r) => r.event === 'vote:mine').map((r) => r.data as MyDots)).toEqual([{ voteId, dots: { old: 1 }, remaining: 2 }]);
		const lateJoin = await joined(workshop.guest.token, workshop.workshopId);
		expect(lateJoin.ack.data.vote.totals).toBeNull();

		expect(await send(facilitator.socket, 'vote:close', { voteId })).toEqual({ ok: true });
		await eventually(() => expect(ewa.last('vote:state')).toMatchObject({ id: voteId, totals: { ewa: 1, old: 2 } }));
		expect(ewa.last('vote:state').closedAt).not.toBeNull();
	});

	it('shows live results to everyone when the facilitator chose so', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop, { resultsLive: true, facilitatorVotes: true });
		expect(await send(facilitator.socket, 'vote:place', { voteId, itemId: 'jan' })).toEqual({ ok: true });
		await send(jan.socket, 'vote:place', { voteId, itemId: 'ewa' });
		await eventually(() => expect(ewa.last('vote:totals')).toEqual({ voteId, totals: { jan: 1, ewa: 1 } }));
	});

	it('gives a reconnecting or late participant the open vote with their own remaining dots', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop, { dotsPerPerson: 5, maxPerItem: 3, randomOrder: true });
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		await send(jan.socket, 'vote:place', { voteId, itemId: 'old' });
		await send(jan.socket, 'vote:place', { voteId, itemId: 'old' });
		jan.socket.disconnect();

		const back = await joined(workshop.guest.token, workshop.workshopId);
		expect(back.ack.data.vote).toMatchObject({ id: voteId, boardId: workshop.boardId, boardTitle: 'Ściana pomysłów', closedAt: null, totals: null });
		expect(back.ack.data.vote.settings).toMatchObject({ dotsPerPerson: 5, maxPerItem: 3, randomOrder: true });
		expect(back.ack.data.vote.items.map((item: { label: string }) => item.label)).toEqual(['Asystent rodziny w każdej gminie', 'Świetlica dla młodzieży', 'Klub seniora']);
		expect(back.ack.data.myDots).toEqual({ voteId, dots: { old: 2 }, remaining: 3 });

		const late = await joined(workshop.secondGuest.token, workshop.workshopId);
		expect(late.ack.data.myDots).toEqual({ voteId, dots: {}, remaining: 5 });
		expect((await joined(workshop.facilitator.token, workshop.workshopId)).ack.data.vote.totals).toEqual({ old: 2 });
	});

	it('saves closed votes with the workshop, ranked, and logs opening and closing', async () => {
		const workshop = await wallWithNotes();
		const facilitator = await joined(workshop.facilitator.token, workshop.workshopId);
		const jan = await joined(workshop.guest.token, workshop.workshopId);
		const ewa = await joined(workshop.secondGuest.token, workshop.workshopId);
		const voteId = await openVote(facilitator.socket, workshop);
		await send(jan.socket, 'vote:place', { voteId, itemId: 'old' });
		await send(jan.socket, 'vote:place', { voteId, itemId: 'ewa' });
		await send(ewa.socket, 'vote:place', { voteId, itemId: 'old' });
		await send(ewa.socket, 'vote:place', { voteId, itemId: 'old' });
		expect(await send(facilitator.socket, 'vote:close', { voteId })).toEqual({ ok: true });

		const results = await withDb((db) => listVoteResults(db, workshop.workshopId));
		expect(results).toHaveLength(1);
		expect(results[0]).toMatchObject({ voteId, boardId: workshop.boardId, boardTitle: 'Ściana pomysłów', voters: 2, dotsPlaced: 4 });
		expect(results[0].closedAt).not.toBeNull();
		expect(results[0].ranking).toEqual([
			{ itemId: 'old', label: 'Klub seniora', dots: 3 },
			{ itemId: 'ewa', label: 'Świetlica dla młodzieży', dots: 1 },
			{ itemId: 'jan', label: 'Asystent rodziny w każdej gminie', dots: 0 }
		]);
		const log = await withDb((db) => listWorkshopLog(db as never, workshop.workshopId));
		expect(log.map((entry) => entry.action)).toEqual(['vote:open', 'vote:close']);
		expect(log.every((entry) => entry.actor === workshop.userId)).toBe(true);

		// The closed vote stays what a late joiner sees, with its results.
		const late = await joined(workshop.observer.token, workshop.workshopId);
		expect(late.ack.data.vote).toMatchObject({ id: voteId, totals: { old: 3, ewa: 1 } });
		expect(late.ack.data.vote.closedAt).not.toBeNull();
	});
});
