import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoardPage, signedInContext, useBrowserWorkshop } from '../support/board-page';
import { eventually } from '../support/eventually';
import { openDatabase } from '../../src/lib/server/db/index';
import { createBoard } from '../../src/lib/server/boards';
import { NEED_LEVELS, OFFER_LEVELS, deriveGap, type Gap, type NeedLevel, type OfferLevel } from '../../src/lib/domain/need-gap-matrix';
import { seriousViolations } from '../support/axe';

// Issue 6 in a real browser: a facilitator loads seed 004's catalogue and territories, fills a
// corner of the matrix with the keyboard alone, reads the gaps and counts on the heat map, a
// participant follows live, and the matrix leaves as a CSV a Polish Excel opens.
const SHOTS = 'test-results/need-gap-matrix';

const env = useBrowserWorkshop(SHOTS);

const NEEDS: NeedLevel[] = ['high', 'medium', 'low', 'none'];
const OFFERS: OfferLevel[] = ['none', 'insufficient', 'sufficient'];

/** Picks an option of the focused select with arrow keys, from "nie określono" (first) down. */
async function pick(page: Page, options: readonly string[], value: string) {
	for (let i = 0; i <= options.indexOf(value); i++) await page.keyboard.press('ArrowDown');
}

function corner(row: number, column: number) {
	const need = NEEDS[(row + column) % NEEDS.length];
	const offer = OFFERS[(row * 2 + column) % OFFERS.length];
	return { need, offer, gap: deriveGap(need, offer) };
}

/** The process page does not offer the matrix yet: created as the server would, in the seeded workshop. */
async function createMatrixBoard(title: string): Promise<string> {
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const boardId = await createBoard(db, env.seeded.processId, env.seeded.userId, { kind: 'need-gap-matrix', title, area: null });
		await db.insertInto('workshop_boards').values({ workshop_id: env.seeded.workshopId, board_id: boardId, position: 1 }).execute();
		return boardId;
	} finally {
		await close();
	}
}

