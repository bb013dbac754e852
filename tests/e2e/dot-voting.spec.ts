import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { seriousViolations } from '../support/axe';
import { addWorkshopTree } from '../support/workshop-tree';

// Issue 7's dot vote in a real browser: the facilitator opens it on the ideas wall, a participant votes.
const SHOTS = 'test-results/dot-voting';
const env = useBrowserWorkshop(SHOTS);

async function boardPage(token: string, query = '', boardId = env.seeded.boardId): Promise<Page> {
	const page = await (await signedInContext(env.browser, env.server, token)).newPage();
	await page.goto(`/boards/${boardId}${query}`);
	await waitConnected(page);
	return page;
}

describe('dot voting in the browser', () => {
	it('lets a participant give and take back dots within the limit, then shows the ranking to everyone', async () => {
		const facilitator = await boardPage(env.seeded.facilitator.token, `?w=${env.seeded.workshopId}`);
		for (const text of ['Asystent rodziny w każdej gminie', 'Świetlica dla młodzieży', 'Klub seniora']) await addNote(facilitator, text);

		await facilitator.getByRole('button', { name: 'Rozpocznij głosowanie' }).click();
		const dialog = facilitator.getByRole('dialog', { name: 'Nowe głosowanie kropkami' });
		await dialog.getByLabel('Kropki na osobę').fill('3');
		await dialog.getByLabel('Najwięcej kropek od jednej osoby na jeden element').fill('2');
		await dialog.getByRole('button', { name: 'Rozpocznij' }).click();
		await dialog.waitFor({ state: 'detached' });
		await facilitator.getByText('W tym głosowaniu prowadzący nie głosują.').waitFor();

		const participant = await boardPage(env.seeded.guest.token);
		const panel = participant.getByTestId('vote-panel');
		await panel.getByText('Zostały Ci 3 z 3 kropek').waitFor();
		await panel.getByText('Wyniki zobaczysz po zamknięciu głosowania.').waitFor();
		const place = (item: string) => panel.getByRole('button', { name: `Dodaj kropkę: ${item}` }).click();
		await place('Klub seniora');
		await panel.getByText('Zostały Ci 2 z 3 kropek').waitFor();
		await place('Klub seniora');
		await panel.getByText('Została Ci 1 z 3 kropek').waitFor();
		await place('Świetlica dla młodzieży');
		await panel.getByText('Zostało Ci 0 z 3 kropek').waitFor();

		await place('Asystent rodziny w każdej gminie');
		await panel.getByRole('alert').getByText('Nie masz już wolnych kropek. Aby przenieść kropkę, najpierw zabierz ją z innego elementu.').waitFor();
		await panel.getByRole('button', { name: 'Zabierz kropkę: Świetlica dla młodzieży' }).click();
		await panel.getByText('Została Ci 1 z 3 kropek').waitFor();
		expect(await panel.getByRole('alert').count()).toBe(0);
		await place('Asystent rodziny w każdej gminie');
		await panel.getByText('Zostało Ci 0 z 3 kropek').waitFor();
		// Hidden results: the participant's wall shows no counts while the vote runs.
		expect(await participant.getByTestId('note-dots').count()).toBe(0);
		expect(await seriousViolations(participant, '[data-testid="vote-panel"]')).toEqual([]);
		await participant.screenshot({ path: `${SHOTS}/participant-voting.png` });

		// The facilitator sees the counts as they come in, on the notes too.
		await facilitator.getByTestId('vote-panel').getByText('Wszystkie kropki: 2').waitFor();
		await facilitator.getByTestId('note-dots').first().waitFor();
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-running.png` });
		await facilitator.getByRole('button', { name: 'Zakończ głosowanie' }).click();

		for (const page of [facilitator, participant]) {
			const ranking = page.getByRole('list', { name: 'Ranking' });
			await ranking.waitFor();
			expect(await ranking.getByRole('listitem').allInnerTexts()).toEqual([
				expect.stringContaining('Klub seniora'),
				expect.stringContaining('Asystent rodziny w każdej gminie'),
				expect.stringContaining('Świetlica dla młodzieży')
			]);
		}
		await participant.getByTestId('note-dots').first().waitFor();
		expect((await participant.getByTestId('note-dots').allInnerTexts()).map((t) => t.split('\n')[0]).sort()).toEqual(['0', '1', '2']);
		expect(await seriousViolations(participant, '[data-testid="vote-panel"]')).toEqual([]);
		await participant.screenshot({ path: `${SHOTS}/participant-results.png` });
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-results.png` });
	});

	it('shows the dots on the boxes of a problem tree, in the diagram and in the outline', async () => {
		const { boardId } = await addWorkshopTree(env.server.databasePath, env.seeded, {
			core: 'Rodziny w kryzysie nie otrzymują wsparcia na czas',
			cause: 'Brak koordynacji między instytucjami'
		});

		const facilitator = await boardPage(env.seeded.facilitator.token, `?w=${env.seeded.workshopId}`, boardId);
		await facilitator.getByRole('button', { name: 'Rozpocznij głosowanie' }).click();
		const dialog = facilitator.getByRole('dialog', { name: 'Nowe głosowanie kropkami' });
		await dialog.getByLabel('Kropki na osobę').fill('2');
		await dialog.getByRole('button', { name: 'Rozpocznij' }).click();
		await dialog.waitFor({ state: 'detached' });

		const participant = await boardPage(env.seeded.secondGuest.token, '', boardId);
		const panel = participant.getByTestId('vote-panel');
		await panel.getByRole('button', { name: 'Dodaj kropkę: Brak koordynacji między instytucjami' }).click();
		await panel.getByText('Została Ci 1 z 2 kropek').waitFor();

		// The facilitator sees the counts live, on the box itself.
		const cause = facilitator.locator('.tree-box', { hasText: 'Brak koordynacji między instytucjami' });
		await expect.poll(() => cause.getByTestId('box-dots').textContent()).toBe('1');
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-tree.png` });
		await facilitator.getByRole('button', { name: 'Zakończ głosowanie' }).click();
		// After the close everyone sees them; the outline view shows them beside each box too.
		await participant.locator('.tree-box', { hasText: 'Brak koordynacji między instytucjami' }).getByTestId('box-dots').waitFor();
		await participant.getByRole('button', { name: 'Konspekt' }).click();
		const item = participant.getByRole('treeitem', { name: /Brak koordynacji między instytucjami/ });
		await expect.poll(() => item.getByTestId('note-dots').first().textContent()).toContain('1');
	});
});
