import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	IDEAS_WALL_SCHEMA_VERSION,
	NOTE_COLORS,
	NOTE_SIZE,
	WALL_WIDTH,
	addNote,
	bringToFront,
	deleteNote,
	editNoteText,
	isSchemaSupported,
	listNotes,
	metaMap,
	moveNote,
	notesMap,
	readSchemaVersion,
	recolorNote
} from '../../src/lib/domain/ideas-wall';

const base = { x: 10, y: 20, color: 'yellow' as const, createdBy: 'Jan' };

/** Two replicas wired together as the server would relay them. */
function connectedPair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
	b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
	return { a, b };
}

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('ideas wall operations', () => {
	it('adds a note with text, position, colour, author and the schema version', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { ...base, text: 'Brak koordynacji', createdAt: 1000 });
		expect(listNotes(doc)).toEqual([
			{ id, text: 'Brak koordynacji', x: 10, y: 20, color: 'yellow', createdBy: 'Jan', createdAt: 1000, z: expect.any(String) }
		]);
		expect(readSchemaVersion(doc)).toBe(IDEAS_WALL_SCHEMA_VERSION);
	});

	it('edits, moves, recolours and deletes', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { ...base, text: 'Długi czas' });
		editNoteText(doc, id, 'Długi czas oczekiwania na terapię');
		moveNote(doc, id, 300, 400);
		recolorNote(doc, id, 'blue');
		expect(listNotes(doc)[0]).toMatchObject({ text: 'Długi czas oczekiwania na terapię', x: 300, y: 400, color: 'blue' });
		expect(deleteNote(doc, id)).toBe(true);
		expect(listNotes(doc)).toEqual([]);
		expect(editNoteText(doc, id, 'x')).toBe(false);
	});

	it('keeps notes on the wall and text within its limit', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { ...base, x: -50, y: 99999, text: 'a'.repeat(2000) });
		const note = listNotes(doc)[0];
		expect(note.x).toBe(0);
		expect(note.text.length).toBe(500);
		moveNote(doc, id, WALL_WIDTH * 2, 0);
		expect(listNotes(doc)[0].x).toBe(WALL_WIDTH - NOTE_SIZE);
	});

	it('brings a moved note to the front', () => {
		const doc = new Y.Doc();
		const first = addNote(doc, base);
		const second = addNote(doc, base);
		expect(listNotes(doc).map((n) => n.id)).toEqual([first, second]);
		moveNote(doc, first, 50, 50);
		expect(listNotes(doc).map((n) => n.id)).toEqual([second, first]);
		bringToFront(doc, second);
		expect(listNotes(doc).map((n) => n.id)).toEqual([first, second]);
	});

	it('refuses colours outside the palette', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, base);
		expect(recolorNote(doc, id, 'red' as never)).toBe(false);
		expect(listNotes(doc)[0].color).toBe('yellow');
	});
});

describe('ideas wall reading a doc written by anyone', () => {
	it('skips malformed entries and repairs the repairable, the same on every replica', () => {
		const doc = new Y.Doc();
		const good = addNote(doc, { ...base, text: 'ok' });
		const notes = notesMap(doc);
		doc.transact(() => {
			notes.set('plain-string', 'not a note');
			notes.set('number', 42);
			const noText = new Y.Map<unknown>();
			noText.set('text', 'plain string instead of Y.Text');
			noText.set('x', 1);
			noText.set('y', 1);
			notes.set('no-ytext', noText);
			const badPosition = new Y.Map<unknown>();
			badPosition.set('text', new Y.Text('x'));
			badPosition.set('x', 'left');
			badPosition.set('y', 1);
			notes.set('bad-position', badPosition);
			const repairable = new Y.Map<unknown>();
			repairable.set('text', new Y.Text('colour and z broken'));
			repairable.set('x', 5);
			repairable.set('y', 5);
			repairable.set('color', '<script>');
			repairable.set('z', '!!!');
			notes.set('repairable', repairable);
		});
		const replica = new Y.Doc();
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
		const read = listNotes(doc);
		expect(read.map((n) => n.id)).toEqual(['repairable', good]);
		expect(read[0]).toMatchObject({ color: 'yellow', createdBy: '', z: '' });
		expect(listNotes(replica)).toEqual(read);
		// Operations on a wall with broken keys still work.
		const added = addNote(doc, base);
		expect(listNotes(doc).at(-1)?.id).toBe(added);
	});

	it('treats a doc from a newer schema as unsupported', () => {
		const doc = new Y.Doc();
		expect(isSchemaSupported(doc)).toBe(true);
		metaMap(doc).set('schemaVersion', IDEAS_WALL_SCHEMA_VERSION + 1);
		expect(isSchemaSupported(doc)).toBe(false);
	});
});

