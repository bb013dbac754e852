import { beforeEach, describe, expect, it } from 'vitest';
import { PrivateBrainstorm } from '../../src/lib/realtime/brainstorm.svelte';
import type { FacilitationConnection } from '../../src/lib/realtime/facilitation.svelte';
import type { CommandResult, JoinData } from '../../src/lib/realtime/contract';

const WORKSHOP = '0b8c7c3e-5a7d-4f59-9f55-1f6a3c1d2e10';
const STEP = '7d8f1f0e-2b7c-4c9a-9a4e-0d6c7f0b1a11';
const BOARD = 'c3d9a1b2-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** A laptop's facilitation connection without a network: the test answers each command. */
class FakeConnection {
	workshopId = WORKSHOP;
	connected = false;
	agenda = {
		steps: [{ id: STEP, title: 'Pomysły', boardId: BOARD, activity: 'brainstorm', plannedMinutes: 10, privacy: 'anonymous', startedAt: 1, endedAt: null }],
		currentStepId: STEP,
		timer: { endsAt: null, pausedRemainingMs: null, durationMs: null },
		serverNow: 0
	};
	sent: Array<{ event: string; payload: any; answer: (r: CommandResult<unknown>) => void }> = [];
	#joined: Array<(data: JoinData) => void> = [];
	onJoined(listener: (data: JoinData) => void) {
		this.#joined.push(listener);
		return () => (this.#joined = this.#joined.filter((l) => l !== listener));
	}
	on() {
		return () => undefined;
	}
	send(event: string, payload: unknown): Promise<CommandResult<unknown>> {
		return new Promise((answer) => this.sent.push({ event, payload, answer }));
	}
	join() {
		this.connected = true;
		for (const listener of this.#joined) listener({ brainstorm: { summary: null, own: null } } as unknown as JoinData);
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
	const store = new Map<string, string>();
	(globalThis as any).localStorage = {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => store.set(k, v),
		removeItem: (k: string) => store.delete(k)
	};
});

function start(connection = new FakeConnection()) {
	return { connection, brainstorm: new PrivateBrainstorm(connection as unknown as FacilitationConnection, 'person-1') };
}

describe('private brainstorm on the laptop', () => {
	it('keeps notes written offline, sends them in order after the join, and forgets each only on its acknowledgement', async () => {
		const { connection, brainstorm } = start();
		const first = brainstorm.add('Pierwsza')!;
		const second = brainstorm.add('Druga')!;
		expect(connection.sent).toEqual([]);
		expect(brainstorm.outbox.map((n) => n.status)).toEqual(['waiting', 'waiting']);

		// The tab is closed and opened again: the outbox comes back from storage.
		const reopened = start(connection);
		expect(reopened.brainstorm.outbox.map((n) => n.id)).toEqual([first, second]);
		brainstorm.destroy();

		connection.join();
		await settle();
		expect(connection.sent.map((s) => s.payload)).toEqual([{ id: first, stepId: STEP, text: 'Pierwsza' }]);
		connection.sent[0].answer({ ok: true });
		await settle();
		expect(reopened.brainstorm.outbox.map((n) => n.id)).toEqual([second]);
		expect(connection.sent[1].payload.id).toBe(second);
		// The acknowledgement is lost with the connection: the note stays, and goes again with the same id.
		connection.sent[1].answer({ ok: false, error: 'server-error' });
		await settle();
		expect(reopened.brainstorm.outbox.map((n) => n.id)).toEqual([second]);
		connection.join();
		await settle();
		expect(connection.sent[2].payload.id).toBe(second);
		connection.sent[2].answer({ ok: true });
		await settle();
		expect(reopened.brainstorm.outbox).toEqual([]);
		expect(localStorage.getItem(`narada.brainstorm.outbox.${WORKSHOP}.person-1`)).toBeNull();
	});

	it('keeps a refused note visible with its reason, and applies an edit made while the note was on its way', async () => {
		const { connection, brainstorm } = start();
		connection.join();
		const id = brainstorm.add('Pomysł')!;
		await settle();
		const edited = brainstorm.edit(id, 'Pomysł poprawiony');
		connection.sent[0].answer({ ok: true });
		await settle();
		expect(connection.sent[1]).toMatchObject({ event: 'brainstorm:note-edit', payload: { id, text: 'Pomysł poprawiony' } });
		connection.sent[1].answer({ ok: true });
		expect(await edited).toBeNull();

		connection.agenda.steps[0].privacy = 'anonymous';
		const late = brainstorm.add('Za późno')!;
		await settle();
		connection.sent[2].answer({ ok: false, error: 'step-closed' });
		await settle();
		expect(brainstorm.outbox).toEqual([{ id: late, stepId: STEP, text: 'Za późno', status: 'refused', reason: 'step-closed' }]);
		expect(await brainstorm.remove(late)).toBeNull();
		expect(brainstorm.outbox).toEqual([]);
	});

	it('shares one outbox between two tabs of the same person without losing either tab’s notes', () => {
		const a = start();
		const b = start();
		const fromA = a.brainstorm.add('Z karty A')!;
		const fromB = b.brainstorm.add('Z karty B')!;
		expect(b.brainstorm.outbox.map((n) => n.id)).toEqual([fromA, fromB]);
		expect(start().brainstorm.outbox.map((n) => n.id)).toEqual([fromA, fromB]);
	});
});
