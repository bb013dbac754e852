import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/lib/server/db/index';
import { insertInitialBoardUpdate } from '../../src/lib/server/db/board-updates';
import { seriousViolations } from '../support/axe';
import { openPageAs, openPageBeforeScripts, useBrowserWorkshop, waitHydrated } from '../support/board-page';
import { docxToPdf, inkShare, pdfPageCount, pdfPagesToPng, pdfText } from '../support/libreoffice';
import { AREA, cardsDoc, goalsDoc, matrixDoc, problemTreeDoc } from '../unit/fixtures/draft-process';

// Issue 8 in a real browser: a facilitator opens "Projekt strategii", reads seed 000's action
// table in the preview, saves a version, prepares its Markdown and its Word file in the
// background and downloads them; LibreOffice then opens the Word file and its first pages are
// kept as PNGs in test-results/draft/ for a person to look at.
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

/**
 * Prepares version `number` as `format` through the versions panel, watching the progress bar
 * and the live state, and returns the download of the "Pobierz" link that appears.
 */
async function prepareAndDownload(page: Page, number: number, format: string, options: { sources?: boolean } = {}) {
	const panel = page.getByTestId(`draft-export-${number}`);
	await panel.getByLabel('Format pliku').selectOption({ label: format });
	if (options.sources) await panel.getByLabel('Dołącz źródła celów i działań').check();
	await panel.getByRole('button', { name: `Przygotuj plik wersji ${number}` }).click();
	const progress = panel.getByRole('progressbar', { name: `Przygotowanie wersji ${number} (${format})` });
	await progress.waitFor();
	await panel.getByRole('status').filter({ hasText: `Plik ${format} jest gotowy` }).waitFor();
	expect(await progress.getAttribute('value')).toBe('100');
	const link = panel.getByRole('link', { name: `Pobierz wersję ${number} (${format})` });
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return download;
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
		const download = await prepareAndDownload(page, 1, 'Markdown');
		expect(download.suggestedFilename()).toBe('strategia-powiatu-piskiego-2025-2030-v1.md');
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text).toContain('| Lp. | Opis działania | Harmonogram realizacji | Wskaźnik realizacji działania');
		expect(text).toContain('Wersja: 1');
		await page.screenshot({ path: `${SHOTS}/version-saved.png` });
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('prepares the format chosen before the page has come alive, not the default one', async () => {
		const path = `/processes/${env.seeded.processId}/draft`;
		const { page, releaseScripts } = await openPageBeforeScripts(env, env.seeded.facilitator.token, path);
		const panel = page.getByTestId('draft-export-1');
		await panel.getByLabel('Format pliku').selectOption({ label: 'Markdown' });
		releaseScripts();
		await waitHydrated(page);

		expect(await panel.getByLabel('Format pliku').inputValue()).toBe('md');
		await panel.getByRole('button', { name: 'Przygotuj plik wersji 1' }).click();
		await panel.getByRole('status').filter({ hasText: 'Plik Markdown jest gotowy' }).waitFor();
		const link = panel.getByRole('link', { name: 'Pobierz wersję 1 (Markdown)' });
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('strategia-powiatu-piskiego-2025-2030-v1.md');
	});

	it('downloads version 1 as Word through the panel; LibreOffice opens it and prints the seed\'s chapter', async () => {
		const page = await openPageAs(env, env.seeded.facilitator.token, `/processes/${env.seeded.processId}/draft`);
		await page.getByTestId('draft-export-1').waitFor();
		const download = await prepareAndDownload(page, 1, 'Word', { sources: true });
		expect(download.suggestedFilename()).toBe('strategia-powiatu-piskiego-2025-2030-v1.docx');
		const docx = `${SHOTS}/${download.suggestedFilename()}`;
		mkdirSync(SHOTS, { recursive: true });
		copyFileSync((await download.path())!, docx);
		// A DOCX is a zip holding the content-types list and word/document.xml.
		const bytes = readFileSync(docx);
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
		expect(bytes.includes('[Content_Types].xml')).toBe(true);
		expect(bytes.includes('word/document.xml')).toBe(true);
		await page.screenshot({ path: `${SHOTS}/docx-ready.png` });

		const pdf = await docxToPdf(docx, SHOTS);
		const pages = await pdfPageCount(pdf);
		expect(pages).toBeGreaterThanOrEqual(4);
		// Title page, table of contents, the tree's picture, the cards' and gaps' tables.
		const pngs = await pdfPagesToPng(pdf, `${SHOTS}/docx-page`, 1, 4, 60);
		expect(pngs).toHaveLength(4);
		for (let n = 1; n <= 4; n++) expect(await inkShare(pdf, n)).toBeGreaterThan(0.002);

		const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
		for (const heading of ['Spis treści', 'Diagnoza sytuacji społecznej', 'Cele strategiczne i kierunki działań', 'Kierunki działań', 'Podmioty zaangażowane', 'Monitorowanie oraz analiza problemów i potrzeb społecznych']) {
			expect(text).toContain(heading);
		}
		for (const phrase of ['Łączny szacowany koszt roczny', 'Wskaźniki realizacji działań', 'Źródło danych', 'Samorząd Powiatu Olsztyńskiego', 'wdrażanie', 'Niewystarczające kompetencje kadr']) {
			expect(text).toContain(phrase);
		}
		for (const letter of 'ąćęłńóśżŁŹ') expect(text).toContain(letter);
		// The table of contents is a field LibreOffice understands, not its instruction printed as text.
		expect(text).not.toMatch(/TOC \\/);
		// Participants' text stays text in Word too.
		expect(text).toContain('<script>alert(1)</script>');
	});
});
