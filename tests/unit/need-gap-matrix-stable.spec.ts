import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addColumn, addGroup, addRow, deriveMatrix, initMatrixDoc, setCell } from '../../src/lib/domain/need-gap-matrix';
import { stabilizeMatrix } from '../../src/lib/components/need-gap-matrix/stable-matrix';

function sample(): Y.Doc {
	const doc = new Y.Doc();
	initMatrixDoc(doc);
	addGroup(doc, { id: 'S', name: 'Usługi dla osób starszych' });
	addRow(doc, 'S', { id: 's1', name: 'Kluby Seniora' });
	addRow(doc, 'S', { id: 's2', name: 'Teleopieka' });
	for (const id of ['c1', 'c2']) addColumn(doc, { id, name: `powiat ${id}`, kind: 'territory' });
	return doc;
}

describe('stabilizeMatrix', () => {
	it('keeps the objects of everything one edit did not change, and equals a fresh derivation', () => {
		const doc = sample();
		const before = stabilizeMatrix(null, deriveMatrix(doc));
		setCell(doc, 's1', 'c1', { need: 'high', offer: 'none' });
		const after = stabilizeMatrix(before, deriveMatrix(doc));
		expect(after).toEqual(deriveMatrix(doc));
		expect(after.cells.get('s1|c1')).not.toBe(before.cells.get('s1|c1'));
		expect(after.cells.get('s2|c2')).toBe(before.cells.get('s2|c2'));
		expect(after.rows[0]).not.toBe(before.rows[0]);
		expect(after.rows[1]).toBe(before.rows[1]);
		expect(after.columns[1]).toBe(before.columns[1]);
		expect(stabilizeMatrix(after, deriveMatrix(doc)).rows).toBe(after.rows);
	});
});
