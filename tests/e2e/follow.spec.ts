import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPageAs, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { seriousViolations } from '../support/axe';
import { addWorkshopTree } from '../support/workshop-tree';

// Issue 7's "follow me" and projector view: the facilitator leads, a participant and the room's screen follow.
const SHOTS = 'test-results/follow';
const env = useBrowserWorkshop(SHOTS);

const open = (token: string, path: string): Promise<Page> => openPageAs(env, token, path);

describe('follow me and the projector view in the browser', () => {
	it('brings a participant and the projector to a board; the participant steps away and comes back with one click', async () => {
		const { seeded } = env;
		const participant = await open(seeded.guest.token, `/w/${seeded.workshopId}`);
		const projector = await open(seeded.observer.token, `/w/${seeded.workshopId}/projector`);
		await projector.getByText('Warsztat jeszcze się nie zaczął.').waitFor();
		expect(await projector.locator('.site-header').count()).toBe(0);
		await projector.screenshot({ path: `${SHOTS}/projector-waiting.png` });

		const facilitator = await open(seeded.facilitator.token, `/w/${seeded.workshopId}`);
		await facilitator.getByRole('link', { name: 'Ściana pomysłów' }).click();
		await facilitator.waitForURL(`**/boards/${seeded.boardId}?w=${seeded.workshopId}`);
		await waitConnected(facilitator);
		await facilitator.getByRole('button', { name: 'Przyprowadź wszystkich tutaj' }).click();
		await facilitator.getByTestId('follow-leading').waitFor();

		// The participant is taken to the board; the projector shows it read-only in large type.
		await participant.waitForURL(`**/boards/${seeded.boardId}?**`);
		await waitConnected(participant);
		await projector.waitForURL(`**/boards/${seeded.boardId}?**view=projector**`);
		await projector.getByRole('heading', { name: 'Ściana pomysłów' }).waitFor();
		expect(await projector.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-leading.png` });
		await projector.screenshot({ path: `${SHOTS}/projector-board.png` });

		// Stepping away: the workshop page offers the way back.
		await participant.goto(`/w/${seeded.workshopId}`);
		const invite = participant.getByTestId('follow-invite');
		await invite.getByText('Osoba prowadząca zaprasza wszystkich na tablicę „Ściana pomysłów”.').waitFor();
		await participant.screenshot({ path: `${SHOTS}/participant-stepped-away.png` });
		expect(await seriousViolations(participant)).toEqual([]);
		await invite.getByRole('link', { name: 'Wróć do wspólnej tablicy' }).click();
		await participant.waitForURL(`**/boards/${seeded.boardId}?**`);
		await waitConnected(participant);
		await participant.getByRole('button', { name: 'Dodaj notatkę' }).waitFor();

		// Leading stops: the projector goes back to its step-and-timer screen.
		await facilitator.getByRole('button', { name: 'Zakończ prowadzenie' }).click();
		await projector.waitForURL(`**/w/${seeded.workshopId}/projector`);
		expect(await seriousViolations(facilitator)).toEqual([]);
	});

	it('brings everyone to a box on the board they are on: the box is selected, the board does not reconnect', async () => {
		const { seeded } = env;
		const { boardId, causeId } = await addWorkshopTree(env.server.databasePath, seeded, {
			core: 'Samotność osób starszych w gminie',
			cause: 'Za mało miejsc w dziennym domu pomocy'
		});
		const participant = await open(seeded.guest.token, `/boards/${boardId}`);
		const boardSockets: string[] = [];
		participant.on('websocket', (socket) => {
			if (socket.url().includes('/collab/')) boardSockets.push(socket.url());
		});
		await waitConnected(participant);
		boardSockets.length = 0; // the board's own first socket may open after the listener
		const participantCause = participant.locator('.tree-box', { hasText: 'Za mało miejsc w dziennym domu pomocy' });
		expect(await participantCause.getAttribute('aria-current')).toBeNull();

		const facilitator = await open(seeded.facilitator.token, `/boards/${boardId}?w=${seeded.workshopId}`);
		await waitConnected(facilitator);
		await facilitator.locator('.tree-box', { hasText: 'Za mało miejsc w dziennym domu pomocy' }).click();
		await facilitator.getByRole('button', { name: 'Przyprowadź wszystkich do zaznaczenia' }).click();

		await participant.waitForURL(`**/boards/${boardId}?**box=${causeId}**`);
		await expect.poll(() => participantCause.getAttribute('aria-current')).toBe('true');
		// Same board: the page kept its socket, so nobody sees "Łączenie…" when the facilitator points at a box.
		expect(boardSockets).toEqual([]);
		await participant.screenshot({ path: `${SHOTS}/participant-led-to-box.png` });
		await facilitator.getByRole('button', { name: 'Zakończ prowadzenie' }).click();
	});
});
