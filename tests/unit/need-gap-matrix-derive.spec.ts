import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addColumn,
	addGroup,
	addRow,
	cellKey,
	deriveGap,
	deriveMatrix,
	effectiveGap,
	filterMatrixByGroups,
	initMatrixDoc,
	removeGroup,
	setCell,
	setGapOverride,
	topGaps,
	unjustifiedLargeGaps,
	type CellFields,
	type GapEntry,
	type NeedValue,
	type OfferValue
} from '../../src/lib/domain/need-gap-matrix';

describe('gap derivation', () => {
	// need ↓ × offer →       none        insufficient  sufficient  unset
	const table: Record<NeedValue, [string, string, string, string]> = {
		none: ['none', 'none', 'none', 'none'],
		low: ['small', 'small', 'none', 'no-data'],
		medium: ['large', 'small', 'none', 'no-data'],
		high: ['large', 'small', 'none', 'no-data'],
		'': ['no-data', 'no-data', 'none', 'no-data']
	};
	const offers: OfferValue[] = ['none', 'insufficient', 'sufficient', ''];

	it('follows the issue: none when no need or sufficient offer, large for medium/high need with no offer, else small', () => {
		for (const [need, expected] of Object.entries(table) as Array<[NeedValue, string[]]>) {
			expect(offers.map((offer) => deriveGap(need, offer)), `need "${need}"`).toEqual(expected);
		}
	});

	it('lets an override win only with a written reason', () => {
		const cell = { need: 'high', offer: 'none', gapOverride: 'none', overrideReason: '' } as const;
		expect(effectiveGap(cell)).toBe('large');
		expect(effectiveGap({ ...cell, overrideReason: '   ' })).toBe('large');
		expect(effectiveGap({ ...cell, overrideReason: 'Usługę przejmuje powiat od 2025 r.' })).toBe('none');
		expect(effectiveGap({ ...cell, need: '', gapOverride: 'small', overrideReason: 'Z wywiadu z OPS' })).toBe('small');
	});
});

/**
 * Group S: rows a, b; group R: row c; columns x, y.
 *        x                           y
 *   a    large, priority 2, need m   small, priority 1
 *   b    large, priority 1, need m   large, priority 1, need high
 *   c    none                        (empty)
 */
function filledMatrix(): Y.Doc {
	const doc = new Y.Doc();
	initMatrixDoc(doc);
	addGroup(doc, { id: 'S', name: 'Usługi dla osób starszych' });
	addGroup(doc, { id: 'R', name: 'Usługi dla rodzin' });
	addRow(doc, 'S', { id: 'a', name: 'Kluby Seniora' });
	addRow(doc, 'S', { id: 'b', name: 'Teleopieka' });
	addRow(doc, 'R', { id: 'c', name: 'Szkoła dla rodziców' });
	addColumn(doc, { id: 'x', name: 'powiat piski', kind: 'territory' });
	addColumn(doc, { id: 'y', name: 'PCPR Pisz', kind: 'institution' });
	const fill: Array<[string, string, CellFields]> = [
		['a', 'x', { need: 'medium', offer: 'none', priority: 2 }],
		['a', 'y', { need: 'low', offer: 'insufficient', priority: 1 }],
		['b', 'x', { need: 'medium', offer: 'none', priority: 1 }],
		['b', 'y', { need: 'high', offer: 'none', priority: 1 }],
		['c', 'x', { need: 'none' }]
	];
	for (const [row, column, fields] of fill) setCell(doc, row, column, fields);
	return doc;
}

const names = (entries: GapEntry[]) => entries.map((entry) => `${entry.row.id}${entry.column.id}`);

describe('counts', () => {
	it('counts large, small, none and no-data per row, per column and in total', () => {
		const matrix = deriveMatrix(filledMatrix());
		expect(Object.fromEntries(matrix.rows.map((row) => [row.id, row.counts]))).toEqual({
			a: { large: 1, small: 1, none: 0, noData: 0 },
			b: { large: 2, small: 0, none: 0, noData: 0 },
			c: { large: 0, small: 0, none: 1, noData: 1 }
		});
		expect(Object.fromEntries(matrix.columns.map((column) => [column.id, column.counts]))).toEqual({
			x: { large: 2, small: 0, none: 1, noData: 0 },
			y: { large: 1, small: 1, none: 0, noData: 1 }
		});
		expect(matrix.totals).toEqual({ large: 3, small: 1, none: 1, noData: 1 });
	});

	it('counts the override, not the derived gap, once it has a reason', () => {
		const doc = filledMatrix();
		setGapOverride(doc, 'b', 'y', 'small', 'Stowarzyszenie otwiera punkt w 2025 r.');
		const matrix = deriveMatrix(doc);
		expect(matrix.rows.find((row) => row.id === 'b')?.counts).toEqual({ large: 1, small: 1, none: 0, noData: 0 });
	});

	it('narrows to target groups, column counts following the rows left', () => {
		const doc = filledMatrix();
		const matrix = filterMatrixByGroups(deriveMatrix(doc), ['R']);
		expect(matrix.rows.map((row) => `${row.index}:${row.id}`)).toEqual(['0:c']);
		expect(matrix.columns.map((column) => column.counts)).toEqual([
			{ large: 0, small: 0, none: 1, noData: 0 },
			{ large: 0, small: 0, none: 0, noData: 1 }
		]);
		expect(matrix.totals).toEqual({ large: 0, small: 0, none: 1, noData: 1 });
		expect([...matrix.cells.keys()]).toEqual([cellKey('c', 'x'), cellKey('c', 'y')]);
		removeGroup(doc, 'S');
		expect(filterMatrixByGroups(deriveMatrix(doc), ['']).rows.map((row) => row.id)).toEqual(['a', 'b']);
	});
});

describe('gap lists', () => {
	it('lists large gaps first, then by priority, then by need, then in matrix order', () => {
		const matrix = deriveMatrix(filledMatrix());
		expect(names(topGaps(matrix))).toEqual(['by', 'bx', 'ax', 'ay']);
		expect(names(topGaps(matrix, 2))).toEqual(['by', 'bx']);
		expect(topGaps(matrix, -1)).toEqual([]);
	});

	it('puts cells without a priority after those with one and breaks full ties by row, then column', () => {
		const doc = filledMatrix();
		for (const [row, column] of [['a', 'x'], ['a', 'y'], ['b', 'x'], ['b', 'y']]) {
			setCell(doc, row, column, { need: 'high', offer: 'none', priority: null });
		}
		setCell(doc, 'b', 'y', { priority: 3 });
		expect(names(topGaps(deriveMatrix(doc)))).toEqual(['by', 'ax', 'ay', 'bx']);
	});

	it('lists large gaps neither linked from goals nor justified in writing', () => {
		const doc = filledMatrix();
		expect(names(unjustifiedLargeGaps(deriveMatrix(doc), new Set()))).toEqual(['ax', 'bx', 'by']);
		setCell(doc, 'a', 'x', { justification: 'Poza kompetencjami powiatu: zadanie gmin.' });
		setCell(doc, 'b', 'x', { justification: '   ' });
		expect(names(unjustifiedLargeGaps(deriveMatrix(doc), new Set([cellKey('b', 'y')])))).toEqual(['bx']);
	});
});
