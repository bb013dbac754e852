import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeClientMessage, encodeAwarenessMessage, encodeSyncStep2, encodeUpdate } from '../../src/lib/server/collab/protocol';

/** What y-websocket's own code writes, to compare our single-copy framing against. */
function lib0Message(header: number[], body: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const byte of header) encoding.writeVarUint(encoder, byte);
	encoding.writeVarUint8Array(encoder, body);
	return encoding.toUint8Array(encoder);
}

describe('board socket message framing', () => {
	// Lengths around each varUint byte boundary, up to a board-sized (multi-megabyte) body.
	const lengths = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152 + 5];

	it.each(lengths)('frames a %i-byte body exactly as the y-websocket client expects', (length) => {
		const body = new Uint8Array(length).map((_, i) => i % 251);
		// Buffer comparison: a deep toEqual over megabytes takes vitest most of a minute.
		const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
		expect(same(encodeSyncStep2(body), lib0Message([0, 1], body))).toBe(true);
		expect(same(encodeUpdate(body), lib0Message([0, 2], body))).toBe(true);
		expect(same(encodeAwarenessMessage(body), lib0Message([1], body))).toBe(true);
	});

	it('reads back what it writes', () => {
		const body = new Uint8Array(300).fill(7);
		expect(decodeClientMessage(encodeUpdate(body))).toEqual({ type: 'update', update: body });
	});
});
