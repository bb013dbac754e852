import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { addNote, waitConnected } from '../support/board-page';
import { startServer, type TestServer } from '../support/server';
import { utcToWallClock } from '../../src/lib/domain/workshop-time';

// The whole path of issue 2 in a real browser: a facilitator sets up Narada, prepares an ideas
// wall and a workshop; a guest joins with the code on another "laptop"; each sees the other's note.
const SHOTS = 'test-results/workshop-flow';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
	return context.newPage();
}

describe('a workshop from set-up to shared notes', () => {
	it('lets a facilitator and a guest see each other’s notes live', async () => {
		const facilitator = await newPage();
		await facilitator.goto('/');
		await facilitator.waitForURL('**/setup');
		await facilitator.locator('input[name="setupCode"]').fill(server.setupCode!);
		await facilitator.locator('input[name="email"]').fill('anna@rops.example.pl');
		await facilitator.locator('input[name="name"]').fill('Anna Kowalska');
		await facilitator.locator('input[name="password"]').fill('długie hasło moderatorki');
		await facilitator.locator('input[name="passwordConfirm"]').fill('długie hasło moderatorki');
		await facilitator.getByRole('button', { name: 'Utwórz konto administratora' }).click();
		await facilitator.waitForURL('**/processes');

		await facilitator.locator('input[name="title"]').fill('Strategia Rozwiązywania Problemów Społecznych Powiatu Piskiego');
		await facilitator.locator('input[name="territory"]').fill('Powiat piski');
		await facilitator.locator('input[name="periodFrom"]').fill('2025');
		await facilitator.locator('input[name="periodTo"]').fill('2030');
		await facilitator.getByRole('button', { name: 'Utwórz proces' }).click();
		await facilitator.waitForURL(/\/processes\/[0-9a-f-]{36}$/);

		await facilitator.locator('#board-title').fill('Co utrudnia pomoc rodzinom w kryzysie?');
		await facilitator.getByRole('button', { name: 'Dodaj tablicę' }).click();
		await facilitator.getByRole('link', { name: 'Co utrudnia pomoc rodzinom w kryzysie?' }).waitFor();

		const now = Date.now();
		await facilitator.locator('#workshop-title').fill('Warsztat w Piszu');
		await facilitator.locator('#workshop-startsAt').fill(utcToWallClock(now - 30 * 60_000));
		await facilitator.locator('#workshop-endsAt').fill(utcToWallClock(now + 4 * 3600_000));
		await facilitator.locator('input[name="boardIds"]').first().check();
		await facilitator.getByRole('button', { name: 'Utwórz warsztat' }).click();
		await facilitator.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
		const code = (await facilitator.getByTestId('join-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-workshop.png`, fullPage: true });

		const guest = await newPage();
		await guest.goto('/');
		await guest.locator('input[name="code"]').fill(code.toLowerCase());
		await guest.getByRole('button', { name: 'Dołącz' }).click();
		await guest.locator('input[name="displayName"]').fill('Ewa Nowak');
		await guest.locator('input[name="institution"]').fill('Szkoła Podstawowa nr 1 w Piszu');
		await guest.locator('select[name="sector"]').selectOption({ label: 'oświata' });
		await guest.getByRole('button', { name: 'Dołącz do warsztatu' }).click();
		await guest.waitForURL(/\/w\/[0-9a-f-]{36}$/);
		await guest.getByText('Obecni uczestnicy: 1').waitFor();
		await guest.getByText('Szkoła Podstawowa nr 1 w Piszu · oświata').waitFor();
		await guest.screenshot({ path: `${SHOTS}/guest-lobby.png`, fullPage: true });
		await guest.getByRole('link', { name: 'Co utrudnia pomoc rodzinom w kryzysie?' }).click();
		await guest.waitForURL(/\/boards\//);

		await facilitator.goto(guest.url());
		for (const page of [facilitator, guest]) await waitConnected(page);

		await addNote(facilitator, 'Brak koordynacji między instytucjami');
		await addNote(guest, 'Długi czas oczekiwania na terapię');

		for (const page of [facilitator, guest]) {
			const texts = page.getByTestId('note-text');
			await texts.filter({ hasText: 'Brak koordynacji między instytucjami' }).waitFor({ timeout: 10_000 });
			await texts.filter({ hasText: 'Długi czas oczekiwania na terapię' }).waitFor({ timeout: 10_000 });
		}
		await facilitator.getByText('Ewa Nowak').first().waitFor();
		await guest.getByText('Anna Kowalska').first().waitFor();

		await facilitator.screenshot({ path: `${SHOTS}/facilitator-board.png` });
		await guest.screenshot({ path: `${SHOTS}/guest-board.png` });
	});
});
