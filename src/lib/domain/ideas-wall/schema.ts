import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';

/**
 * The ideas wall's Yjs schema. One board = one Y.Doc with two top-level maps:
 *   meta:  { schemaVersion: number }
 *   notes: { [noteId]: Y.Map { text: Y.Text, x, y, color, createdBy, createdById?, createdAt, z } }
 * createdBy is the author's display name; createdById their person id (votes: no dots on one's own notes).
 * Every client writes this doc, so nothing read from it is trusted: readers validate each
 * entry and skip or repair what does not fit, the same way on every client.
 */
export const IDEAS_WALL_SCHEMA_VERSION = 1;

export const META_NAME = 'meta';
export const NOTES_NAME = 'notes';

/** The wall is a fixed canvas, large enough for a workshop's notes, scrolled on small screens. */
export const WALL_WIDTH = 2400;
export const WALL_HEIGHT = 1600;
export const NOTE_SIZE = 180;
export const NOTE_TEXT_MAX = 500;

/**
 * Named colours, not hex values: the view maps each to a light background that keeps the
 * dark text above the WCAG AA contrast ratio, and an old doc keeps working if shades change.
 */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'green'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

export interface IdeaNote {
	id: string;
	text: string;
	x: number;
	y: number;
	color: NoteColor;
	createdBy: string;
	/** Absent on notes written before authors had ids: those count as nobody's own. */
	createdById?: string;
	createdAt: number;
	/** Fractional-index key; a higher key is drawn above a lower one. */
	z: string;
}

export function notesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(NOTES_NAME);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(META_NAME);
}

/** 0 for a doc nobody has written yet. */
export function readSchemaVersion(doc: Y.Doc): number {
	const version = metaMap(doc).get('schemaVersion');
	return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** A doc written by a newer Narada is shown read-only rather than rewritten in an older shape. */
export function isSchemaSupported(doc: Y.Doc): boolean {
	return readSchemaVersion(doc) <= IDEAS_WALL_SCHEMA_VERSION;
}

export function isNoteColor(value: unknown): value is NoteColor {
	return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

export function clampPosition(x: number, y: number): { x: number; y: number } {
	const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(Number.isFinite(v) ? v : 0, 0), max));
	return { x: clamp(x, WALL_WIDTH - NOTE_SIZE), y: clamp(y, WALL_HEIGHT - NOTE_SIZE) };
}

/** A key that fractional-indexing accepts; anything else would make key generation throw. */
export function isZKey(value: unknown): value is string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
	try {
		generateKeyBetween(value, null);
		return true;
	} catch {
		return false;
	}
}

/**
 * Reads one entry of the notes map, or null when it is not a note: not a Y.Map, no Y.Text,
 * or a non-finite position. Repairable fields (unknown colour, missing author or z) get fixed
 * defaults so every client draws the same wall from the same doc.
 */
export function readNote(id: string, value: unknown): IdeaNote | null {
	if (!(value instanceof Y.Map)) return null;
	const text = value.get('text');
	const x = value.get('x');
	const y = value.get('y');
	if (!(text instanceof Y.Text)) return null;
	if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
	const color = value.get('color');
	const createdBy = value.get('createdBy');
	const createdById = value.get('createdById');
	const createdAt = value.get('createdAt');
	const z = value.get('z');
	return {
		id,
		text: text.toString().slice(0, NOTE_TEXT_MAX),
		...clampPosition(x, y),
		color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
		createdBy: typeof createdBy === 'string' ? createdBy : '',
		...(typeof createdById === 'string' && createdById !== '' ? { createdById: createdById.slice(0, 100) } : {}),
		createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
		z: isZKey(z) ? z : ''
	};
}

/** Stacking order: by z key, ties (concurrent bring-to-front) broken by id, the same everywhere. */
export function compareNotes(a: IdeaNote, b: IdeaNote): number {
	if (a.z !== b.z) return a.z < b.z ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every valid note, bottom to top; malformed entries are skipped. */
export function listNotes(doc: Y.Doc): IdeaNote[] {
	const notes: IdeaNote[] = [];
	for (const [id, value] of notesMap(doc).entries()) {
		const note = readNote(id, value);
		if (note) notes.push(note);
	}
	return notes.sort(compareNotes);
}

export function getNoteMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const value = notesMap(doc).get(id);
	return readNote(id, value) ? (value as Y.Map<unknown>) : null;
}

export function getNoteText(doc: Y.Doc, id: string): Y.Text | null {
	return (getNoteMap(doc, id)?.get('text') as Y.Text | undefined) ?? null;
}

/**
 * The nearest spot to `preferred` where a new note covers no other note, searched in rings
 * outwards; when the wall is full around there, `preferred` itself.
 */
export function findFreeSpot(notes: readonly { x: number; y: number }[], preferred: { x: number; y: number }): { x: number; y: number } {
	const gap = 16;
	const step = NOTE_SIZE + gap;
	const overlaps = (x: number, y: number) => notes.some((n) => Math.abs(n.x - x) < NOTE_SIZE + gap / 2 && Math.abs(n.y - y) < NOTE_SIZE + gap / 2);
	const start = clampPosition(preferred.x, preferred.y);
	for (let ring = 0; ring <= 6; ring++) {
		for (let dy = -ring; dy <= ring; dy++) {
			for (let dx = -ring; dx <= ring; dx++) {
				if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
				const spot = clampPosition(start.x + dx * step, start.y + dy * step);
				if (!overlaps(spot.x, spot.y)) return spot;
			}
		}
	}
	return start;
}
