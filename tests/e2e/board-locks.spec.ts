import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, noteTexts, openPageAs, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { eventually } from '../support/eventually';
import { seriousViolations } from '../support/axe';

// Issue 7's board lock in a real browser: the facilitator locks, the participant's board turns read-only and says why.
const SHOTS = 'test-results/board-locks';
const env = useBrowserWorkshop(SHOTS);

const open = (token: string, path: string): Promise<Page> => openPageAs(env, token, path);

describe('board locks in the browser', () => {
	it('makes a participant’s board read-only while locked, and editable again after the unlock', async () => {
		const { seeded } = env;
		const board = `/boards/${seeded.boardId}?w=${seeded.workshopId}`;
		const facilitator = await open(seeded.facilitator.token, board);
		const participant = await open(seeded.guest.token, board);
		await Promise.all([waitConnected(facilitator), waitConnected(participant)]);

		// The participant is typing a note when the lock comes: the edit ends.
		await participant.getByRole('button', { name: 'Dodaj notatkę' }).click();
		await participant.getByLabel('Treść notatki').waitFor();
		const toggle = facilitator.getByRole('button', { name: 'Zablokuj tablicę' });
		await toggle.click();
		await eventually(async () => expect(await toggle.getAttribute('aria-pressed')).toBe('true'));

		await participant.getByTestId('lock-notice').getByText('Osoba prowadząca zablokowała tablicę').waitFor();
		await participant.getByLabel('Treść notatki').waitFor({ state: 'detached' });
		expect(await participant.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);

		// The facilitator keeps editing and the participant still sees it live.
		await addNote(facilitator, 'Wnioski prowadzącej');
		await eventually(async () => expect(await noteTexts(participant)).toContain('Wnioski prowadzącej'));
		await participant.screenshot({ path: `${SHOTS}/participant-locked.png`, fullPage: true });
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-board-locked.png` });
		expect(await seriousViolations(participant)).toEqual([]);

		await toggle.click();
		await eventually(async () => expect(await toggle.getAttribute('aria-pressed')).toBe('false'));
		await participant.getByTestId('lock-notice').waitFor({ state: 'detached' });
		await addNote(participant, 'Po odblokowaniu');
		await eventually(async () => expect(await noteTexts(facilitator)).toContain('Po odblokowaniu'));
	});

	it('locks from the workshop page, where participants see which boards are locked', async () => {
		const { seeded } = env;
		const facilitator = await open(seeded.facilitator.token, `/w/${seeded.workshopId}`);
		const participantLobby = await open(seeded.guest.token, `/w/${seeded.workshopId}`);
		const participantBoard = await open(seeded.guest.token, `/boards/${seeded.boardId}`);
		await waitConnected(participantBoard);

		const toggle = facilitator.getByRole('button', { name: 'Zablokuj tablicę „Ściana pomysłów”' });
		await eventually(async () => expect(await toggle.isEnabled()).toBe(true));
		await toggle.click();

		await participantLobby.getByTestId('lock-badge').getByText('Zablokowana').waitFor();
		await participantBoard.getByTestId('lock-notice').waitFor();
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-workshop.png`, fullPage: true });
		expect(await seriousViolations(facilitator)).toEqual([]);

		// A participant who opens the board now gets it read-only from the first moment.
		const late = await open(seeded.secondGuest.token, `/boards/${seeded.boardId}`);
		await late.getByTestId('lock-notice').waitFor();
		expect(await late.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);

		await toggle.click();
		await participantLobby.getByTestId('lock-badge').waitFor({ state: 'detached' });
		await late.getByRole('button', { name: 'Dodaj notatkę' }).waitFor();
	});
});
