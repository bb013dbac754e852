import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addNote, keptForOffline, noteTexts, openBoardPage, signedInContext, useBrowserWorkshop, waitConnected } from '../support/board-page';
import { openDatabase } from '../../src/lib/server/db/index';
import { eventually } from '../support/eventually';
import { seedWorkshop } from '../support/seed';

const SHOTS = 'test-results/ideas-wall';

const env = useBrowserWorkshop(SHOTS);

const contextFor = (token: string) => signedInContext(env.browser, env.server, token);
const openBoard = (context: BrowserContext, boardId = env.seeded.boardId) => openBoardPage(context, boardId);

describe('ideas wall in the browser', () => {
	it('shows each participant the other one’s notes live, and who is present', async () => {
		const jan = await contextFor(env.seeded.guest.token);
		const ewa = await contextFor(env.seeded.secondGuest.token);
		const janPage = await openBoard(jan);
		const ewaPage = await openBoard(ewa);

		await addNote(janPage, 'Brak koordynacji między instytucjami');
		await eventually(async () => expect(await noteTexts(ewaPage)).toContain('Brak koordynacji między instytucjami'), 10_000);

		await addNote(ewaPage, 'Długi czas oczekiwania na terapię');
		await eventually(async () => expect(await noteTexts(janPage)).toContain('Długi czas oczekiwania na terapię'), 10_000);

		await eventually(async () => {
			const present = await janPage.getByTestId('present-person').allInnerTexts();
			expect(present.join(' ')).toContain('Ewa ze szkoły');
		}, 10_000);

		// Undo takes back only Jan's own note. Creating it and typing its text are one undo step
		// when they come within Yjs' 500 ms grouping; on a slow machine they are two, so Jan
		// presses again while his note is still there. Ewa's note is never his to undo.
		await janPage.keyboard.press('Control+z');
		await eventually(async () => {
			if ((await noteTexts(janPage)).length > 1) await janPage.keyboard.press('Control+z');
			expect(await noteTexts(ewaPage)).toEqual(['Długi czas oczekiwania na terapię']);
		}, 10_000);

		await janPage.screenshot({ path: `${SHOTS}/jan.png` });
		await ewaPage.screenshot({ path: `${SHOTS}/ewa.png` });
		await jan.close();
		await ewa.close();
	});

	it('creates, moves, edits and deletes a note with the keyboard alone, and drags one with the mouse', async () => {
		const jan = await contextFor(env.seeded.guest.token);
		const ewa = await contextFor(env.seeded.secondGuest.token);
		const janPage = await openBoard(jan);
		const ewaPage = await openBoard(ewa);
		const ewaNote = (text: string) => ewaPage.getByTestId('note').filter({ hasText: text });

		await janPage.getByRole('button', { name: 'Dodaj notatkę' }).focus();
		await janPage.keyboard.press('Enter');
		await janPage.keyboard.type('Klawiatura');
		await janPage.keyboard.press('Escape');
		await eventually(async () => expect(await ewaNote('Klawiatura').count()).toBe(1), 10_000);
		const before = await ewaNote('Klawiatura').evaluate((el) => parseInt((el as HTMLElement).style.left));

		// Focus is back on the note: arrows move it, and the drop reaches the others.
		for (let i = 0; i < 3; i++) await janPage.keyboard.press('Shift+ArrowRight');
		await eventually(async () => {
			expect(await ewaNote('Klawiatura').evaluate((el) => parseInt((el as HTMLElement).style.left))).toBe(before + 150);
		}, 10_000);

		await janPage.keyboard.press('Enter');
		await janPage.keyboard.type(' i Enter');
		await janPage.keyboard.press('Escape');
		await eventually(async () => expect(await ewaNote('Klawiatura i Enter').count()).toBe(1), 10_000);

		await janPage.keyboard.press('Delete');
		await eventually(async () => expect(await ewaNote('Klawiatura').count()).toBe(0), 10_000);
		await janPage.keyboard.press('Control+z');
		await eventually(async () => expect(await ewaNote('Klawiatura i Enter').count()).toBe(1), 10_000);

		// A mouse drag: Ewa sees the note follow while it moves, and where it is dropped.
		const note = janPage.getByTestId('note').filter({ hasText: 'Klawiatura' });
		const box = (await note.boundingBox())!;
		await janPage.mouse.move(box.x + 90, box.y + 40);
		await janPage.mouse.down();
		await janPage.mouse.move(box.x + 190, box.y + 140, { steps: 10 });
		await eventually(async () => expect(await ewaNote('Klawiatura').getAttribute('class')).toContain('dragging'), 10_000);
		await janPage.mouse.up();
		await eventually(async () => {
			expect(await ewaNote('Klawiatura').getAttribute('class')).not.toContain('dragging');
			expect(await ewaNote('Klawiatura').evaluate((el) => parseInt((el as HTMLElement).style.left))).toBe(before + 250);
		}, 10_000);
		await jan.close();
		await ewa.close();
	});

	it('lets an observer see the notes but not edit them', async () => {
		const editor = await contextFor(env.seeded.guest.token);
		const observer = await contextFor(env.seeded.observer.token);
		const editorPage = await openBoard(editor);
		await addNote(editorPage, 'Widoczne dla obserwatora');

		const observerPage = await openBoard(observer);
		await eventually(async () => expect(await noteTexts(observerPage)).toContain('Widoczne dla obserwatora'), 10_000);
		expect(await observerPage.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);
		expect(await observerPage.getByRole('button', { name: 'Cofnij' }).count()).toBe(0);
		expect(await observerPage.getByRole('button', { name: 'Usuń notatkę' }).count()).toBe(0);
		await expect(observerPage.getByTestId('read-only-notice').isVisible()).resolves.toBe(true);

		// Keys that edit for a participant do nothing for an observer.
		const count = (await noteTexts(editorPage)).length;
		await observerPage.getByTestId('note').first().focus();
		await observerPage.keyboard.press('Delete');
		await observerPage.keyboard.press('Enter');
		expect(await observerPage.getByLabel('Treść notatki').count()).toBe(0);
		await addNote(editorPage, 'Druga notatka');
		await eventually(async () => expect(await noteTexts(observerPage)).toHaveLength(count + 1), 10_000);
		expect(await noteTexts(editorPage)).toHaveLength(count + 1);
		await expect(observerPage.locator('[role="status"][data-state="connected"]').count()).resolves.toBe(1);

		await observerPage.screenshot({ path: `${SHOTS}/observer.png` });
		await editor.close();
		await observer.close();
	});

	it('keeps a note written offline through a closed tab and delivers it when back online', async () => {
		const jan = await contextFor(env.seeded.guest.token);
		const ewa = await contextFor(env.seeded.secondGuest.token);
		const ewaPage = await openBoard(ewa);
		const janPage = await openBoard(jan);
		await keptForOffline(janPage);

		await jan.setOffline(true);
		await janPage.locator('[role="status"][data-state="offline"]').waitFor({ timeout: 15_000 });
		await addNote(janPage, 'Zapisane bez sieci');
		await janPage.screenshot({ path: `${SHOTS}/offline.png` });
		await janPage.close();

		// Reopened while still offline: the page comes from the service worker's copy, the note
		// from IndexedDB — the server has never seen it.
		const reopened = await jan.newPage();
		await reopened.goto(`/boards/${env.seeded.boardId}`);
		await eventually(async () => expect(await noteTexts(reopened)).toContain('Zapisane bez sieci'), 10_000);
		expect(await noteTexts(ewaPage)).not.toContain('Zapisane bez sieci');

		await jan.setOffline(false);
		await waitConnected(reopened);
		await eventually(async () => expect(await noteTexts(ewaPage)).toContain('Zapisane bez sieci'), 20_000);
		await reopened.screenshot({ path: `${SHOTS}/back-online.png` });
		await jan.close();
		await ewa.close();
	});

	it('refuses the board page to a guest of another board and sends a stranger to sign in', async () => {
		const guest = await contextFor(env.seeded.guest.token);
		const page = await guest.newPage();
		const response = await page.goto(`/boards/${env.seeded.otherBoardId}`);
		expect(response?.status()).toBe(403);
		expect(await page.locator('body').innerText()).toContain('Nie masz dostępu do tej tablicy');
		expect(await page.getByTestId('note').count()).toBe(0);

		const stranger = await env.browser.newContext({ baseURL: env.server.url });
		const refused = await stranger.request.get(`/boards/${env.seeded.boardId}`, { maxRedirects: 0 });
		expect(refused.status()).toBe(303);
		expect(refused.headers()['location']).toBe(`/login?next=${encodeURIComponent(`/boards/${env.seeded.boardId}`)}`);
		await guest.close();
		await stranger.close();
	});

	// Last: it restarts the server.
	it('tells a person whose session ended why the board stopped, instead of reconnecting forever', async () => {
		const own = await seedWorkshop(env.server.databasePath);
		const jan = await contextFor(own.guest.token);
		const page = await openBoard(jan, own.boardId);
		await addNote(page, 'Przed wygaśnięciem');

		// The session disappears while the server is down (it expired, or was revoked meanwhile).
		await env.server.kill();
		const { db, close } = openDatabase(env.server.databasePath);
		await db.deleteFrom('sessions').where('id', '=', own.guest.id).execute();
		await close();
		await env.server.restart();

		const status = page.locator('[role="status"][data-state="stopped"]');
		await status.waitFor({ timeout: 30_000 });
		expect(await status.innerText()).toContain('Sesja wygasła');
		expect(await page.getByRole('button', { name: 'Dodaj notatkę' }).count()).toBe(0);
		expect(await noteTexts(page)).toContain('Przed wygaśnięciem');
		await page.screenshot({ path: `${SHOTS}/stopped.png` });
		await jan.close();
	});
});