describe('ideas wall under concurrency', () => {
	it('merges two people typing into the same note at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = addNote(a, { ...base, text: 'kryzys' });
		sync(a, b);
		editNoteText(a, id, 'rodziny w kryzys');
		editNoteText(b, id, 'kryzys psychiczny');
		sync(a, b);
		expect(listNotes(a)[0].text).toBe('rodziny w kryzys psychiczny');
		expect(listNotes(b)).toEqual(listNotes(a));
	});

	it('converges after random operations on disconnected replicas', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
		for (let round = 0; round < 20; round++) {
			for (const doc of docs) {
				for (let op = 0; op < 5; op++) {
					const ids = listNotes(doc).map((n) => n.id);
					const id = ids[Math.floor(random() * ids.length)];
					const r = random();
					if (!id || r < 0.3) addNote(doc, { ...base, x: random() * 3000, y: random() * 2000 });
					else if (r < 0.5) editNoteText(doc, id, `tekst ${Math.floor(random() * 100)}`);
					else if (r < 0.7) moveNote(doc, id, random() * 2400, random() * 1600);
					else if (r < 0.85) recolorNote(doc, id, NOTE_COLORS[Math.floor(random() * NOTE_COLORS.length)]);
					else deleteNote(doc, id);
				}
			}
			// Random partial syncs, as laptops drop off and come back.
			const i = Math.floor(random() * 3);
			const j = (i + 1 + Math.floor(random() * 2)) % 3;
			sync(docs[i], docs[j]);
		}
		sync(docs[0], docs[1]);
		sync(docs[1], docs[2]);
		sync(docs[0], docs[1]);
		expect(listNotes(docs[1])).toEqual(listNotes(docs[0]));
		expect(listNotes(docs[2])).toEqual(listNotes(docs[0]));
		expect(listNotes(docs[0]).length).toBeGreaterThan(0);
	});
});

describe('undo of one’s own changes', () => {
	it('undoes and redoes only the local origin', () => {
		const { a, b } = connectedPair();
		const local = { person: 'a' };
		const undo = new Y.UndoManager(notesMap(a), { trackedOrigins: new Set([local]), captureTimeout: 0 });
		const mine = addNote(a, { ...base, text: 'moja' }, local);
		const theirs = addNote(b, { ...base, text: 'cudza' }, { person: 'b' });
		editNoteText(b, mine, 'moja, poprawiona przez Ewę');
		moveNote(a, theirs, 500, 500, local);

		undo.undo();
		expect(listNotes(b).find((n) => n.id === theirs)).toMatchObject({ x: 10, y: 20 });
		undo.undo();
		expect(listNotes(b).map((n) => n.id)).toEqual([theirs]);
		expect(listNotes(a)).toEqual(listNotes(b));

		// Redo brings the note back as it was deleted, with Ewa's edit in it.
		undo.redo();
		expect(listNotes(b).find((n) => n.id === mine)?.text).toBe('moja, poprawiona przez Ewę');
		expect(listNotes(b).find((n) => n.id === theirs)?.text).toBe('cudza');
	});
});

describe('placing a new note', () => {
	it('finds the nearest spot that covers no other note', async () => {
		const { findFreeSpot } = await import('../../src/lib/domain/ideas-wall');
		expect(findFreeSpot([], { x: 500, y: 400 })).toEqual({ x: 500, y: 400 });
		const taken = [{ x: 500, y: 400 }];
		const spot = findFreeSpot(taken, { x: 510, y: 410 });
		expect(Math.abs(spot.x - 500) >= NOTE_SIZE || Math.abs(spot.y - 400) >= NOTE_SIZE).toBe(true);
		expect(Math.hypot(spot.x - 510, spot.y - 410)).toBeLessThan(NOTE_SIZE * 2);
	});
});
