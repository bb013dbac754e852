import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { noteTexts, openBoardPage, signedInContext } from '../support/board-page';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';
import { smallDisk } from '../support/small-disk';

/**
 * What a person sees when the server's disk is full: the database lives on a small tmpfs that
 * the test fills (see tests/support/small-disk.ts for why a read-only file is not
 * enough). The note stays on the laptop, the status says saving is not possible, nobody else
 * sees the unsaved note, and once there is space again it is saved and delivered.
 */
const SHOTS = 'test-results/fault-disk';
const disk = smallDisk('fault-disk (browser)');

let server: TestServer;
let seeded: SeededWorkshop;
let browser: Browser;

beforeAll(async () => {
	if (!disk.mounted) return;
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ DATABASE_PATH: disk.databasePath });
	seeded = await seedWorkshop(disk.databasePath);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	disk.remove();
});

async function openBoard(token: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await signedInContext(browser, server, token);
	return { context, page: await openBoardPage(context, seeded.boardId) };
}

describe.skipIf(!disk.mounted)('fault: full disk, seen in the browser', () => {
	it('says the server cannot save, keeps the note on the laptop, and delivers it once space is back', async () => {
		const jan = await openBoard(seeded.guest.token);
		const ewa = await openBoard(seeded.secondGuest.token);

		await disk.fill();
		await jan.page.getByRole('button', { name: 'Dodaj notatkę' }).click();
		const textarea = jan.page.getByLabel('Treść notatki');
		await textarea.pressSequentially('Pomysł z pełnego dysku');
		await textarea.press('Escape');

		const status = jan.page.locator('[role="status"][data-state="unsaved"]');
		await status.waitFor({ timeout: 15_000 });
		expect(await status.innerText()).toContain(
			'Serwer nie może teraz zapisać zmian. Twoje zmiany są bezpieczne na tym urządzeniu i zostaną wysłane, gdy zapis znów zadziała.'
		);
		expect(await noteTexts(jan.page)).toContain('Pomysł z pełnego dysku');
		await jan.page.screenshot({ path: `${SHOTS}/unsaved.png` });
		expect(await noteTexts(ewa.page)).not.toContain('Pomysł z pełnego dysku');

		disk.free();
		await eventually(async () => expect(await noteTexts(ewa.page)).toContain('Pomysł z pełnego dysku'), 30_000, 200);
		await jan.page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
		await jan.context.close();
		await ewa.context.close();
	});
});
