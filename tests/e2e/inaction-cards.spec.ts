import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { openBoardPage, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { eventually } from '../support/eventually';
import { openDatabase } from '../../src/lib/server/db/index';
import { insertInitialBoardUpdate } from '../../src/lib/server/db/board-updates';
import { createBoard } from '../../src/lib/server/boards';
import { CORE_BOX_ID, addCause, addEffect, initTreeDoc } from '../../src/lib/domain/problem-tree';
import { seriousViolations } from '../support/axe';

// Issue 6 (the cards) in a real browser: a facilitator fills three cost-of-inaction cards with the
// keyboard alone, the example estimate computes to 691 200 zł, the total follows, the grid sorts
// and filters, two cards are compared side by side, and a participant sees it all live.
const SHOTS = 'test-results/inaction-cards';

const env = useBrowserWorkshop(SHOTS);

async function tabTo(page: Page, selector: string, maxPresses = 120) {
	for (let i = 0; i < maxPresses; i++) {
		if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

/** Polish amounts group thousands with a no-break space; compare them as a reader would. */
function plain(text: string): string {
	return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Cards boards are not offered on the process page yet: inserted as the server creates them. */
async function createCardsBoard(title: string): Promise<string> {
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const boardId = await createBoard(db, env.seeded.processId, env.seeded.userId, { kind: 'inaction-cards', title, area: null });
		await db.insertInto('workshop_boards').values({ workshop_id: env.seeded.workshopId, board_id: boardId, position: 1 }).execute();
		return boardId;
	} finally {
		await close();
	}
}

/** A problem tree of the same process, whose boxes the cards can cite. */
async function storeProblemTree(): Promise<string> {
	const tree = new Y.Doc();
	initTreeDoc(tree, 'problem', { coreText: 'Rodziny w kryzysie nie otrzymują wsparcia na czas' });
	addCause(tree, CORE_BOX_ID, { text: 'Brak koordynacji między instytucjami', by: 'f', now: 1 });
	addEffect(tree, CORE_BOX_ID, { text: 'Dzieci trafiają do pieczy zastępczej', by: 'f', now: 1 });
	const { db, close } = openDatabase(env.server.databasePath);
	try {
		const id = randomUUID();
		const now = Date.now();
		await db.insertInto('boards').values({ id, process_id: env.seeded.processId, kind: 'problem-tree', title: 'Drzewo problemów: rodziny', area: null, created_by: env.seeded.userId, created_at: now }).execute();
		await insertInitialBoardUpdate(db, id, Y.encodeStateAsUpdate(tree), now);
		return id;
	} finally {
		await close();
	}
}

interface CardInput {
	area: string;
	text: string;
	/** Space on these bearer checkboxes (in BEARERS order: person-family, community, institutions). */
	bearers: boolean[];
	/** What to type on each dimension's select (social, health, educational, financial, safety); '' leaves it. */
	severities: string[];
	cost: string;
	/** Typed on the horizon select. */
	horizon: string;
}

/** One card, start to end by keyboard: the add button, the dialog, then Tab through the panel. */
async function fillCard(page: Page, card: CardInput) {
	await tabTo(page, '#icard-add, [data-testid="icard-add-first"]');
	await page.keyboard.press('Enter');
	await page.getByTestId('icard-add-dialog').waitFor();
	await page.keyboard.type(card.area);
	await page.keyboard.press('Enter');
	await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('icard-text'), 5_000);
	await page.keyboard.type(card.text);
	for (const ticked of card.bearers) {
		await page.keyboard.press('Tab');
		if (ticked) await page.keyboard.press('Space');
	}
	for (const severity of card.severities) {
		await page.keyboard.press('Tab');
		if (severity) await page.keyboard.type(severity);
	}
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('icard-cost');
	await page.keyboard.type(card.cost);
	await page.keyboard.press('Tab');
	await page.keyboard.type(card.horizon);
}

function tileAreas(page: Page) {
	return page.getByTestId('icard-open').allInnerTexts();
}

describe('cost-of-inaction cards in the browser', () => {
	it('are filled by keyboard, summed, sorted, filtered, compared and followed live', async () => {
		await storeProblemTree();
		const boardId = await createCardsBoard('Karty kosztów zaniechania');
		const anna = await signedInContext(env.browser, env.server, env.seeded.facilitator.token);
		const page = await anna.newPage();
		await page.goto(`/boards/${boardId}`);
		await waitConnected(page);
		await page.getByTestId('icard-empty').waitFor();
		await page.screenshot({ path: `${SHOTS}/empty.png` });
		expect(await seriousViolations(page)).toEqual([]);

		// A participant follows from the start.
		const jan = await signedInContext(env.browser, env.server, env.seeded.guest.token);
		const janPage = await openBoardPage(jan, boardId);

		await fillCard(page, {
			area: 'problemy opiekuńczo-wychowawcze',
			text: 'Dzieci z rodzin w kryzysie trafią do pieczy zastępczej.',
			bearers: [true, false, true],
			severities: ['4', '3', '', '5', ''],
			cost: '12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy',
			horizon: 'w'
		});
		expect(plain(await page.getByTestId('icard-cost-result').innerText())).toBe('= 691 200 zł rocznie');
		// The card cites a cause of the problem tree, chosen by typing on the select.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('icard-link-select');
		await page.keyboard.type('Przyczyna');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		const link = page.getByTestId('icard-links-editor').getByRole('link');
		expect(await link.innerText()).toBe('Przyczyna: Brak koordynacji między instytucjami (drzewo „Drzewo problemów: rodziny”)');
		expect(await link.getAttribute('href')).toMatch(/^\/boards\/[0-9a-f-]+\?box=/);
		await page.screenshot({ path: `${SHOTS}/card-details.png` });

		await fillCard(page, {
			area: 'przemoc w rodzinie',
			text: 'Przemoc będzie się powtarzać i przechodzić na kolejne pokolenie.',
			bearers: [true, true, false],
			severities: ['', '3', '', '', '4'],
			cost: '25 rodzin × 1 500 zł × 12',
			horizon: 'j'
		});
		expect(plain(await page.getByTestId('icard-cost-result').innerText())).toBe('= 450 000 zł rocznie');

		// The third card: a mistyped estimate is explained, naming the factor, then cleared.
		await fillCard(page, {
			area: 'bezdomność',
			text: 'Osoby bez domu trafią do noclegowni i na SOR.',
			bearers: [false, true, true],
			severities: ['3', '', '', '', ''],
			cost: '10 osób × 4.800 zł',
			horizon: 'z'
		});
		const error = await page.getByTestId('icard-cost-error').innerText();
		expect(error).toContain('Niejasna liczba');
		expect(error).toContain('Dotyczy czynnika nr 2.');
		expect(plain(await page.getByTestId('icard-unparsable').innerText())).toBe('bezdomność');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Control+A');
		await page.keyboard.press('Backspace');

		// Undo and redo of one's own change, by the keys people expect.
		await page.locator('#icard-likelihood').focus();
		await page.keyboard.type('w');
		expect(await page.locator('#icard-likelihood').inputValue()).toBe('high');
		await page.keyboard.press('Control+Z');
		await eventually(async () => expect(await page.locator('#icard-likelihood').inputValue()).toBe(''), 5_000);
		await page.keyboard.press('Control+Y');
		await eventually(async () => expect(await page.locator('#icard-likelihood').inputValue()).toBe('high'), 5_000);

		// The total counts the two computed estimates and names the card without one.
		expect(plain(await page.getByTestId('icard-total').innerText())).toBe('Suma szacowanych kosztów rocznych: 1 141 200 zł');
		expect(await page.getByTestId('icard-without-estimate').innerText()).toBe('bezdomność');
		expect(await tileAreas(page)).toEqual(['problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie', 'bezdomność']);
		await page.screenshot({ path: `${SHOTS}/grid.png` });
		expect(await seriousViolations(page)).toEqual([]);

		// Jan sees the three cards with their costs, and who is editing which.
		await eventually(async () => expect(await tileAreas(janPage)).toEqual(await tileAreas(page)), 10_000);
		expect((await janPage.getByTestId('icard-tile-cost').allInnerTexts()).map(plain)).toEqual(['691 200 zł', '450 000 zł', 'brak szacunku']);
		await eventually(
			async () => expect(await janPage.getByTestId('icard-tile').filter({ hasText: 'bezdomność' }).getByTestId('icard-editor').innerText()).toContain('Anna'),
			10_000
		);
		await janPage.screenshot({ path: `${SHOTS}/participant.png` });

		// Sorted by cost: the largest first; ascending, cards without a cost still go last.
		await page.getByLabel('Sortuj według').selectOption('cost');
		await page.getByLabel('Kierunek').selectOption('desc');
		expect(await tileAreas(page)).toEqual(['problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie', 'bezdomność']);
		await page.getByLabel('Kierunek').selectOption('asc');
		expect(await tileAreas(page)).toEqual(['przemoc w rodzinie', 'problemy opiekuńczo-wychowawcze', 'bezdomność']);

		// Filtered to severity 5 and more: one card, and the total covers only it.
		await page.getByLabel('Najmniejsza dotkliwość').selectOption('5');
		expect(await tileAreas(page)).toEqual(['problemy opiekuńczo-wychowawcze']);
		expect(plain(await page.getByTestId('icard-total').innerText())).toBe('Suma szacowanych kosztów rocznych: 691 200 zł');
		await page.screenshot({ path: `${SHOTS}/filtered.png` });
		await page.getByLabel('Najmniejsza dotkliwość').selectOption('');

		// Two cards side by side.
		await page.getByLabel('Porównaj: problemy opiekuńczo-wychowawcze').check();
		await page.getByLabel('Porównaj: przemoc w rodzinie').check();
		await page.getByTestId('icard-compare').click();
		const comparison = page.getByTestId('icard-comparison');
		await comparison.waitFor();
		expect(await comparison.locator('thead th').allInnerTexts()).toEqual(['Pole karty', 'problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']);
		expect((await comparison.getByTestId('icard-compare-cost').allInnerTexts()).map(plain)).toEqual(['691 200 zł', '450 000 zł']);
		expect(await comparison.getByTestId('icard-compare-horizon').allInnerTexts()).toEqual(['w ciągu 1–3 lat', 'już teraz']);
		await page.screenshot({ path: `${SHOTS}/comparison.png` });
		expect(await seriousViolations(page)).toEqual([]);
		await comparison.getByRole('button', { name: 'Wróć do siatki kart' }).click();

		// An observer (the projector) reads every value and gets no editing controls.
		const projector = await signedInContext(env.browser, env.server, env.seeded.observer.token);
		const projectorPage = await openBoardPage(projector, boardId);
		await projectorPage.getByTestId('icard-grid').getByRole('button', { name: 'problemy opiekuńczo-wychowawcze' }).click();
		const readout = projectorPage.getByTestId('icard-readout');
		expect(plain(await readout.innerText())).toContain('691 200 zł');
		expect(await readout.innerText()).toContain('12 dzieci w pieczy zastępczej × 4 800 zł × 12 miesięcy');
		expect(await readout.getByRole('link').innerText()).toContain('Brak koordynacji między instytucjami');
		expect(await projectorPage.getByRole('button', { name: /Dodaj kartę/ }).count()).toBe(0);
		expect(await projectorPage.locator('aside textarea, aside input, aside select').count()).toBe(0);
		await projectorPage.screenshot({ path: `${SHOTS}/observer.png` });
		expect(await seriousViolations(projectorPage)).toEqual([]);
		await projector.close();

		// Deleting asks first; the participant sees the card go.
		await page.getByTestId('icard-grid').getByRole('button', { name: 'bezdomność', exact: true }).click();
		await page.getByTestId('icard-delete').click();
		await page.getByTestId('icard-delete-dialog').getByRole('button', { name: 'Usuń kartę' }).click();
		await eventually(async () => expect(await tileAreas(janPage)).toEqual(['problemy opiekuńczo-wychowawcze', 'przemoc w rodzinie']), 10_000);

		await anna.close();
		await jan.close();
	});
});
