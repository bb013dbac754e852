import * as Y from 'yjs';
import { replaceTextMinimally } from '../text-edit';
import { generateKeyBetween } from 'fractional-indexing';
import {
	IDEAS_WALL_SCHEMA_VERSION,
	NOTE_TEXT_MAX,
	clampPosition,
	getNoteMap,
	getNoteText,
	isNoteColor,
	listNotes,
	metaMap,
	notesMap,
	readSchemaVersion,
	type NoteColor
} from './schema';

/**
 * Operations on the ideas wall. Each runs in one transaction with the caller's origin, so an
 * UndoManager that tracks that origin undoes exactly the local person's changes.
 */
export interface NewNote {
	id?: string;
	text?: string;
	x: number;
	y: number;
	color: NoteColor;
	createdBy: string;
	createdById?: string;
	createdAt?: number;
}

export function addNote(doc: Y.Doc, input: NewNote, origin: unknown = null): string {
	const id = input.id ?? crypto.randomUUID();
	const color = isNoteColor(input.color) ? input.color : 'yellow';
	doc.transact(() => {
		if (readSchemaVersion(doc) === 0) metaMap(doc).set('schemaVersion', IDEAS_WALL_SCHEMA_VERSION);
		const note = new Y.Map<unknown>();
		const text = new Y.Text();
		if (input.text) text.insert(0, input.text.slice(0, NOTE_TEXT_MAX));
		const { x, y } = clampPosition(input.x, input.y);
		note.set('text', text);
		note.set('x', x);
		note.set('y', y);
		note.set('color', color);
		note.set('createdBy', input.createdBy);
		if (input.createdById) note.set('createdById', input.createdById);
		note.set('createdAt', input.createdAt ?? Date.now());
		note.set('z', topZ(doc));
		notesMap(doc).set(id, note);
	}, origin);
	return id;
}

/**
 * Replaces a note's text by changing only the span that differs, so two people typing in the
 * same note at once both keep their words (a whole-text replace would drop one of them).
 */
export function editNoteText(doc: Y.Doc, id: string, next: string, origin: unknown = null): boolean {
	const text = getNoteText(doc, id);
	if (!text) return false;
	const wanted = next.slice(0, NOTE_TEXT_MAX);
	replaceTextMinimally(doc, text, wanted, origin);
	return true;
}

/** Commits a drop: the new position, and the note comes to the front where it was put. */
export function moveNote(doc: Y.Doc, id: string, x: number, y: number, origin: unknown = null): boolean {
	const note = getNoteMap(doc, id);
	if (!note) return false;
	const position = clampPosition(x, y);
	doc.transact(() => {
		if (note.get('x') !== position.x) note.set('x', position.x);
		if (note.get('y') !== position.y) note.set('y', position.y);
		bringToFrontInTransaction(doc, id, note);
	}, origin);
	return true;
}

export function recolorNote(doc: Y.Doc, id: string, color: NoteColor, origin: unknown = null): boolean {
	const note = getNoteMap(doc, id);
	if (!note || !isNoteColor(color)) return false;
	if (note.get('color') !== color) doc.transact(() => note.set('color', color), origin);
	return true;
}

export function deleteNote(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	if (!notesMap(doc).has(id)) return false;
	doc.transact(() => notesMap(doc).delete(id), origin);
	return true;
}

export function bringToFront(doc: Y.Doc, id: string, origin: unknown = null): boolean {
	const note = getNoteMap(doc, id);
	if (!note) return false;
	doc.transact(() => bringToFrontInTransaction(doc, id, note), origin);
	return true;
}

function bringToFrontInTransaction(doc: Y.Doc, id: string, note: Y.Map<unknown>) {
	const notes = listNotes(doc);
	const top = notes[notes.length - 1];
	if (top && top.id === id) return;
	note.set('z', topZ(doc));
}

/** A key above every valid key on the wall (invalid ones read as '' and sort below). */
function topZ(doc: Y.Doc): string {
	let max: string | null = null;
	for (const note of listNotes(doc)) if (note.z && (max === null || note.z > max)) max = note.z;
	return generateKeyBetween(max, null);
}
