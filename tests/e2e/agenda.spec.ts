import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { signedInContext } from '../support/board-page';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from '../support/axe';

// Issue 7's agenda and timer in a real browser: the facilitator runs the day, a participant follows.
const SHOTS = 'test-results/agenda';

let server: TestServer;
let browser: Browser;
let seeded: SeededWorkshop;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer();
	seeded = await seedWorkshop(server.databasePath);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function workshopPage(token: string): Promise<Page> {
	const page = await (await signedInContext(browser, server, token)).newPage();
	await page.goto(`/w/${seeded.workshopId}`);
	return page;
}

async function addStep(page: Page, title: string, activity: string, minutes: number, board?: string) {
	await page.getByLabel('Nazwa punktu').fill(title);
	await page.getByLabel('Rodzaj pracy').selectOption({ label: activity });
	if (board) await page.getByLabel('Tablica', { exact: true }).selectOption({ label: board });
	await page.getByLabel('Planowany czas (min)').fill(String(minutes));
	await page.getByRole('button', { name: 'Dodaj do planu' }).click();
	await page.getByRole('list', { name: 'Punkty planu' }).getByText(title, { exact: true }).waitFor();
}

describe('workshop agenda and timer in the browser', () => {
	it('lets the facilitator run a three-step agenda with a timer that a participant follows', async () => {
		const facilitator = await workshopPage(seeded.facilitator.token);
		await facilitator.getByText('Plan warsztatu jest jeszcze pusty.').waitFor();
		await addStep(facilitator, 'Co utrudnia pomoc rodzinom w kryzysie?', 'Burza mózgów', 7, 'Ściana pomysłów');
		await addStep(facilitator, 'Drzewo problemów: przemoc w rodzinie', 'Drzewo problemów', 45);
		await addStep(facilitator, 'Przerwa kawowa', 'Przerwa', 15);

		await facilitator.getByRole('button', { name: 'Edytuj punkt: Przerwa kawowa' }).click();
		await facilitator.locator('[id$="-minutes"][id^="agenda-edit-"]').fill('20');
		await facilitator.getByRole('button', { name: 'Zapisz' }).click();
		await facilitator.getByRole('list', { name: 'Punkty planu' }).getByText('Przerwa · 20 min').waitFor();

		// Keyboard reorder: the break goes up one place and back, focus stays on it.
		const breakHandle = facilitator.getByRole('button', { name: /^Punkt 3: Przerwa kawowa/ });
		await breakHandle.focus();
		await facilitator.keyboard.press('ArrowUp');
		await facilitator.getByRole('button', { name: /^Punkt 2: Przerwa kawowa/ }).waitFor();
		await facilitator.keyboard.press('ArrowDown');
		await facilitator.getByRole('button', { name: /^Punkt 3: Przerwa kawowa/ }).waitFor();

		await facilitator.getByRole('button', { name: 'Rozpocznij pierwszy krok' }).click();
		await facilitator.getByTestId('agenda-current').getByText('Co utrudnia pomoc rodzinom w kryzysie?').waitFor();
		await facilitator.getByRole('button', { name: 'Uruchom na 7 min' }).click();
		await facilitator.getByRole('button', { name: 'Wstrzymaj' }).waitFor();
		await facilitator.getByRole('button', { name: 'Następny krok' }).click();
		await facilitator.getByTestId('agenda-current').getByText('Drzewo problemów: przemoc w rodzinie').waitFor();

		const participant = await workshopPage(seeded.guest.token);
		const current = participant.getByTestId('agenda-current');
		await current.getByText('Drzewo problemów: przemoc w rodzinie').waitFor();
		await participant.getByTestId('agenda-next').getByText('Przerwa kawowa').waitFor();
		await participant.getByTestId('agenda-next').getByText('Przerwa · 20 min').waitFor();
		const clock = participant.getByRole('timer');
		await clock.waitFor();
		const first = await clock.textContent();
		expect(first).toMatch(/0[67]:\d\d/);
		await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(first);
		expect(await participant.getByRole('button', { name: 'Następny krok' }).count()).toBe(0);
		expect(await participant.getByLabel('Nazwa punktu').count()).toBe(0);

		await facilitator.screenshot({ path: `${SHOTS}/facilitator.png`, fullPage: true });
		await participant.screenshot({ path: `${SHOTS}/participant.png`, fullPage: true });
		expect(await seriousViolations(facilitator)).toEqual([]);
		expect(await seriousViolations(participant)).toEqual([]);
	});
});
