import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	MATRIX_SCHEMA_VERSION,
	NAME_MAX,
	NOTE_MAX,
	addColumn,
	addGroup,
	addRow,
	cellAt,
	cellFieldKey,
	cellKey,
	checkCellFields,
	checkGapOverride,
	checkNewColumn,
	checkNewRow,
	deriveMatrix,
	initMatrixDoc,
	matrixCellsMap,
	matrixMetaMap,
	moveColumn,
	moveGroup,
	moveRow,
	readCellAt,
	removeColumn,
	removeGroup,
	removeRow,
	renameColumn,
	renameRow,
	setCell,
	setGapOverride,
	type CellFields,
	type NeedGapMatrix
} from '../../src/lib/domain/need-gap-matrix';

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Groups S (rows s1, s2) and R (row r1); columns c1, c2, c3; every cell's note names its row and column. */
function sampleMatrix(): Y.Doc {
	const doc = new Y.Doc();
	initMatrixDoc(doc);
	addGroup(doc, { id: 'S', name: 'Usługi dla osób starszych' });
	addGroup(doc, { id: 'R', name: 'Usługi dla rodzin' });
	addRow(doc, 'S', { id: 's1', name: 'Kluby Seniora' });
	addRow(doc, 'S', { id: 's2', name: 'Teleopieka' });
	addRow(doc, 'R', { id: 'r1', name: 'Szkoła dla rodziców' });
	for (const id of ['c1', 'c2', 'c3']) addColumn(doc, { id, name: `powiat ${id}`, kind: 'territory' });
	for (const row of ['s1', 's2', 'r1']) for (const column of ['c1', 'c2', 'c3']) setCell(doc, row, column, { note: `${row}/${column}` });
	return doc;
}

/** The matrix as a reader sees it: "group: row row", and the columns. */
function layout(matrix: NeedGapMatrix): string[] {
	return [
		...matrix.groups.map((group) => `${group.other ? '(other)' : group.name}: ${group.rows.map((row) => row.id).join(' ')}`),
		`columns: ${matrix.columns.map((column) => column.id).join(' ')}`
	];
}

/** Every shown cell whose note does not name its own row and column. */
function misplacedCells(matrix: NeedGapMatrix): string[] {
	return [...matrix.cells.values()].filter((cell) => cell.note !== '' && cell.note !== `${cell.rowId}/${cell.columnId}`).map((cell) => cell.key);
}

