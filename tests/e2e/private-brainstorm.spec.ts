import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { noteTexts, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { seriousViolations } from '../support/axe';

// Issue 7's private brainstorm in a real browser: notes stay with their author until the reveal.
const SHOTS = 'test-results/private-brainstorm';
const env = useBrowserWorkshop(SHOTS);

async function open(token: string, path: string): Promise<{ page: Page; context: Awaited<ReturnType<typeof signedInContext>> }> {
	const context = await signedInContext(env.browser, env.server, token);
	const page = await context.newPage();
	await page.goto(path);
	return { page, context };
}

async function writePrivate(page: Page, text: string) {
	await page.getByLabel('Twoja notatka').fill(text);
	await page.getByRole('button', { name: 'Dodaj do moich notatek' }).click();
	await page.getByTestId('own-private-notes').getByText(text, { exact: true }).waitFor();
}

describe('private brainstorm in the browser', () => {
	it('keeps an anonymous step’s notes with their author until the facilitator reveals them on every wall', async () => {
		const { seeded } = env;
		const board = `/boards/${seeded.boardId}`;
		const { page: lobby } = await open(seeded.facilitator.token, `/w/${seeded.workshopId}`);
		await lobby.getByLabel('Nazwa punktu').fill('Co utrudnia współpracę instytucji?');
		await lobby.getByLabel('Rodzaj pracy').selectOption({ label: 'Burza mózgów' });
		await lobby.getByLabel('Tablica', { exact: true }).selectOption({ label: 'Ściana pomysłów' });
		await lobby.getByLabel('Notatki w tym kroku').selectOption({ label: 'Anonimowe: odsłaniane bez autora' });
		await lobby.getByRole('button', { name: 'Dodaj do planu' }).click();
		await lobby.getByRole('list', { name: 'Punkty planu' }).getByText(/notatki anonimowe/).waitFor();
		await lobby.getByRole('button', { name: 'Rozpocznij pierwszy krok' }).click();
		await lobby.getByTestId('brainstorm-status').getByText('Nikt jeszcze nie dodał notatki.').waitFor();

		const { page: jan, context: janContext } = await open(seeded.guest.token, board);
		await waitConnected(jan);
		const panel = jan.getByTestId('private-notes');
		await panel.getByRole('heading', { name: 'Krok anonimowy' }).waitFor();
		await panel.getByText(/^Twoje notatki widzisz tylko Ty, do czasu odsłonięcia/).waitFor();
		// While the step runs, new notes go through the panel, not onto the shared wall.
		expect(await jan.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);
		await writePrivate(jan, 'Brak wspólnej bazy danych o rodzinach');
		await writePrivate(jan, 'Różne godziny pracy instytucji');
		await expect.poll(() => panel.getByText('✓ wysłana').count()).toBe(2);

		const { page: ewa } = await open(seeded.secondGuest.token, board);
		await waitConnected(ewa);
		await ewa.getByTestId('private-notes-count').getByText('2 notatki od 1 osoby').waitFor();
		expect(await noteTexts(ewa)).toEqual([]);
		expect(await ewa.getByText('Brak wspólnej bazy danych o rodzinach').count()).toBe(0);

		// Offline: the note waits on the laptop, and is sent once when the connection is back.
		await janContext.setOffline(true);
		await panel.getByText(/^Brak połączenia: notatki zaczekają/).waitFor({ timeout: 15_000 });
		await jan.getByLabel('Twoja notatka').fill('Nikt nie koordynuje wsparcia');
		await jan.getByRole('button', { name: 'Dodaj do moich notatek' }).click();
		await panel.getByText('⏳ czeka na wysłanie').waitFor();
		await panel.screenshot({ path: `${SHOTS}/participant-panel-offline.png` });
		await janContext.setOffline(false);
		await expect.poll(() => panel.getByText('✓ wysłana').count(), { timeout: 20_000 }).toBe(3);
		await ewa.getByTestId('private-notes-count').getByText('3 notatki od 1 osoby').waitFor();
		await panel.screenshot({ path: `${SHOTS}/participant-panel.png` });
		await jan.screenshot({ path: `${SHOTS}/participant.png` });
		expect(await seriousViolations(jan)).toEqual([]);

		const { page: anna } = await open(seeded.facilitator.token, `${board}?w=${seeded.workshopId}`);
		await waitConnected(anna);
		await anna.getByTestId('private-notes-count').getByText('3 notatki od 1 osoby').waitFor();
		await anna.screenshot({ path: `${SHOTS}/facilitator.png` });
		expect(await seriousViolations(anna)).toEqual([]);
		await anna.getByRole('button', { name: 'Odsłoń notatki' }).click();

		const expected = ['Brak wspólnej bazy danych o rodzinach', 'Nikt nie koordynuje wsparcia', 'Różne godziny pracy instytucji'];
		for (const page of [ewa, jan, anna]) await expect.poll(async () => (await noteTexts(page)).sort(), { timeout: 10_000 }).toEqual(expected);
		await ewa.getByText('Notatki są już odsłonięte na ścianie.').waitFor();
		// After the reveal the wall is open again.
		await jan.getByRole('button', { name: 'Dodaj notatkę' }).waitFor();
		await ewa.screenshot({ path: `${SHOTS}/participant-after-reveal.png` });
	});
});
