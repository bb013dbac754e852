import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoardPage, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { eventually } from '../support/eventually';
import { openDatabase } from '../../src/lib/server/db/index';

// Issue 4 in a real browser: a facilitator builds a problem tree with the keyboard alone (the
// outline view), a participant follows it live, and the tree becomes an objective tree.
const SHOTS = 'test-results/problem-tree';

const CORE = 'Wysoki poziom przemocy w rodzinach';
const CAUSE_PARENTS = 'Niski poziom kompetencji wychowawczych rodziców';
const SUB_CAUSE = 'Długi czas oczekiwania na terapię uzależnień';
const CAUSE_COORDINATION = 'Brak koordynacji działań między instytucjami';
const EFFECT = 'Niewystarczająca liczba miejsc w mieszkaniach chronionych';
const FURTHER_EFFECT = 'Starzenie się społeczeństwa';

/** The issue's own examples: wordings a facilitator would accept. */
const SUGGESTED: Record<string, string> = {
	[CAUSE_COORDINATION]: 'Działania instytucji są skoordynowane',
	[EFFECT]: 'Liczba miejsc w mieszkaniach chronionych odpowiada potrzebom',
	[SUB_CAUSE]: 'Terapia uzależnień jest dostępna bez długiego oczekiwania',
	[CAUSE_PARENTS]: 'Rodzice mają wysokie kompetencje wychowawcze'
};

const env = useBrowserWorkshop(SHOTS);

/** Presses Tab until the focus lands on what `selector` matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, maxPresses = 40) {
	for (let i = 0; i < maxPresses; i++) {
		if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

async function focusedItemText(page: Page) {
	return page.evaluate(() => document.activeElement?.querySelector('[data-testid="outline-text"]')?.textContent ?? null);
}

/** Types a box's text into the field that opened for it and finishes with Enter. */
async function typeBoxText(page: Page, text: string) {
	await page.getByTestId('tree-outline').getByTestId('box-text-input').waitFor();
	await page.keyboard.type(text);
	await page.keyboard.press('Enter');
	await eventually(async () => expect(await focusedItemText(page)).toBe(text), 5_000);
}

/** The outline item of the box with this text (not an ancestor, whose text includes it). */
function itemOf(page: Page, text: string) {
	return page.getByTestId('outline-text').getByText(text, { exact: true }).locator('xpath=ancestor::li[@role="treeitem"][1]');
}

/** The outline as (level, text) pairs in reading order. */
async function outlineShape(page: Page) {
	return page.getByTestId('outline-item').evaluateAll((items) =>
		items.map((item) => `${item.getAttribute('aria-level')} ${item.querySelector('[data-testid="outline-text"]')?.textContent?.trim()}`)
	);
}

async function chooseOutline(page: Page) {
	await tabTo(page, '[role="group"][aria-label="Widok"] button');
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Konspekt');
	await page.keyboard.press('Enter');
	await page.getByTestId('tree-outline').waitFor();
}

async function createProblemTreeBoard(page: Page): Promise<string> {
	await page.goto(`/processes/${env.seeded.processId}`);
	// Objective trees come only from a conversion: a forged kind is refused with a message.
	const kinds = page.getByLabel('Rodzaj tablicy');
	expect(await kinds.locator('option').allInnerTexts()).toEqual(['Ściana pomysłów', 'Drzewo problemów', 'Cele i kierunki działań', 'Karty kosztów zaniechania', 'Matryca potrzeb i luk']);
	await kinds.evaluate((select) => select.append(new Option('forged', 'objective-tree', true, true)));
	await page.getByLabel('Tytuł tablicy').fill('Podrobione drzewo celów');
	await page.getByRole('button', { name: 'Dodaj tablicę' }).click();
	await page.getByText('Wybierz rodzaj tablicy z listy.').waitFor();

	await kinds.selectOption({ label: 'Drzewo problemów' });
	await page.getByLabel('Tytuł tablicy').fill('Przemoc w rodzinie — drzewo problemów');
	await page.getByLabel('Obszar strategii (opcjonalnie)').fill('Obszar V. Przeciwdziałanie przemocy');
	await page.getByRole('button', { name: 'Dodaj tablicę' }).click();
	const link = page.getByRole('link', { name: 'Przemoc w rodzinie — drzewo problemów' });
	await link.waitFor();
	const boardId = (await link.getAttribute('href'))!.split('/').pop()!;
	// The participant reaches the board through the workshop, as in a real session.
	const { db, close } = openDatabase(env.server.databasePath);
	await db.insertInto('workshop_boards').values({ workshop_id: env.seeded.workshopId, board_id: boardId, position: 1 }).execute();
	await close();
	return boardId;
}

