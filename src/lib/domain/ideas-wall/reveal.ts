import type * as Y from 'yjs';
import { NOTE_SIZE, WALL_HEIGHT, WALL_WIDTH, listNotes, type NoteColor } from './schema';
import { addNote } from './operations';

/** What a revealed private note becomes on the wall; `createdBy` is '' for an anonymous step. */
export interface RevealedNote {
	id: string;
	text: string;
	color: NoteColor;
	createdBy: string;
}

const GAP = 16;
const CELL = NOTE_SIZE + GAP;
const MARGIN = 24;

/**
 * Spots for `count` new notes on a grid over the wall, covering no existing note: first the
 * cells to the right of everything already there, then the cells below it, then any free
 * cell; when the wall is full, the last spots overlap, slightly offset so each stays visible.
 */
export function revealSpots(existing: readonly { x: number; y: number }[], count: number): Array<{ x: number; y: number }> {
	const columns = Math.floor((WALL_WIDTH - MARGIN) / CELL);
	const rows = Math.floor((WALL_HEIGHT - MARGIN) / CELL);
	const right = existing.length === 0 ? 0 : Math.max(...existing.map((n) => n.x)) + NOTE_SIZE;
	const bottom = existing.length === 0 ? 0 : Math.max(...existing.map((n) => n.y)) + NOTE_SIZE;
	const free = (x: number, y: number) => !existing.some((n) => Math.abs(n.x - x) < NOTE_SIZE + GAP / 2 && Math.abs(n.y - y) < NOTE_SIZE + GAP / 2);
	const cells: Array<{ x: number; y: number; rank: number }> = [];
	for (let row = 0; row < rows; row++) {
		for (let column = 0; column < columns; column++) {
			const x = MARGIN + column * CELL;
			const y = MARGIN + row * CELL;
			if (!free(x, y)) continue;
			const rank = x >= right ? 0 : y >= bottom ? 1 : 2;
			cells.push({ x, y, rank });
		}
	}
	// Stable sort: within a rank the grid's reading order (row by row, left to right).
	cells.sort((a, b) => a.rank - b.rank);
	const spots = cells.slice(0, count).map(({ x, y }) => ({ x, y }));
	for (let i = spots.length; i < count; i++) {
		const offset = (i - cells.length) % 20;
		spots.push({ x: MARGIN + offset * 24, y: MARGIN + offset * 24 });
	}
	return spots;
}

/**
 * Adds the notes in the given order, laid out in free space, all stamped with the same time
 * so nothing in the document tells in which order they arrived. One transaction.
 */
export function addRevealedNotes(doc: Y.Doc, notes: readonly RevealedNote[], revealedAt: number, origin: unknown = null): void {
	const spots = revealSpots(listNotes(doc), notes.length);
	doc.transact(() => {
		notes.forEach((note, i) => addNote(doc, { ...note, ...spots[i], createdAt: revealedAt }, origin));
	}, origin);
}
