import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src/lib/server/db/index';
import { signedInContext, useBrowserWorkshop } from '../support/board-page';
import { seriousViolations } from '../support/axe';

// Issue 7's roster part in a real browser: a hand goes up, the facilitator sees it and lowers it, then reads the summary.
const SHOTS = 'test-results/participation';
const env = useBrowserWorkshop(SHOTS);

async function workshopPage(token: string, path = `/w/${env.seeded.workshopId}`): Promise<Page> {
	const page = await (await signedInContext(env.browser, env.server, token)).newPage();
	await page.goto(path);
	return page;
}

describe('raised hands and the participation summary in the browser', () => {
	it('a participant raises a hand, the facilitator sees it and lowers it', async () => {
		const facilitator = await workshopPage(env.seeded.facilitator.token);
		await facilitator.getByText('Nikt nie podnosi ręki.').waitFor();
		const participant = await workshopPage(env.seeded.guest.token);

		const toggle = participant.getByRole('button', { name: 'Podnieś rękę' });
		await expect.poll(() => toggle.isEnabled(), { timeout: 10_000 }).toBe(true);
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await toggle.click();
		const lowerOwn = participant.getByRole('button', { name: 'Opuść rękę' });
		await lowerOwn.waitFor();
		expect(await lowerOwn.getAttribute('aria-pressed')).toBe('true');

		const queue = facilitator.getByRole('list', { name: 'Podniesione ręce w kolejności zgłoszeń' });
		await queue.getByText('Jan z PCPR').waitFor();
		await expect.poll(() => facilitator.locator('[aria-live="polite"]', { hasText: 'Jan z PCPR podnosi rękę.' }).count()).toBe(1);
		await facilitator.screenshot({ path: `${SHOTS}/facilitator-hand.png`, fullPage: true });
		expect(await seriousViolations(facilitator)).toEqual([]);
		expect(await seriousViolations(participant)).toEqual([]);

		await facilitator.getByRole('button', { name: 'Opuść rękę: Jan z PCPR' }).click();
		await participant.getByRole('button', { name: 'Podnieś rękę' }).waitFor();
		await facilitator.getByText('Nikt nie podnosi ręki.').waitFor();
		await participant.screenshot({ path: `${SHOTS}/participant.png`, fullPage: true });

		// The same toggle sits in a board page's header while the board is open in the workshop.
		await participant.goto(`/boards/${env.seeded.boardId}`);
		const onBoard = participant.getByRole('button', { name: 'Podnieś rękę' });
		await expect.poll(() => onBoard.isEnabled(), { timeout: 10_000 }).toBe(true);
		await onBoard.click();
		await queue.getByText('Jan z PCPR').waitFor();
		await participant.getByRole('button', { name: 'Opuść rękę' }).click();
		await facilitator.getByText('Nikt nie podnosi ręki.').waitFor();
	});

	it('the facilitator opens the summary page from the workshop page', async () => {
		const facilitator = await workshopPage(env.seeded.facilitator.token);
		await facilitator.getByRole('link', { name: 'Podsumowanie i lista obecności' }).click();
		await facilitator.getByRole('heading', { level: 1, name: /Podsumowanie warsztatu/ }).waitFor();
		expect(await facilitator.getByTestId('summary-participants').textContent()).toBe('2');
		await facilitator.getByRole('link', { name: 'Pobierz PDF' }).waitFor();
		await facilitator.screenshot({ path: `${SHOTS}/summary.png`, fullPage: true });
		expect(await seriousViolations(facilitator)).toEqual([]);
	});

	it('the join form offers the optional gender question, "prefer not to say" preselected', async () => {
		const { db, close } = openDatabase(env.server.databasePath);
		const workshop = await db.selectFrom('workshops').select('join_token').where('id', '=', env.seeded.workshopId).executeTakeFirstOrThrow();
		await close();
		const page = await (await env.browser.newContext({ baseURL: env.server.url })).newPage();
		await page.goto(`/j/${workshop.join_token}`);
		const gender = page.getByRole('group', { name: 'Płeć (nieobowiązkowo)' });
		expect(await gender.getByLabel('Nie podaję').isChecked()).toBe(true);
		await gender.getByLabel('Kobieta').check();
		await page.screenshot({ path: `${SHOTS}/join-form.png`, fullPage: true });
		expect(await seriousViolations(page)).toEqual([]);
	});
});