describe('matrix structure', () => {
	it('initialises the schema version once', () => {
		const doc = new Y.Doc();
		initMatrixDoc(doc);
		initMatrixDoc(doc);
		expect(matrixMetaMap(doc).get('schemaVersion')).toBe(MATRIX_SCHEMA_VERSION);
		expect(deriveMatrix(doc).groups).toEqual([]);
	});

	it('adds, renames, reorders and removes groups, rows and columns', () => {
		const doc = sampleMatrix();
		expect(layout(deriveMatrix(doc))).toEqual(['Usługi dla osób starszych: s1 s2', 'Usługi dla rodzin: r1', 'columns: c1 c2 c3']);
		expect(addRow(doc, 'S', { id: 's0', name: '  Telemedycyna ', index: 0 })).toBe('s0');
		expect(moveGroup(doc, 'R', 0)).toBe(true);
		expect(moveRow(doc, 's2', 'R', 0)).toBe(true);
		expect(moveColumn(doc, 'c3', 0)).toBe(true);
		expect(renameRow(doc, 's0', 'Telemedycyna i teleopieka')).toBe(true);
		expect(renameColumn(doc, 'c1', 'miasto Elbląg')).toBe(true);
		const matrix = deriveMatrix(doc);
		expect(layout(matrix)).toEqual(['Usługi dla rodzin: s2 r1', 'Usługi dla osób starszych: s0 s1', 'columns: c3 c1 c2']);
		expect(matrix.rows.map((row) => `${row.index}:${row.id}`)).toEqual(['0:s2', '1:r1', '2:s0', '3:s1']);
		expect(matrix.rows.find((row) => row.id === 's0')?.name).toBe('Telemedycyna i teleopieka');
		expect(misplacedCells(matrix)).toEqual([]);
		expect(removeRow(doc, 's1')).toBe(true);
		expect(removeColumn(doc, 'c2')).toBe(true);
		expect(layout(deriveMatrix(doc))).toEqual(['Usługi dla rodzin: s2 r1', 'Usługi dla osób starszych: s0', 'columns: c3 c1']);
	});

	it('refuses bad input with a code and changes nothing', () => {
		const doc = sampleMatrix();
		const before = Y.encodeStateAsUpdate(doc);
		expect(checkNewRow(doc, 'S', { name: '   ' })).toBe('name-empty');
		expect(checkNewRow(doc, 'S', { name: 'x'.repeat(NAME_MAX + 1) })).toBe('name-too-long');
		expect(checkNewRow(doc, 'gone', { name: 'Usługa' })).toBe('group-missing');
		expect(checkNewRow(doc, 'S', { name: 'Usługa', id: 's1' })).toBe('id-taken');
		expect(checkNewRow(doc, 'S', { name: 'Usługa', id: 'a|b' })).toBe('id-invalid');
		expect(checkNewColumn(doc, { name: 'OPS', kind: 'gmina' as never })).toBe('kind-invalid');
		expect(addRow(doc, 'gone', { name: 'Usługa' })).toBeNull();
		expect(addColumn(doc, { name: '', kind: 'institution' })).toBeNull();
		expect(renameRow(doc, 's1', ' ')).toBe(false);
		expect(moveRow(doc, 's1', 'gone', 0)).toBe(false);
		expect(moveRow(doc, 'gone', 'S', 0)).toBe(false);
		expect(removeColumn(doc, 'gone')).toBe(false);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('shows the rows of a removed group under "other" until moved, or removes them with it', () => {
		const doc = sampleMatrix();
		expect(removeGroup(doc, 'S')).toBe(true);
		expect(layout(deriveMatrix(doc))).toEqual(['Usługi dla rodzin: r1', '(other): s1 s2', 'columns: c1 c2 c3']);
		expect(moveRow(doc, 's2', 'R', 1)).toBe(true);
		expect(layout(deriveMatrix(doc))).toEqual(['Usługi dla rodzin: r1 s2', '(other): s1', 'columns: c1 c2 c3']);
		expect(removeGroup(doc, 'R', { withRows: true })).toBe(true);
		expect(layout(deriveMatrix(doc))).toEqual(['(other): s1', 'columns: c1 c2 c3']);
	});

	it('undoes a group removal with its rows and their cells in one step', () => {
		const doc = sampleMatrix();
		const undo = new Y.UndoManager([doc.getMap('groups'), doc.getMap('rows')], { trackedOrigins: new Set(['me']) });
		removeGroup(doc, 'S', { withRows: true }, 'me');
		expect(layout(deriveMatrix(doc))).toEqual(['Usługi dla rodzin: r1', 'columns: c1 c2 c3']);
		undo.undo();
		const matrix = deriveMatrix(doc);
		expect(layout(matrix)).toEqual(['Usługi dla osób starszych: s1 s2', 'Usługi dla rodzin: r1', 'columns: c1 c2 c3']);
		expect(cellAt(matrix, 's2', 'c3')?.note).toBe('s2/c3');
	});
});

describe('cells', () => {
	it('writes only the fields given and validates every one', () => {
		const doc = sampleMatrix();
		expect(setCell(doc, 's1', 'c1', { need: 'high', offer: 'none', priority: 1, niche: true })).toBe(true);
		expect(setCell(doc, 's1', 'c1', { priority: null })).toBe(true);
		expect(readCellAt(doc, 's1', 'c1')).toMatchObject({ need: 'high', offer: 'none', priority: null, niche: true, note: 's1/c1' });
		const before = Y.encodeStateAsUpdate(doc);
		const bad: Array<[unknown, string]> = [
			[{ need: 'huge' }, 'need-invalid'],
			[{ offer: 'some' }, 'offer-invalid'],
			[{ priority: 4 }, 'priority-invalid'],
			[{ priority: '1' }, 'priority-invalid'],
			[{ niche: 'yes' }, 'niche-invalid'],
			[{ note: 5 }, 'note-invalid'],
			[{ note: 'x'.repeat(NOTE_MAX + 1) }, 'note-too-long'],
			[{ gapOverride: 'large' }, 'unknown-field'],
			[null, 'unknown-field']
		];
		for (const [fields, code] of bad) {
			expect(checkCellFields(fields)).toBe(code);
			expect(setCell(doc, 's1', 'c1', (fields === null ? null : { need: 'low', ...fields }) as CellFields)).toBe(false);
		}
		expect(setCell(doc, 'gone', 'c1', { need: 'low' })).toBe(false);
		expect(setCell(doc, 's1', 'gone', { need: 'low' })).toBe(false);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('takes a gap override only with a written reason, and clears it', () => {
		const doc = sampleMatrix();
		setCell(doc, 's1', 'c1', { need: 'high', offer: 'none' });
		expect(checkGapOverride('small', '  ')).toBe('reason-required');
		expect(checkGapOverride('medium', 'bo tak')).toBe('gap-invalid');
		expect(setGapOverride(doc, 's1', 'c1', 'small', ' ')).toBe(false);
		expect(cellAt(deriveMatrix(doc), 's1', 'c1')?.gap).toBe('large');
		expect(setGapOverride(doc, 's1', 'c1', 'small', ' Gmina uruchamia DDP w 2025 r. ')).toBe(true);
		const overridden = cellAt(deriveMatrix(doc), 's1', 'c1');
		expect(overridden).toMatchObject({ gap: 'small', derivedGap: 'large', overridden: true, overrideReason: 'Gmina uruchamia DDP w 2025 r.' });
		expect(setGapOverride(doc, 's1', 'c1', '', '')).toBe(true);
		expect(cellAt(deriveMatrix(doc), 's1', 'c1')).toMatchObject({ gap: 'large', overridden: false, overrideReason: '' });
	});

	it('reads a tampered cell field by field, the bad ones as empty', () => {
		const doc = sampleMatrix();
		const cells = matrixCellsMap(doc);
		cells.set(cellFieldKey('s1', 'c1', 'need'), 'HIGH');
		cells.set(cellFieldKey('s1', 'c1', 'offer'), 'none');
		cells.set(cellFieldKey('s1', 'c1', 'priority'), 2.5);
		cells.set(cellFieldKey('s1', 'c1', 'niche'), 'true');
		cells.set(cellFieldKey('s1', 'c1', 'gapOverride'), 'large'); // no reason: does not count
		expect(cellAt(deriveMatrix(doc), 's1', 'c1')).toMatchObject({ need: '', offer: 'none', priority: null, niche: false, gap: 'no-data', note: 's1/c1' });
		cells.set(cellKey('s1', 'c2'), new Y.Map()); // the old nested shape, or junk: ignored
		cells.set('s1|c2|colour', 'red');
		cells.set('s1|c2|need|x', 'high');
		cells.set(cellFieldKey('s1', 'c2', 'note'), { text: 'not a string' });
		expect(cellAt(deriveMatrix(doc), 's1', 'c2')).toMatchObject({ need: '', note: '', gap: 'no-data' });
		expect(setCell(doc, 's1', 'c2', { need: 'low' })).toBe(true);
		expect(readCellAt(doc, 's1', 'c2')?.need).toBe('low');
		expect(readCellAt(doc, 's2', 'c9')).toBeNull();
	});
});

describe('concurrency', () => {
	it('keeps every cell with its row and column when two people reorder and delete at once', () => {
		const a = sampleMatrix();
		const b = new Y.Doc();
		sync(a, b);
		moveRow(a, 's2', 'S', 0);
		moveColumn(a, 'c1', 2);
		removeRow(a, 'r1');
		moveRow(b, 's1', 'R', 0);
		moveColumn(b, 'c3', 0);
		removeColumn(b, 'c2');
		setCell(b, 'r1', 'c1', { need: 'high' }); // in the row the other side deletes
		sync(a, b);
		const matrix = deriveMatrix(a);
		expect(layout(matrix)).toEqual(layout(deriveMatrix(b)));
		expect(matrix.rows.map((row) => row.id).sort()).toEqual(['s1', 's2']);
		expect(matrix.columns.map((column) => column.id).sort()).toEqual(['c1', 'c3']);
		expect(misplacedCells(matrix)).toEqual([]);
		expect(readCellAt(a, 'r1', 'c1')).toMatchObject({ need: 'high', note: 'r1/c1' });
	});

	it('merges two people filling in different fields of one cell', () => {
		const a = sampleMatrix();
		const b = new Y.Doc();
		sync(a, b);
		setCell(a, 's1', 'c1', { need: 'high' });
		setCell(b, 's1', 'c1', { offer: 'none', priority: 1 });
		sync(a, b);
		expect(cellAt(deriveMatrix(b), 's1', 'c1')).toMatchObject({ need: 'high', offer: 'none', priority: 1, gap: 'large' });
	});

	it('keeps both people\'s fields when both make the first edit of one untouched cell', () => {
		const a = sampleMatrix();
		addColumn(a, { id: 'c4', name: 'miasto Elbląg', kind: 'territory' });
		const b = new Y.Doc();
		sync(a, b);
		expect(readCellAt(a, 's2', 'c4')).toBeNull();
		setCell(a, 's2', 'c4', { need: 'high' });
		setCell(b, 's2', 'c4', { offer: 'none', note: 'brak DDP w powiecie' });
		sync(a, b);
		for (const doc of [a, b]) {
			expect(cellAt(deriveMatrix(doc), 's2', 'c4')).toMatchObject({ need: 'high', offer: 'none', note: 'brak DDP w powiecie', gap: 'large' });
		}
	});

	it('undoing a row removal brings the row back with its cells, including edits made meanwhile', () => {
		const a = sampleMatrix();
		const b = new Y.Doc();
		sync(a, b);
		const undo = new Y.UndoManager([a.getMap('rows'), a.getMap('groups'), a.getMap('columns'), a.getMap('cells')], { trackedOrigins: new Set(['me']) });
		removeRow(a, 's1', 'me');
		setCell(b, 's1', 'c2', { need: 'medium', offer: 'insufficient' });
		sync(a, b);
		expect(deriveMatrix(a).rows.some((row) => row.id === 's1')).toBe(false);
		undo.undo();
		sync(a, b);
		for (const doc of [a, b]) {
			const matrix = deriveMatrix(doc);
			expect(layout(matrix)[0]).toBe('Usługi dla osób starszych: s1 s2');
			expect(cellAt(matrix, 's1', 'c2')).toMatchObject({ need: 'medium', gap: 'small', note: 's1/c2' });
			expect(misplacedCells(matrix)).toEqual([]);
		}
	});

	it('converges and never misplaces a cell under random concurrent structure edits', () => {
		const rows = ['s1', 's2', 'r1'];
		const columns = ['c1', 'c2', 'c3'];
		const op = fc.oneof(
			fc.record({ kind: fc.constant('moveRow' as const), id: fc.constantFrom(...rows), group: fc.constantFrom('S', 'R'), index: fc.nat(3) }),
			fc.record({ kind: fc.constant('moveColumn' as const), id: fc.constantFrom(...columns), index: fc.nat(3) }),
			fc.record({ kind: fc.constant('removeRow' as const), id: fc.constantFrom(...rows) }),
			fc.record({ kind: fc.constant('removeColumn' as const), id: fc.constantFrom(...columns) }),
			fc.record({ kind: fc.constant('removeGroup' as const), id: fc.constantFrom('S', 'R') }),
			fc.record({ kind: fc.constant('edit' as const), row: fc.constantFrom(...rows), column: fc.constantFrom(...columns) })
		);
		const run = (doc: Y.Doc, step: typeof op extends fc.Arbitrary<infer T> ? T : never) => {
			if (step.kind === 'moveRow') moveRow(doc, step.id, step.group, step.index);
			if (step.kind === 'moveColumn') moveColumn(doc, step.id, step.index);
			if (step.kind === 'removeRow') removeRow(doc, step.id);
			if (step.kind === 'removeColumn') removeColumn(doc, step.id);
			if (step.kind === 'removeGroup') removeGroup(doc, step.id);
			if (step.kind === 'edit') setCell(doc, step.row, step.column, { note: `${step.row}/${step.column}`, need: 'high' });
		};
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.boolean(), op, fc.boolean()), { maxLength: 30 }), (steps) => {
				const a = sampleMatrix();
				const b = new Y.Doc();
				sync(a, b);
				for (const [onA, step, syncAfter] of steps) {
					run(onA ? a : b, step);
					if (syncAfter) sync(a, b);
				}
				sync(a, b);
				const matrix = deriveMatrix(a);
				expect(deriveMatrix(b)).toEqual(matrix);
				expect(misplacedCells(matrix)).toEqual([]);
				for (const row of rows) for (const column of columns) expect(readCellAt(a, row, column)?.note).toBe(`${row}/${column}`);
			}),
			{ numRuns: 200 }
		);
	});
});
