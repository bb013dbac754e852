import { describe, expect, it } from 'vitest';
import { dropQueued, editQueued, enqueue, nextToSend, outcomeOf, parseOutbox, settle, type OutboxNote } from '../../src/lib/realtime/brainstorm-outbox';
import { revealSpots } from '../../src/lib/domain/ideas-wall/reveal';
import { NOTE_SIZE, WALL_HEIGHT, WALL_WIDTH } from '../../src/lib/domain/ideas-wall/schema';

const step = '7d8f1f0e-2b7c-4c9a-9a4e-0d6c7f0b1a11';
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

function three(): OutboxNote[] {
	return ids.reduce<OutboxNote[]>((box, id, i) => enqueue(box, { id, stepId: step, text: `Notatka ${i + 1}` }), []);
}

describe('private notes outbox', () => {
	it('sends notes oldest first and forgets one only when the server acknowledged it', () => {
		let box = three();
		expect(nextToSend(box)?.id).toBe(ids[0]);
		box = settle(box, ids[0], { ok: false, error: 'server-error' });
		expect(box.map((n) => n.id)).toEqual(ids);
		expect(nextToSend(box)?.id).toBe(ids[0]);
		box = settle(box, ids[0], { ok: true });
		expect(nextToSend(box)?.id).toBe(ids[1]);
		expect(box).toHaveLength(2);
	});

	it('keeps a refused note in view with its reason, and skips it when sending', () => {
		let box = settle(three(), ids[0], { ok: false, error: 'step-closed' });
		expect(box[0]).toMatchObject({ id: ids[0], status: 'refused', reason: 'step-closed', text: 'Notatka 1' });
		expect(nextToSend(box)?.id).toBe(ids[1]);
		box = dropQueued(box, ids[0]);
		expect(box.map((n) => n.id)).toEqual(ids.slice(1));
	});

	it('tells a passing failure from a definitive refusal', () => {
		expect(outcomeOf({ ok: true })).toBe('sent');
		expect(outcomeOf({ ok: false, error: 'rate-limited' })).toBe('retry');
		expect(outcomeOf({ ok: false, error: 'server-error' })).toBe('retry');
		for (const error of ['step-closed', 'invalid-payload', 'forbidden', 'limit-reached'] as const) expect(outcomeOf({ ok: false, error })).toBe('refused');
	});

	it('edits a waiting note in place, keeping its id (so a resend is still the same note)', () => {
		const box = editQueued(three(), ids[1], 'Poprawiona');
		expect(box[1]).toEqual({ id: ids[1], stepId: step, text: 'Poprawiona', status: 'waiting' });
	});

	it('survives a reload: reads back what it stored and skips anything malformed', () => {
		const box = settle(three(), ids[2], { ok: false, error: 'invalid-payload' });
		expect(parseOutbox(JSON.stringify(box))).toEqual(box);
		expect(parseOutbox(null)).toEqual([]);
		expect(parseOutbox('{not json')).toEqual([]);
		expect(parseOutbox('{"a":1}')).toEqual([]);
		expect(parseOutbox(JSON.stringify([{ id: 'x', stepId: step, text: 'a' }, { id: ids[0], stepId: step, text: 5 }, box[0]]))).toEqual([box[0]]);
	});
});

describe('reveal layout', () => {
	const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NOTE_SIZE && Math.abs(a.y - b.y) < NOTE_SIZE;

	it('puts revealed notes on free cells inside the wall, first to the right of what is there', () => {
		const existing = [
			{ x: 40, y: 40 },
			{ x: 300, y: 260 }
		];
		const spots = revealSpots(existing, 12);
		expect(spots).toHaveLength(12);
		for (const spot of spots) {
			expect(spot.x).toBeGreaterThanOrEqual(0);
			expect(spot.y).toBeGreaterThanOrEqual(0);
			expect(spot.x + NOTE_SIZE).toBeLessThanOrEqual(WALL_WIDTH);
			expect(spot.y + NOTE_SIZE).toBeLessThanOrEqual(WALL_HEIGHT);
			expect(existing.some((e) => overlap(e, spot))).toBe(false);
			expect(spot.x).toBeGreaterThanOrEqual(300 + NOTE_SIZE);
		}
		for (const a of spots) for (const b of spots) if (a !== b) expect(overlap(a, b)).toBe(false);
	});

	it('still places every note on a full wall', () => {
		const full = revealSpots([], 200);
		expect(full).toHaveLength(200);
	});
});
