import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { eventually } from '../support/eventually';
import { seedWorkshop, type SeededWorkshop } from '../support/seed';
import { startServer, type TestServer } from '../support/server';

/**
 * What a person sees when the server's disk is full: the database lives on a small tmpfs that
 * the test fills (see tests/integration/fault-disk.spec.ts for why a read-only file is not
 * enough). The note stays on the laptop, the status says saving is not possible, nobody else
 * sees the unsaved note, and once there is space again it is saved and delivered.
 */
const SHOTS = 'test-results/fault-disk';
const mountPoint = mkdtempSync(join(tmpdir(), 'narada-disk-e2e-'));
const mounted = tryMount();
const databasePath = join(mountPoint, 'narada.db');
const fillerPath = join(mountPoint, 'filler');

function tryMount(): boolean {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint], { stdio: 'ignore' });
		return true;
	} catch {
		console.warn('fault-disk (browser): cannot mount a tmpfs here (not root?); skipped');
		return false;
	}
}

let server: TestServer;
let seeded: SeededWorkshop;
let browser: Browser;

beforeAll(async () => {
	if (!mounted) return;
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ DATABASE_PATH: databasePath });
	seeded = await seedWorkshop(databasePath);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (mounted) execFileSync('umount', [mountPoint]);
	rmSync(mountPoint, { recursive: true, force: true });
});

async function fillDisk() {
	await eventually(() => {
		const sqlite = new BetterSqlite3(databasePath);
		try {
			const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
			expect(result.busy).toBe(0);
		} finally {
			sqlite.close();
		}
		expect(statSync(`${databasePath}-wal`).size).toBe(0);
	});
	const fd = openSync(fillerPath, 'w');
	const chunk = Buffer.alloc(64 * 1024, 1);
	try {
		for (;;) writeSync(fd, chunk);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	} finally {
		closeSync(fd);
	}
}

async function openBoard(token: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 800 } });
	await context.addCookies([{ name: 'narada_session', value: token, url: server.url }]);
	const page = await context.newPage();
	await page.goto(`/boards/${seeded.boardId}`);
	await page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
	return { context, page };
}

function noteTexts(page: Page) {
	return page.getByTestId('note-text').allInnerTexts();
}

describe.skipIf(!mounted)('fault: full disk, seen in the browser', () => {
	it('says the server cannot save, keeps the note on the laptop, and delivers it once space is back', async () => {
		const jan = await openBoard(seeded.guest.token);
		const ewa = await openBoard(seeded.secondGuest.token);

		await fillDisk();
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

		rmSync(fillerPath);
		await eventually(async () => expect(await noteTexts(ewa.page)).toContain('Pomysł z pełnego dysku'), 30_000, 200);
		await jan.page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
		await jan.context.close();
		await ewa.context.close();
	});
});