async function tabTo(page: Page, selector: string, maxPresses = 40) {
	for (let i = 0; i < maxPresses; i++) {
		if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

async function focusedCell(page: Page) {
	return page.evaluate(() => {
		const cell = document.activeElement?.closest('td[data-key]') as HTMLElement | null;
		return cell ? { row: cell.dataset.row, column: cell.dataset.column } : null;
	});
}

/** The gaps of the top-left rows × columns of the grid, row by row. */
async function gridGaps(page: Page, rows: number, columns: number): Promise<Gap[][]> {
	return page.getByTestId('matrix-grid').evaluate(
		(table, size) =>
			[...table.querySelectorAll('tbody tr:not(.group)')]
				.slice(0, size.rows)
				.map((row) => [...row.querySelectorAll('td')].slice(0, size.columns).map((cell) => cell.dataset.gap as Gap)),
		{ rows, columns }
	);
}

describe('need/gap matrix in the browser', () => {
	it('is loaded, filled with the keyboard, read as a heat map, followed live and exported', async () => {
		const boardId = await createMatrixBoard('Matryca potrzeb i luk 2021–2027');
		const anna = await signedInContext(env.browser, env.server, env.seeded.facilitator.token);
		const annaPage = await openBoardPage(anna, boardId);
		await annaPage.getByTestId('matrix-empty').waitFor();

		// Both imports ask first, then land as the seed has them.
		await annaPage.getByTestId('import-catalogue').click();
		await annaPage.getByRole('button', { name: 'Wczytaj', exact: true }).click();
		await annaPage.getByTestId('import-territories').first().click();
		await annaPage.getByRole('button', { name: 'Wczytaj', exact: true }).click();
		const grid = annaPage.getByTestId('matrix-grid');
		await grid.waitFor();
		expect(await grid.locator('thead th').allInnerTexts()).toHaveLength(19);
		expect((await grid.locator('thead th').nth(1).innerText()).trim()).toBe('powiat węgorzewski');
		expect((await grid.locator('tbody th[scope="rowgroup"]').first().innerText()).trim()).toBe('Usługi dla osób starszych');
		expect(await grid.locator('td[data-key]').count()).toBe(18 * (await grid.locator('th[scope="row"]').count()));
		await annaPage.screenshot({ path: `${SHOTS}/01-imported.png` });

		// A 5 × 5 corner by keyboard alone: into the grid, Enter, pick need and offer, Escape, move on.
		await tabTo(annaPage, 'td[data-key]');
		for (let row = 0; row < 5; row++) {
			for (let column = 0; column < 5; column++) {
				const target = row % 2 === 0 ? column : 4 - column;
				const { need, offer } = corner(row, target);
				await annaPage.keyboard.press('Enter');
				await eventually(async () => expect(await annaPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cell-need'), 5_000);
				await pick(annaPage, NEED_LEVELS, need);
				await annaPage.keyboard.press('Tab');
				await pick(annaPage, OFFER_LEVELS, offer);
				await annaPage.keyboard.press('Escape');
				await eventually(async () => expect(await focusedCell(annaPage)).not.toBeNull(), 5_000);
				if (column < 4) await annaPage.keyboard.press(row % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
			}
			if (row < 4) await annaPage.keyboard.press('ArrowDown');
		}
		const expected = [0, 1, 2, 3, 4].map((row) => [0, 1, 2, 3, 4].map((column) => corner(row, column).gap));
		await eventually(async () => expect(await gridGaps(annaPage, 5, 5)).toEqual(expected), 5_000);
		const large = expected.flat().filter((gap) => gap === 'large').length;
		const small = expected.flat().filter((gap) => gap === 'small').length;
		const none = expected.flat().filter((gap) => gap === 'none').length;
		expect(await annaPage.getByTestId('matrix-totals').innerText()).toContain(`Duże luki: ${large} · małe luki: ${small} · bez luki: ${none}`);
		await annaPage.screenshot({ path: `${SHOTS}/02-grid-filled.png` });
		expect(await seriousViolations(annaPage)).toEqual([]);

		// The heat map: letters per cell, counts per row, the largest gaps first.
		await annaPage.getByTestId('matrix-view-heatmap').click();
		const heat = annaPage.getByTestId('heatmap-table');
		await heat.waitFor();
		const firstRow = heat.locator('tbody tr:not(.group)').first();
		const rowCounts = await firstRow.locator('td[data-count]').allInnerTexts();
		const rowGaps = expected[0];
		expect(rowCounts.map(Number)).toEqual([
			rowGaps.filter((gap) => gap === 'large').length,
			rowGaps.filter((gap) => gap === 'small').length,
			rowGaps.filter((gap) => gap === 'none').length,
			18 - rowGaps.filter((gap) => gap !== 'no-data').length
		]);
		expect(await heat.locator('tbody tr:not(.group)').first().locator('td[data-gap="large"]').first().innerText()).toContain('D');
		expect(await annaPage.getByTestId('top-gaps').locator('li').count()).toBe(Math.min(10, large + small));
		expect(await annaPage.getByTestId('unjustified-count').innerText()).toContain(`: ${large}`);
		await annaPage.screenshot({ path: `${SHOTS}/03-heatmap.png`, fullPage: true });
		expect(await seriousViolations(annaPage)).toEqual([]);

		// A top gap leads back to its cell in the grid.
		await annaPage.getByTestId('top-gaps').getByRole('button').first().click();
		await grid.waitFor();
		const shown = await focusedCell(annaPage);
		expect(shown).not.toBeNull();

		// A participant follows live and sees who is in which cell.
		const jan = await signedInContext(env.browser, env.server, env.seeded.guest.token);
		const janPage = await openBoardPage(jan, boardId);
		await janPage.getByTestId('matrix-view-grid').click();
		const janCell = janPage.locator(`td[data-row="${shown!.row}"][data-column="${shown!.column}"]`);
		await janCell.waitFor();
		await annaPage.keyboard.press('Enter');
		await annaPage.getByTestId('cell-offer').selectOption('sufficient');
		await eventually(async () => expect(await janCell.getAttribute('data-gap')).toBe('none'), 10_000);
		await eventually(async () => expect(await janCell.getAttribute('class')).toContain('edited'), 10_000);
		await janPage.screenshot({ path: `${SHOTS}/04-participant-live.png` });
		await annaPage.keyboard.press('Escape');

		// Structure by buttons: a service moves down, a column is renamed, removed after a question, and undone.
		await annaPage.getByTestId('matrix-view-structure').click();
		const structure = annaPage.getByTestId('matrix-structure');
		await structure.waitFor();
		await structure.getByRole('button', { name: 'Przesuń „Asystent osób starszych” niżej' }).click();
		const newService = structure.getByLabel('Nowa usługa w grupie „Usługi dla osób starszych”');
		await newService.press('Enter');
		expect(await structure.getByRole('alert').innerText()).toBe('Podaj nazwę.');
		await newService.fill('Sąsiedzkie usługi opiekuńcze');
		await newService.press('Enter');
		await structure.getByLabel('Nazwa: Sąsiedzkie usługi opiekuńcze').waitFor();
		expect(await structure.getByRole('alert').count()).toBe(0);
		const elblag = structure.getByLabel('Nazwa: miasto Elbląg');
		await elblag.fill('Elbląg (miasto na prawach powiatu)');
		await elblag.press('Enter');
		await structure.getByLabel('Nazwa: Elbląg (miasto na prawach powiatu)').waitFor();
		await structure.getByRole('button', { name: 'Usuń „Elbląg (miasto na prawach powiatu)”' }).click();
		await annaPage.getByRole('dialog').getByRole('button', { name: 'Usuń', exact: true }).click();
		await eventually(async () => expect(await structure.getByLabel('Nazwa: Elbląg (miasto na prawach powiatu)').count()).toBe(0), 5_000);
		expect(await seriousViolations(annaPage)).toEqual([]);
		await annaPage.screenshot({ path: `${SHOTS}/05-structure.png` });
		await annaPage.getByRole('button', { name: 'Cofnij', exact: true }).click();
		await structure.getByLabel('Nazwa: Elbląg (miasto na prawach powiatu)').waitFor();
		await annaPage.getByTestId('matrix-view-grid').click();
		const services = await grid.locator('th[scope="row"]').allInnerTexts();
		expect(services.slice(0, 3).map((name) => name.trim())).toEqual(['Usługi środowiskowe dla osób starszych', 'Kluby Seniora', 'Asystent osób starszych']);
		expect(await grid.locator('td[data-key]').count()).toBe(18 * services.length);

		// CSV for a Polish Excel: byte-order mark, semicolons, the board title as the file name.
		const [download] = await Promise.all([annaPage.waitForEvent('download'), annaPage.getByTestId('export-grid').click()]);
		expect(download.suggestedFilename()).toBe('Matryca potrzeb i luk 2021–2027.csv');
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.startsWith('\uFEFFGrupa docelowa;Usługa;powiat węgorzewski;powiat braniewski;')).toBe(true);
		expect(csv.split('\r\n')[1].startsWith('Usługi dla osób starszych;Usługi środowiskowe dla osób starszych;')).toBe(true);

		// The same two tables as one workbook: a ZIP holding the workbook part and both sheets.
		const [workbook] = await Promise.all([annaPage.waitForEvent('download'), annaPage.getByTestId('export-xlsx').click()]);
		expect(workbook.suggestedFilename()).toBe('Matryca potrzeb i luk 2021–2027.xlsx');
		const xlsx = readFileSync((await workbook.path())!);
		expect(xlsx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
		expect(xlsx.includes('xl/workbook.xml')).toBe(true);
		expect(xlsx.includes('<sheet name="Mapa luk" sheetId="1" r:id="rId1"/><sheet name="Wszystkie pola" sheetId="2" r:id="rId2"/>')).toBe(true);
		expect(xlsx.includes('<t xml:space="preserve">Usługi środowiskowe dla osób starszych</t>')).toBe(true);

		await jan.close();
		await anna.close();
	}, 180_000);
});
