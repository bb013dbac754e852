import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addNote, keptForOffline, noteTexts, openBoardPage, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { eventually } from '../support/eventually';

/**
 * The browser side of offline work on shared notes: a laptop edits a note while offline, its
 * tab is closed and reopened (still offline) from the local copy in IndexedDB, and meanwhile
 * someone else edits the very same note online. Back online, both edits are in the note and
 * both people see the same wall.
 */
const SHOTS = 'test-results/fault-offline';

const env = useBrowserWorkshop(SHOTS);

const contextFor = (token: string) => signedInContext(env.browser, env.server, token);
const openBoard = (context: BrowserContext) => openBoardPage(context, env.seeded.boardId);

function note(page: Page, text: string) {
	return page.getByTestId('note').filter({ hasText: text });
}

/** Appends to a note's text with the keyboard: focus the note, Enter to edit, type at the end, Escape. */
async function appendToNote(page: Page, text: string, addition: string) {
	await note(page, text).first().focus();
	await page.keyboard.press('Enter');
	const textarea = page.getByLabel('Treść notatki');
	await textarea.waitFor();
	await textarea.press('Control+End');
	await textarea.pressSequentially(addition);
	await textarea.press('Escape');
}

describe('fault: offline edits of a note others edit meanwhile (browser)', () => {
	it('merges the closed offline tab’s edits with the others’ edits of the same note', async () => {
		const jan = await contextFor(env.seeded.guest.token);
		const ewa = await contextFor(env.seeded.secondGuest.token);
		const ewaPage = await openBoard(ewa);
		const janPage = await openBoard(jan);
		await keptForOffline(janPage);
		await addNote(ewaPage, 'Wspólna notatka');
		await eventually(async () => expect(await note(janPage, 'Wspólna notatka').count()).toBe(1), 10_000);

		await jan.setOffline(true);
		await janPage.locator('[role="status"][data-state="offline"]').waitFor({ timeout: 15_000 });
		await appendToNote(janPage, 'Wspólna notatka', ' (Jan offline)');
		await addNote(janPage, 'Nowa notatka Jana');
		// IndexedDB writes are asynchronous: wait until another offline tab (which can only read
		// the local copy: an offline page never opens a channel to other tabs) sees the edits.
		const check = await jan.newPage();
		await check.goto(`/boards/${env.seeded.boardId}`);
		await eventually(async () => {
			const texts = await noteTexts(check);
			expect(texts).toContain('Nowa notatka Jana');
			expect(texts.join('|')).toContain('(Jan offline)');
		}, 10_000);
		await check.close();
		await janPage.close();

		// Meanwhile Ewa edits the same note and adds her own.
		await appendToNote(ewaPage, 'Wspólna notatka', ' (Ewa online)');
		await addNote(ewaPage, 'Nowa notatka Ewy');

		// Reopened while still offline: Jan's edits come back from IndexedDB; Ewa's are not there yet.
		const reopened = await jan.newPage();
		await reopened.goto(`/boards/${env.seeded.boardId}`);
		await eventually(async () => expect(await noteTexts(reopened)).toContain('Nowa notatka Jana'), 10_000);
		expect((await noteTexts(reopened)).join('|')).toContain('(Jan offline)');
		expect((await noteTexts(ewaPage)).join('|')).not.toContain('(Jan offline)');

		await jan.setOffline(false);
		await waitConnected(reopened);
		await eventually(async () => {
			const onJan = (await noteTexts(reopened)).sort();
			const onEwa = (await noteTexts(ewaPage)).sort();
			expect(onJan).toEqual(onEwa);
			expect(onJan).toHaveLength(3);
			const shared = onJan.find((t) => t.startsWith('Wspólna notatka'))!;
			expect(shared).toContain('(Jan offline)');
			expect(shared).toContain('(Ewa online)');
			expect(onJan).toContain('Nowa notatka Jana');
			expect(onJan).toContain('Nowa notatka Ewy');
		}, 20_000);
		await reopened.screenshot({ path: `${SHOTS}/merged.png` });
		await jan.close();
		await ewa.close();
	});
});
