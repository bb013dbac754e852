import { describe, expect, it } from 'vitest';
import {
	SEED_004_CATALOGUE,
	SEED_004_TERRITORIES,
	cellAt,
	deriveMatrix,
	importCatalogue,
	importColumns,
	moveRow,
	setCell,
	setGapOverride
} from '../../src/lib/domain/need-gap-matrix';
import { collabBoards } from '../support/collab-clients';
import { eventually } from '../support/eventually';
import { whenSynced, type BoardClient } from './collab-client';

// Two people fill in one need/gap matrix over the real board socket: one reorders services while
// the other fills in cells of those services, both make the first edit of one cell, one of
// them works offline for a while; everything converges and survives a restart.
const collab = collabBoards();
const { connect } = collab;

/** The process page does not offer the matrix yet: created as the server would, in the seeded workshop. */
function createMatrixBoard(title: string): Promise<string> {
	return collab.createBoard({ kind: 'need-gap-matrix', title, area: null });
}

function matrixOf(client: BoardClient): string {
	const matrix = deriveMatrix(client.doc);
	return JSON.stringify({ ...matrix, cells: [...matrix.cells.entries()] });
}

describe('need/gap matrix over the board socket', () => {
	it('merges reordering, cell edits, concurrent first edits and offline work, and keeps them after a restart', async () => {
		const boardId = await createMatrixBoard('Matryca potrzeb: usługi społeczne');
		const anna = connect(boardId, collab.seeded.facilitator.token);
		const jan = connect(boardId, collab.seeded.guest.token);
		await Promise.all([whenSynced(anna), whenSynced(jan)]);

		expect(importCatalogue(anna.doc, SEED_004_CATALOGUE, 'anna').rowsAdded).toBeGreaterThan(40);
		expect(importColumns(anna.doc, SEED_004_TERRITORIES.map((name) => ({ name, kind: 'territory' as const })), 'anna')).toBe(18);
		await eventually(() => expect(matrixOf(jan)).toBe(matrixOf(anna)));

		const seniors = deriveMatrix(anna.doc).groups[0];
		const [first, second, third] = seniors.rows;
		const [wegorzewo, braniewo] = deriveMatrix(anna.doc).columns;

		// Anna turns the first three services round while Jan fills in cells of exactly those rows.
		expect(moveRow(anna.doc, third.id, seniors.id, 0, 'anna')).toBe(true);
		expect(moveRow(anna.doc, first.id, seniors.id, 2, 'anna')).toBe(true);
		expect(setCell(jan.doc, first.id, wegorzewo.id, { need: 'high', offer: 'none', priority: 1 }, 'jan')).toBe(true);
		expect(setCell(jan.doc, third.id, braniewo.id, { need: 'low', offer: 'sufficient' }, 'jan')).toBe(true);
		// Both make the very first edit of one untouched cell at once: each keeps their fields.
		expect(setCell(anna.doc, second.id, braniewo.id, { need: 'medium' }, 'anna')).toBe(true);
		expect(setCell(jan.doc, second.id, braniewo.id, { offer: 'none', note: 'Brak DDP w gminach wiejskich' }, 'jan')).toBe(true);
		await eventually(() => expect(matrixOf(jan)).toBe(matrixOf(anna)));

		let matrix = deriveMatrix(anna.doc);
		expect(matrix.groups[0].rows.slice(0, 3).map((row) => row.id)).toEqual([third.id, second.id, first.id]);
		expect(cellAt(matrix, first.id, wegorzewo.id)).toMatchObject({ need: 'high', offer: 'none', priority: 1, gap: 'large' });
		expect(cellAt(matrix, third.id, braniewo.id)).toMatchObject({ gap: 'none' });
		expect(cellAt(matrix, second.id, braniewo.id)).toMatchObject({ need: 'medium', offer: 'none', note: 'Brak DDP w gminach wiejskich', gap: 'large' });

		// Jan goes offline and keeps working; Anna moves a row and overrides a gap meanwhile.
		jan.provider.disconnect();
		expect(setCell(jan.doc, first.id, braniewo.id, { need: 'high', offer: 'insufficient', niche: true }, 'jan')).toBe(true);
		expect(setCell(jan.doc, first.id, wegorzewo.id, { justification: 'Powiat planuje usługę w 2026 r.' }, 'jan')).toBe(true);
		expect(moveRow(anna.doc, first.id, seniors.id, 0, 'anna')).toBe(true);
		expect(setGapOverride(anna.doc, second.id, braniewo.id, 'small', 'Gmina otwiera klub w 2025 r.', 'anna')).toBe(true);
		expect(cellAt(deriveMatrix(jan.doc), second.id, braniewo.id)?.gap).toBe('large');
		jan.provider.connect();
		await eventually(() => expect(matrixOf(jan)).toBe(matrixOf(anna)));

		matrix = deriveMatrix(anna.doc);
		expect(matrix.groups[0].rows[0].id).toBe(first.id);
		expect(cellAt(matrix, first.id, braniewo.id)).toMatchObject({ need: 'high', offer: 'insufficient', niche: true, gap: 'small' });
		expect(cellAt(matrix, first.id, wegorzewo.id)).toMatchObject({ gap: 'large', justification: 'Powiat planuje usługę w 2026 r.' });
		expect(cellAt(matrix, second.id, braniewo.id)).toMatchObject({ gap: 'small', derivedGap: 'large', overridden: true });

		// After everyone leaves and the server restarts, a fresh client sees the same matrix.
		const expected = matrixOf(anna);
		await collab.restart();
		const later = connect(boardId, collab.seeded.guest.token);
		await whenSynced(later);
		expect(matrixOf(later)).toBe(expected);
	});
});
