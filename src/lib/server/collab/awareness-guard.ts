import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedMessageError } from './protocol';
import type { PresenceUser } from './identity';

/** More entries than any honest client sends in one awareness message. */
const MAX_AWARENESS_ENTRIES = 256;

interface AwarenessEntry {
	clientID: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/**
 * Rewrites a client's awareness update before the server applies and relays it: only entries
 * for client ids this connection may speak for survive, and every surviving state carries the
 * server's `user` (name, role, institution) in place of whatever the client wrote there.
 *
 * y-websocket clients echo the awareness of others back to the server, so foreign entries are
 * dropped quietly rather than treated as an attack.
 */
export function guardAwarenessUpdate(
	update: Uint8Array,
	maySpeakFor: (clientID: number) => boolean,
	presence: PresenceUser
): { update: Uint8Array; clientIDs: number[] } | null {
	const entries = readAwarenessUpdate(update).filter((entry) => maySpeakFor(entry.clientID));
	if (entries.length === 0) return null;
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { clientID, clock, state } of entries) {
		encoding.writeVarUint(encoder, clientID);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, JSON.stringify(state === null ? null : { ...state, user: presence }));
	}
	return { update: encoding.toUint8Array(encoder), clientIDs: entries.map((entry) => entry.clientID) };
}

function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		if (count > MAX_AWARENESS_ENTRIES) throw new MalformedMessageError('too many awareness entries');
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientID = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state: unknown = JSON.parse(decoding.readVarString(decoder));
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
				throw new MalformedMessageError('awareness state is not an object');
			}
			entries.push({ clientID, clock, state: state as Record<string, unknown> | null });
		}
		if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness');
		return entries;
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable awareness');
	}
}
