import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { noteTexts, openPageAs, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { seriousViolations } from '../support/axe';

// Issue 7 end to end: a facilitator runs a three-step workshop for two participants — agenda and
// timer, follow-me, a private anonymous brainstorm with reveal, and a dot vote.
const SHOTS = 'test-results/workshop-day';
const env = useBrowserWorkshop(SHOTS);

const open = (token: string, path: string): Promise<Page> => openPageAs(env, token, path);

async function addStep(page: Page, step: { title: string; activity: string; minutes: number; board?: string; privacy?: string }) {
	await page.getByLabel('Nazwa punktu').fill(step.title);
	await page.getByLabel('Rodzaj pracy').selectOption({ label: step.activity });
	if (step.board) await page.getByLabel('Tablica', { exact: true }).selectOption({ label: step.board });
	if (step.privacy) await page.getByLabel('Notatki w tym kroku').selectOption({ label: step.privacy });
	await page.getByLabel('Planowany czas (min)').fill(String(step.minutes));
	await page.getByRole('button', { name: 'Dodaj do planu' }).click();
	await page.getByRole('list', { name: 'Punkty planu' }).getByText(step.title, { exact: true }).waitFor();
}

async function writePrivate(page: Page, text: string) {
	await page.getByLabel('Twoja notatka').fill(text);
	await page.getByRole('button', { name: 'Dodaj do moich notatek' }).click();
	await page.getByTestId('own-private-notes').getByText(text, { exact: true }).waitFor();
}

describe('a workshop day in the browser', () => {
	it('runs a three-step agenda with a timer, a private brainstorm with reveal and a dot vote for two participants', async () => {
		const { seeded } = env;
		const lobby = await open(seeded.facilitator.token, `/w/${seeded.workshopId}`);
		await addStep(lobby, { title: 'Co utrudnia pomoc rodzinom?', activity: 'Burza mózgów', minutes: 5, board: 'Ściana pomysłów', privacy: 'Anonimowe: odsłaniane bez autora' });
		await addStep(lobby, { title: 'Co jest najważniejsze?', activity: 'Głosowanie', minutes: 5, board: 'Ściana pomysłów' });
		await addStep(lobby, { title: 'Podsumowanie i dalsze kroki', activity: 'Dyskusja', minutes: 10 });
		await lobby.getByRole('button', { name: 'Rozpocznij pierwszy krok' }).click();
		await lobby.getByRole('button', { name: 'Uruchom na 5 min' }).click();
		await lobby.getByRole('button', { name: 'Wstrzymaj' }).waitFor();

		// Two participants arrive late: they see the step, what comes next and the running timer.
		const jan = await open(seeded.guest.token, `/w/${seeded.workshopId}`);
		const ewa = await open(seeded.secondGuest.token, `/w/${seeded.workshopId}`);
		for (const page of [jan, ewa]) {
			await page.getByTestId('agenda-current').getByText('Co utrudnia pomoc rodzinom?').waitFor();
			await page.getByTestId('agenda-next').getByText('Co jest najważniejsze?').waitFor();
			await page.getByRole('timer').waitFor();
		}

		// Follow me: the facilitator brings everyone to the wall.
		const board = await open(seeded.facilitator.token, `/boards/${seeded.boardId}?w=${seeded.workshopId}`);
		await waitConnected(board);
		await board.getByRole('button', { name: 'Przyprowadź wszystkich tutaj' }).click();
		for (const page of [jan, ewa]) {
			await page.waitForURL(`**/boards/${seeded.boardId}?**`);
			await waitConnected(page);
			await page.getByTestId('workshop-bar').getByText('Co utrudnia pomoc rodzinom?').waitFor();
		}

		// Private anonymous brainstorm: nobody sees another's notes until the reveal.
		await writePrivate(jan, 'Brak wspólnej bazy danych o rodzinach');
		await writePrivate(ewa, 'Za mało asystentów rodziny');
		await writePrivate(ewa, 'Długie kolejki do psychologa');
		await board.getByTestId('private-notes-count').getByText('3 notatki od 2 osób').waitFor();
		expect(await noteTexts(jan)).toEqual([]);
		expect(await jan.getByText('Za mało asystentów rodziny').count()).toBe(0);
		await jan.screenshot({ path: `${SHOTS}/participant-private-step.png` });
		expect(await seriousViolations(jan)).toEqual([]);
		await board.getByRole('button', { name: 'Odsłoń notatki' }).click();
		const ideas = ['Brak wspólnej bazy danych o rodzinach', 'Długie kolejki do psychologa', 'Za mało asystentów rodziny'];
		for (const page of [board, jan, ewa]) await expect.poll(async () => (await noteTexts(page)).sort(), { timeout: 10_000 }).toEqual(ideas);

		// Step two: a dot vote with two dots each, results at the close.
		await lobby.getByRole('button', { name: 'Następny krok' }).click();
		await jan.getByTestId('workshop-bar').getByText('Co jest najważniejsze?').waitFor();
		await board.getByRole('button', { name: 'Rozpocznij głosowanie' }).click();
		const dialog = board.getByRole('dialog', { name: 'Nowe głosowanie kropkami' });
		await dialog.getByLabel('Kropki na osobę').fill('2');
		await dialog.getByRole('button', { name: 'Rozpocznij' }).click();
		await dialog.waitFor({ state: 'detached' });
		const vote = async (page: Page, item: string) => page.getByTestId('vote-panel').getByRole('button', { name: `Dodaj kropkę: ${item}` }).click();
		await jan.getByTestId('vote-panel').getByText('Zostały Ci 2 z 2 kropek').waitFor();
		await vote(jan, 'Za mało asystentów rodziny');
		await jan.getByTestId('vote-panel').getByText('Została Ci 1 z 2 kropek').waitFor();
		await vote(jan, 'Długie kolejki do psychologa');
		await jan.getByTestId('vote-panel').getByText('Zostało Ci 0 z 2 kropek').waitFor();
		await vote(ewa, 'Za mało asystentów rodziny');
		await ewa.getByTestId('vote-panel').getByText('Została Ci 1 z 2 kropek').waitFor();
		await board.screenshot({ path: `${SHOTS}/facilitator-vote.png` });
		await board.getByRole('button', { name: 'Zakończ głosowanie' }).click();
		for (const page of [board, jan, ewa]) {
			const ranking = page.getByRole('list', { name: 'Ranking' });
			await ranking.waitFor();
			expect((await ranking.getByRole('listitem').allInnerTexts())[0]).toContain('Za mało asystentów rodziny');
		}
		await ewa.screenshot({ path: `${SHOTS}/participant-results.png` });
		expect(await seriousViolations(ewa)).toEqual([]);

		// Step three: everyone sees the last step; the facilitator's lobby passes axe.
		await lobby.getByRole('button', { name: 'Następny krok' }).click();
		for (const page of [jan, ewa]) await page.getByTestId('workshop-bar').getByText('Podsumowanie i dalsze kroki').waitFor();
		await lobby.screenshot({ path: `${SHOTS}/facilitator-lobby.png`, fullPage: true });
		expect(await seriousViolations(lobby)).toEqual([]);

		// Afterwards: the log says in words what the facilitator did; the summary keeps the vote.
		await lobby.getByRole('link', { name: 'Dziennik warsztatu' }).click();
		for (const line of [
			'Przyprowadzono wszystkich do tablicy „Ściana pomysłów”',
			'Odsłonięto prywatne notatki kroku „Co utrudnia pomoc rodzinom?” (liczba notatek: 3)',
			'Rozpoczęto głosowanie kropkami na tablicy „Ściana pomysłów”',
			'Zakończono głosowanie kropkami'
		]) {
			await lobby.getByRole('cell', { name: line }).waitFor();
		}
		await lobby.screenshot({ path: `${SHOTS}/facilitator-log.png`, fullPage: true });
		await lobby.goto(`/w/${seeded.workshopId}/summary`);
		await lobby.getByText('Za mało asystentów rodziny').first().waitFor();
		await lobby.screenshot({ path: `${SHOTS}/facilitator-summary.png`, fullPage: true });
		expect(await seriousViolations(lobby)).toEqual([]);
	});
});