describe('problem tree in the browser', () => {
	it('is built with the keyboard alone, followed live by another participant, and converted into an objective tree', async () => {
		const anna = await signedInContext(env.browser, env.server, env.seeded.facilitator.token);
		const jan = await signedInContext(env.browser, env.server, env.seeded.guest.token);
		const annaPage = await anna.newPage();
		const boardId = await createProblemTreeBoard(annaPage);
		await annaPage.goto(`/boards/${boardId}`);
		await waitConnected(annaPage);
		expect(await annaPage.locator('.meta').innerText()).toContain('Drzewo problemów');
		expect(await annaPage.getByTestId('empty-core-hint').innerText()).toContain('Wpisz główny problem');

		await chooseOutline(annaPage);
		await tabTo(annaPage, '[role="treeitem"]');
		expect(await annaPage.evaluate(() => document.activeElement?.getAttribute('aria-level'))).toBe('1');

		const janPage = await openBoardPage(jan, boardId);
		await chooseOutline(janPage);

		// Anna edits the core problem; Jan sees that she is editing it, then her text, live.
		await annaPage.keyboard.press('Enter');
		await annaPage.getByTestId('tree-outline').getByTestId('box-text-input').waitFor();
		await annaPage.keyboard.type('Wysoki poziom');
		await eventually(async () => {
			expect(await janPage.getByTestId('box-editor').allInnerTexts()).toEqual(['Edytuje: Anna Facylitatorka']);
			expect(await janPage.getByTestId('outline-text').first().innerText()).toBe('Wysoki poziom');
		}, 10_000);
		await janPage.screenshot({ path: `${SHOTS}/participant-sees-editor.png` });
		await annaPage.keyboard.type(CORE.slice('Wysoki poziom'.length));
		await annaPage.keyboard.press('Enter');
		await eventually(async () => expect(await janPage.getByTestId('box-editor').count()).toBe(0), 10_000);

		// Insert adds below (a cause), Shift+Insert above (an effect); the new box opens for typing.
		await annaPage.keyboard.press('Insert');
		await typeBoxText(annaPage, CAUSE_PARENTS);
		await annaPage.keyboard.press('Insert');
		await typeBoxText(annaPage, SUB_CAUSE);
		await annaPage.keyboard.press('Home');
		await annaPage.keyboard.press('Insert');
		await typeBoxText(annaPage, CAUSE_COORDINATION);
		await annaPage.keyboard.press('Home');
		await annaPage.keyboard.press('Shift+Insert');
		await typeBoxText(annaPage, EFFECT);
		await annaPage.keyboard.press('Shift+Insert');
		await typeBoxText(annaPage, FURTHER_EFFECT);

		const shape = [`1 ${CORE}`, `2 ${EFFECT}`, `3 ${FURTHER_EFFECT}`, `2 ${CAUSE_PARENTS}`, `3 ${SUB_CAUSE}`, `2 ${CAUSE_COORDINATION}`];
		expect(await outlineShape(annaPage)).toEqual(shape);
		await eventually(async () => expect(await outlineShape(janPage)).toEqual(shape), 10_000);

		// Arrows walk the tree; Alt+arrows move a box and the move reaches Jan.
		await annaPage.keyboard.press('End');
		await annaPage.keyboard.press('ArrowUp');
		await eventually(async () => expect(await focusedItemText(annaPage)).toBe(SUB_CAUSE), 5_000);
		await annaPage.keyboard.press('Alt+ArrowLeft');
		await eventually(async () => expect((await outlineShape(janPage)).at(-2)).toBe(`2 ${SUB_CAUSE}`), 10_000);
		await annaPage.keyboard.press('Control+z');
		await eventually(async () => expect(await outlineShape(janPage)).toEqual(shape), 10_000);
		await annaPage.getByTestId('tree-outline').locator(`[role="treeitem"][aria-level="1"]`).focus();

		// Evidence and scale of the selected box, from the details panel, reach Jan's outline.
		await annaPage.getByLabel('Dowód (krótka notatka lub liczba)').fill('62 procedury Niebieskiej Karty w 2023 r.');
		await annaPage.getByLabel('Źródło dowodu').fill('dane Policji');
		await annaPage.getByLabel('Skala (ile osób lub rodzin dotyczy)').fill('ok. 120 rodzin');
		await eventually(async () => {
			expect(await janPage.getByTestId('outline-item').first().locator('.facts').innerText()).toBe(
				'Dowód: 62 procedury Niebieskiej Karty w 2023 r. (źródło: dane Policji) · Skala: ok. 120 rodzin'
			);
		}, 10_000);

		await annaPage.screenshot({ path: `${SHOTS}/problem-tree-outline.png`, fullPage: true });
		await annaPage.getByRole('button', { name: 'Diagram' }).click();
		await annaPage.screenshot({ path: `${SHOTS}/problem-tree-diagram.png`, fullPage: true });

		// The diagram takes the same keyboard moves as the outline.
		await annaPage.locator('[data-box-id]').filter({ hasText: SUB_CAUSE }).focus();
		await annaPage.keyboard.press('Alt+ArrowLeft');
		await eventually(async () => expect((await outlineShape(janPage)).at(-2)).toBe(`2 ${SUB_CAUSE}`), 10_000);
		await annaPage.keyboard.press('Control+z');
		await eventually(async () => expect(await outlineShape(janPage)).toEqual(shape), 10_000);

		const axe = await new AxeBuilder({ page: annaPage as never }).analyze();
		const diagramViolations = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		await annaPage.getByRole('button', { name: 'Konspekt' }).click();
		const axeOutline = await new AxeBuilder({ page: annaPage as never }).analyze();
		const outlineViolations = axeOutline.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect([...diagramViolations, ...outlineViolations].map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);

		// Converting opens the objective tree: same shape, suggested wordings, the originals beside them.
		await tabTo(annaPage, 'button[type="submit"]');
		expect(await annaPage.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Przekształć w drzewo celów');
		await annaPage.keyboard.press('Enter');
		await eventually(async () => expect(annaPage.url()).not.toContain(boardId), 15_000);
		await waitConnected(annaPage);
		expect(await annaPage.locator('.meta').innerText()).toContain('Drzewo celów');
		await annaPage.getByTestId('tree-outline').waitFor();
		await eventually(async () => expect(await annaPage.getByTestId('outline-item').count()).toBe(shape.length), 10_000);

		const objectiveShape = await outlineShape(annaPage);
		expect(objectiveShape.map((line) => line.split(' ')[0])).toEqual(shape.map((line) => line.split(' ')[0]));
		for (const [problem, objective] of Object.entries(SUGGESTED)) {
			const at = shape.findIndex((line) => line.endsWith(problem));
			expect(objectiveShape[at]).toBe(`${shape[at].split(' ')[0]} ${objective}`);
		}
		const originals = await annaPage.getByTestId('box-original').allInnerTexts();
		expect(originals).toEqual(shape.map((line) => `Było: ${line.slice(2)}`));
		expect(await annaPage.getByTestId('conversion-summary').innerText()).toContain('dodano 6');
		const lack = itemOf(annaPage, SUGGESTED[CAUSE_COORDINATION]).locator(':scope > .row [data-testid="box-mark-state-hint"]');
		expect(await lack.innerText()).toContain('Cel opisuje stan, a nie działanie');
		const flagged = itemOf(annaPage, FURTHER_EFFECT).locator(':scope > .row [data-testid="box-mark-flagged"]');
		expect(await flagged.innerText()).toContain('Do przeredagowania');
		expect(await annaPage.getByRole('link', { name: 'Wróć do drzewa problemów' }).count()).toBe(1);

		await annaPage.screenshot({ path: `${SHOTS}/objective-tree-outline.png`, fullPage: true });

		// Deleting a box with boxes under it asks first; its child moves up, and the change is announced.
		await itemOf(annaPage, SUGGESTED[EFFECT]).focus();
		await annaPage.keyboard.press('Delete');
		await annaPage.getByRole('alertdialog').waitFor();
		await annaPage.keyboard.press('Escape');
		expect(await annaPage.getByRole('alertdialog').count()).toBe(0);
		expect(await focusedItemText(annaPage)).toBe(SUGGESTED[EFFECT]);
		await annaPage.keyboard.press('Delete');
		expect(await annaPage.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tak, usuń');
		await annaPage.keyboard.press('Enter');
		await eventually(async () => {
			expect((await outlineShape(annaPage)).slice(1, 2)).toEqual([`2 ${FURTHER_EFFECT}`]);
			expect(await annaPage.getByTestId('tree-announcement').textContent()).toBe(`Usunięto „${SUGGESTED[EFFECT]}”.`);
		}, 5_000);
		await annaPage.keyboard.press('Control+z');
		await eventually(async () => expect(await annaPage.getByTestId('outline-item').count()).toBe(shape.length), 5_000);
		await annaPage.getByRole('button', { name: 'Diagram' }).click();
		await annaPage.screenshot({ path: `${SHOTS}/objective-tree-diagram.png`, fullPage: true });

		// The problem tree now links to its objective tree.
		await eventually(async () => expect(await janPage.getByRole('link', { name: 'Otwórz drzewo celów' }).count()).toBe(1), 10_000);
		await anna.close();
		await jan.close();
	}, 180_000);
});
