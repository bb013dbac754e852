import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from './eventually';
import { launchBrowser } from './browser';
import { seedWorkshop, type SeededWorkshop } from './seed';
import { startServer, type TestServer } from './server';

// What browser tests do on a board page, the way a person would do it.

/** A browser context signed in with a seeded session, in Polish (the default locale). */
export async function signedInContext(browser: Browser, server: TestServer, token: string): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 800 } });
	await context.addCookies([{ name: 'narada_session', value: token, url: server.url }]);
	return context;
}

/** A new signed-in page for the session `token` at `path` (a person's own laptop). */
export async function openPageAs(env: { browser: Browser; server: TestServer }, token: string, path: string): Promise<Page> {
	const page = await (await signedInContext(env.browser, env.server, token)).newPage();
	await page.goto(path);
	await waitHydrated(page);
	return page;
}

/**
 * A slow laptop: the page at `path` is shown while its scripts are held back, so the test can
 * act on the server-rendered page before it comes alive; `releaseScripts` lets them load.
 */
export async function openPageBeforeScripts(
	env: { browser: Browser; server: TestServer },
	token: string,
	path: string
): Promise<{ page: Page; releaseScripts: () => void }> {
	const page = await (await signedInContext(env.browser, env.server, token)).newPage();
	let releaseScripts!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	return { page, releaseScripts };
}

/** The root layout marks <html> once the page is hydrated: before that, a bound select chosen by the test is reset. */
export async function waitHydrated(page: Page) {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 15_000 });
}

export async function openBoardPage(context: BrowserContext, boardId: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`/boards/${boardId}`);
	await waitConnected(page);
	return page;
}

export async function waitConnected(page: Page) {
	await page.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15_000 });
}

/** Adds a note with the keyboard path a person without a mouse would use. */
export async function addNote(page: Page, text: string) {
	await page.getByRole('button', { name: 'Dodaj notatkę' }).click();
	const textarea = page.getByLabel('Treść notatki');
	await textarea.waitFor();
	await textarea.pressSequentially(text);
	await textarea.press('Escape');
}

export function noteTexts(page: Page) {
	return page.getByTestId('note-text').allInnerTexts();
}

/** Waits until the service worker holds a copy of the page, as it does for anyone who opened a board. */
export async function keptForOffline(page: Page) {
	await eventually(async () => {
		expect(await page.evaluate(async (url) => !!(await caches.match(url)), page.url())).toBe(true);
	}, 15_000);
}

/**
 * What every browser test file starts with: the real built server, a seeded workshop and
 * Chromium, torn down after the file; `shotsDir` is created for its screenshots.
 */
export function useBrowserWorkshop(shotsDir: string) {
	const env = {} as { server: TestServer; seeded: SeededWorkshop; browser: Browser };
	beforeAll(async () => {
		mkdirSync(shotsDir, { recursive: true });
		env.server = await startServer();
		env.seeded = await seedWorkshop(env.server.databasePath);
		env.browser = await launchBrowser();
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.stop();
	});
	return env;
}
