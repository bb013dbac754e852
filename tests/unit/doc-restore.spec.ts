import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeRestoreUpdate, openState } from '../../src/lib/domain/doc-restore';
import { addNote, deleteNote, editNoteText, listNotes, moveNote, recolorNote } from '../../src/lib/domain/ideas-wall';

const base = { x: 10, y: 20, color: 'yellow' as const, createdBy: 'Jan' };

/** A replica the way the server holds it: only bytes, no schema code has typed its roots. */
function serverCopy(doc: Y.Doc): Y.Doc {
	return openState(Y.encodeStateAsUpdate(doc));
}

function wallWithNotes(count: number): Y.Doc {
	const doc = new Y.Doc();
	for (let i = 0; i < count; i++) addNote(doc, { ...base, id: `n${i}`, text: `Pomysł ${i}`, x: i * 10 }, null);
	return doc;
}

describe('restoring a board to an earlier state', () => {
	it('brings back deleted, edited, moved and recoloured notes and removes later ones', () => {
		const doc = wallWithNotes(6);
		const earlier = Y.encodeStateAsUpdate(doc);
		const earlierNotes = listNotes(doc);

		for (const id of ['n0', 'n1', 'n2']) deleteNote(doc, id); // "half the wall" gone
		editNoteText(doc, 'n3', 'Zmieniony tekst');
		moveNote(doc, 'n4', 500, 400);
		recolorNote(doc, 'n5', 'blue');
		addNote(doc, { ...base, id: 'later', text: 'Dopisane później' });

		const update = computeRestoreUpdate(serverCopy(doc), earlier);
		expect(update).not.toBeNull();
		Y.applyUpdate(doc, update!);
		expect(listNotes(doc)).toEqual(earlierNotes);
	});

	it('is a new change: a client that edited meanwhile merges it and both replicas converge', () => {
		const facilitator = wallWithNotes(4);
		const earlier = Y.encodeStateAsUpdate(facilitator);
		const participant = new Y.Doc();
		Y.applyUpdate(participant, earlier);

		deleteNote(facilitator, 'n0');
		deleteNote(facilitator, 'n1');
		Y.applyUpdate(participant, Y.encodeStateAsUpdate(facilitator));

		// Offline for a moment, the participant keeps working while the facilitator restores.
		const offlineStart = Y.encodeStateVector(participant);
		editNoteText(participant, 'n2', 'Pomysł 2 — uzupełniony');
		addNote(participant, { ...base, id: 'concurrent', text: 'Nowa w trakcie' });

		Y.applyUpdate(facilitator, computeRestoreUpdate(facilitator, earlier)!);
		expect(listNotes(facilitator).map((n) => n.id).sort()).toEqual(['n0', 'n1', 'n2', 'n3']);

		Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(participant, Y.encodeStateVector(facilitator)));
		Y.applyUpdate(participant, Y.encodeStateAsUpdate(facilitator, offlineStart));
		expect(listNotes(participant)).toEqual(listNotes(facilitator));
		expect(Y.encodeStateVector(participant)).toEqual(Y.encodeStateVector(facilitator));
		const ids = listNotes(participant).map((n) => n.id).sort();
		expect(ids).toEqual(['concurrent', 'n0', 'n1', 'n2', 'n3']);
		expect(listNotes(participant).find((n) => n.id === 'n2')!.text).toBe('Pomysł 2 — uzupełniony');
	});

	it('keeps an untouched note the same object, so someone typing in it keeps their place', () => {
		const doc = wallWithNotes(2);
		const earlier = Y.encodeStateAsUpdate(doc);
		const noteBefore = doc.getMap('notes').get('n1');
		deleteNote(doc, 'n0');
		Y.applyUpdate(doc, computeRestoreUpdate(doc, earlier)!);
		expect(doc.getMap('notes').get('n1')).toBe(noteBefore);
	});

	it('returns null when nothing changed since the restore point', () => {
		const doc = wallWithNotes(3);
		expect(computeRestoreUpdate(serverCopy(doc), Y.encodeStateAsUpdate(doc))).toBeNull();
	});

	it('restores top-level arrays, texts and nested values of any board kind', () => {
		const doc = new Y.Doc();
		const tree = doc.getArray<unknown>('order');
		const title = doc.getText('title');
		const settings = doc.getMap<unknown>('settings');
		tree.insert(0, ['a', 'b', { nested: [1, 2] }]);
		title.insert(0, 'Drzewo problemów');
		const inner = new Y.Array<string>();
		inner.insert(0, ['x']);
		settings.set('columns', inner);
		settings.set('bytes', new Uint8Array([1, 2, 3]));
		const earlier = Y.encodeStateAsUpdate(doc);
		const earlierJson = { order: tree.toJSON(), title: title.toString(), settings: settings.toJSON() };

		tree.delete(0, 2);
		tree.push(['c']);
		title.delete(0, 6);
		title.insert(0, 'Cele');
		inner.push(['y']);
		settings.set('bytes', new Uint8Array([9]));
		settings.set('extra', true);
		doc.getMap('created-later').set('k', 1);

		Y.applyUpdate(doc, computeRestoreUpdate(serverCopy(doc), earlier)!);
		expect({ order: tree.toJSON(), title: title.toString(), settings: settings.toJSON() }).toEqual(earlierJson);
		expect(doc.getMap('created-later').size).toBe(0);
	});
});
