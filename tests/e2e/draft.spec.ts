import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/lib/server/db/index';
import { insertInitialBoardUpdate } from '../../src/lib/server/db/board-updates';
import { seriousViolations } from '../support/axe';
import { openPageAs, useBrowserWorkshop } from '../support/board-page';
import { AREA, cardsDoc, goalsDoc, matrixDoc, problemTreeDoc } from '../unit/fixtures/draft-process';

// Issue 8 in a real browser: a facilitator opens "Projekt strategii", reads seed 000's action
// table in the preview, saves a version and downloads its Markdown.
const SHOTS = 'test-results/draft';
const env = useBrowserWorkshop(SHOTS);

/** The draft fixture's boards (seed 000's chapter, a tree, cards, a matrix), stored as the server keeps boards. */
async function storeFixtureBoards() {
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const boards: Array<[string, string, string, Y.Doc]> = [
			['tree-1', 'problem-tree', 'Drzewo problemów: współpraca', problemTreeDoc()],
			['cards-1', 'inaction-cards', 'Karty kosztów zaniechania', cardsDoc()],
			['matrix-1', 'need-gap-matrix', 'Matryca usług', matrixDoc()],
			['goals-v', 'goals', 'Cele: obszar V', goalsDoc()]
		];
		let now = Date.now();
		for (const [id, kind, title, doc] of boards) {
			now++;
			await db.insertInto('boards').values({ id, process_id: env.seeded.processId, kind, title, area: AREA, created_by: env.seeded.userId, created_at: now }).execute();
			await insertInitialBoardUpdate(db, id, Y.encodeStateAsUpdate(doc), now);
		}
	} finally {
		await close();
	}
}

describe('strategy draft in the browser', () => {
	it('previews seed 000 as the strategy chapter, saves a version and downloads its Markdown', async () => {
		await storeFixtureBoards();
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}`);
		await page.getByRole('link', { name: 'Projekt strategii' }).click();
		await page.getByRole('heading', { level: 1, name: 'Projekt strategii' }).waitFor();

		const table = page.getByTestId('draft-actions-table').first();
		await table.waitFor();
		expect(await table.locator('thead th').allInnerTexts()).toEqual(['Lp.', 'Opis działania', 'Harmonogram realizacji', expect.stringContaining('Wskaźnik realizacji działania')]);
		expect(await table.locator('tbody tr').first().innerText()).toContain('Monitorowanie oraz analiza problemów i potrzeb społecznych');
		// Traceability: action 2 came from a tree box and a matrix gap.
		expect(await table.locator('tbody tr').nth(1).innerText()).toContain('Brak superwizji i doradztwa metodycznego');
		// The hostile card text is shown as typed, not run.
		expect(await page.getByText('<script>alert(1)</script>', { exact: false }).count()).toBeGreaterThan(0);
		expect(await page.getByTestId('draft-findings').innerText()).toContain('Brak tekstu sekcji „Ramy finansowe”');
		await page.screenshot({ path: `${SHOTS}/preview.png`, fullPage: true });
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Zapisz wersję' }).click();
		await page.getByText('Zapisano wersję 1.').waitFor();
		const link = page.getByRole('link', { name: 'Pobierz wersję 1 (Markdown)' });
		await link.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('strategia-powiatu-piskiego-2025-2030-v1.md');
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text).toContain('| Lp. | Opis działania | Harmonogram realizacji | Wskaźnik realizacji działania');
		expect(text).toContain('Wersja: 1');
		await page.screenshot({ path: `${SHOTS}/version-saved.png` });
		expect(await seriousViolations(page)).toEqual([]);
	});
});
