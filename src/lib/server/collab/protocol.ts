import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * The y-websocket wire format (what the standard WebsocketProvider speaks): every binary frame
 * is one message, a varUint message type followed by its body. Parsing is strict: trailing
 * bytes, unknown types and truncated bodies are malformed, so a fuzzing client is closed
 * instead of being half understood.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'sync-step-2'; update: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

export class MalformedMessageError extends Error {}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const message = readMessage(decoder);
		if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
		return message;
	} catch (error) {
		if (error instanceof MalformedMessageError) throw error;
		throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable');
	}
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
	const messageType = decoding.readVarUint(decoder);
	if (messageType === MESSAGE_SYNC) {
		const syncType = decoding.readVarUint(decoder);
		const body = decoding.readVarUint8Array(decoder);
		if (syncType === SYNC_STEP_1) {
			// Throws on a state vector that does not decode.
			Y.decodeStateVector(body);
			return { type: 'sync-step-1', stateVector: body };
		}
		if (syncType === SYNC_STEP_2) return { type: 'sync-step-2', update: body };
		if (syncType === SYNC_UPDATE) return { type: 'update', update: body };
		throw new MalformedMessageError(`unknown sync message ${syncType}`);
	}
	if (messageType === MESSAGE_AWARENESS) return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
	if (messageType === MESSAGE_QUERY_AWARENESS) return { type: 'query-awareness' };
	throw new MalformedMessageError(`unknown message type ${messageType}`);
}

/**
 * Whether a frame may use the first-sync allowance: only document content (sync step 2 or an
 * update) may be larger than an ordinary message. Peeks at two bytes; both types are < 128,
 * so each is a single varUint byte.
 */
export function isDocumentContent(data: Uint8Array): boolean {
	return data.length > 1 && data[0] === MESSAGE_SYNC && (data[1] === SYNC_STEP_2 || data[1] === SYNC_UPDATE);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	return encodeSync(SYNC_STEP_1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	return encodeSync(SYNC_STEP_2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	return encodeSync(SYNC_UPDATE, update);
}

function encodeSync(syncType: number, body: Uint8Array): Uint8Array {
	return withHeader([MESSAGE_SYNC, syncType], body);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
	return withHeader([MESSAGE_AWARENESS], awarenessUpdate);
}

/**
 * The header bytes (each < 128, so one varUint byte), the body's length as a varUint, then the
 * body, written into one buffer of the exact size: a board-sized sync message is copied once,
 * not grown and re-copied chunk by chunk as lib0's encoder does. Buffer#copy is a memcpy;
 * Uint8Array#set at an odd offset took V8 about 5 ms per 1.5 MB here.
 */
function withHeader(header: number[], body: Uint8Array): Uint8Array {
	let lengthBytes = 1;
	for (let rest = body.length; rest > 0x7f; rest = Math.floor(rest / 128)) lengthBytes++;
	const message = Buffer.allocUnsafe(header.length + lengthBytes + body.length);
	let offset = 0;
	for (const byte of header) message[offset++] = byte;
	let rest = body.length;
	while (rest > 0x7f) {
		message[offset++] = 0x80 | (rest & 0x7f);
		rest = Math.floor(rest / 128);
	}
	message[offset++] = rest;
	Buffer.from(body.buffer, body.byteOffset, body.byteLength).copy(message, offset);
	return message;
}

/** A state vector that says "I have nothing": the common case of a fresh browser tab. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}
