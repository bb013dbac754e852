import type { CommandResult } from './contract';
import { NOTE_TEXT_MAX } from '../domain/ideas-wall/schema';

/**
 * The laptop's outbox of private notes not yet acknowledged by the server. Pure: the rune
 * class stores it in localStorage and sends it. Each note keeps the uuid it was born with, so a
 * note resent after a lost acknowledgement is recognised by the server and stored once.
 */
export interface OutboxNote {
	id: string;
	stepId: string;
	text: string;
	/** 'waiting' is sent at the next chance; 'refused' stays visible until its author dismisses it. */
	status: 'waiting' | 'refused';
	/** Why the server refused it (an error code), for the translated message. */
	reason?: string;
}

export function enqueue(outbox: readonly OutboxNote[], note: { id: string; stepId: string; text: string }): OutboxNote[] {
	return [...outbox, { ...note, status: 'waiting' }];
}

export function editQueued(outbox: readonly OutboxNote[], id: string, text: string): OutboxNote[] {
	return outbox.map((note) => (note.id === id ? { ...note, text } : note));
}

export function dropQueued(outbox: readonly OutboxNote[], id: string): OutboxNote[] {
	return outbox.filter((note) => note.id !== id);
}

/** The oldest note still to send: notes go in the order they were written. */
export function nextToSend(outbox: readonly OutboxNote[]): OutboxNote | null {
	return outbox.find((note) => note.status === 'waiting') ?? null;
}

/**
 * What an acknowledgement means for the note: 'sent' (stored, drop it from the outbox),
 * 'retry' (the connection or the server had a moment: keep it waiting) or 'refused' (the
 * server will never take it, e.g. the step is no longer private: keep the text in view).
 */
export function outcomeOf(result: CommandResult<unknown>): 'sent' | 'retry' | 'refused' {
	if (result.ok) return 'sent';
	return result.error === 'server-error' || result.error === 'rate-limited' ? 'retry' : 'refused';
}

export function settle(outbox: readonly OutboxNote[], id: string, result: CommandResult<unknown>): OutboxNote[] {
	const outcome = outcomeOf(result);
	if (outcome === 'sent') return dropQueued(outbox, id);
	if (outcome === 'retry') return [...outbox];
	const reason = result.ok ? undefined : result.error;
	return outbox.map((note) => (note.id === id ? { ...note, status: 'refused', reason } : note));
}

/** Reads a stored outbox; anything malformed (another version, a hand edit) is skipped, never thrown. */
export function parseOutbox(raw: string | null): OutboxNote[] {
	if (!raw) return [];
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return [];
	}
	if (!Array.isArray(value)) return [];
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
	return value.flatMap((item): OutboxNote[] => {
		if (!item || typeof item !== 'object') return [];
		const { id, stepId, text, status, reason } = item as Record<string, unknown>;
		if (typeof id !== 'string' || !uuid.test(id) || typeof stepId !== 'string' || !uuid.test(stepId)) return [];
		if (typeof text !== 'string' || text.length > NOTE_TEXT_MAX * 2) return [];
		const note: OutboxNote = { id, stepId, text, status: status === 'refused' ? 'refused' : 'waiting' };
		if (typeof reason === 'string') note.reason = reason;
		return [note];
	});
}

export function outboxKey(workshopId: string, personId: string): string {
	return `narada.brainstorm.outbox.${workshopId}.${personId}`;
}
