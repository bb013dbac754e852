// What the Chromium benches (tree-render, matrix-render) share: the app's own playwright-core
// and fractional-indexing, a board seeded straight into the bench server's database, and the
// measuring loop (one warm-up visit, then `runs` fresh contexts signed in as the facilitator).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { benchServer } from '../servers/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromApp = createRequire(resolve(root, 'package.json'));
const playwright = await import(pathToFileURL(requireFromApp.resolve('playwright-core')).href);
const chromium = playwright.chromium ?? playwright.default.chromium;
export const { generateNKeysBetween } = await import(pathToFileURL(requireFromApp.resolve('fractional-indexing')).href);

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Adds a board of `kind` holding `update` to the process and workshop the bench seed made. */
export function seedBoard(databasePath, workshopId, kind, title, update) {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const { process_id: processId, created_by: userId } = db.prepare('select process_id, created_by from workshops where id = ?').get(workshopId);
		const boardId = randomUUID();
		const now = Date.now();
		db.transaction(() => {
			db.prepare('insert into boards (id, process_id, kind, title, area, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(boardId, processId, kind, title, null, userId, now);
			db.prepare('insert into workshop_boards (workshop_id, board_id, position) values (?, ?, ?)').run(workshopId, boardId, 100);
			db.prepare('insert into board_updates (board_id, "update", created_at) values (?, ?, ?)').run(boardId, update, now);
		})();
		return boardId;
	} finally {
		db.close();
	}
}

/** `measure(page)` on a fresh page signed in as the facilitator, in its own context. */
async function visit(browser, url, token, measure) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	try {
		await context.addCookies([{ name: 'narada_session', value: token, url: new URL(url).origin }]);
		const page = await context.newPage();
		await page.goto(url);
		return await measure(page);
	} finally {
		await context.close();
	}
}

/**
 * Starts Narada, seeds one board with `seed(databasePath, workshopId)` (returns its id), and
 * returns `runs` results of `measure(page)`, after one unmeasured visit that warms the server's
 * board load and the browser's code cache.
 */
export async function measureBoard({ seed, measure, runs }) {
	const server = benchServer('narada');
	await server.start();
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	try {
		const boardId = seed(server.databasePath, server.fixture.workshopId);
		const url = `http://127.0.0.1:${server.port}/boards/${boardId}`;
		const token = server.fixture.facilitatorToken;
		await visit(browser, url, token, measure);
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await visit(browser, url, token, measure));
		return results;
	} finally {
		await browser.close();
		await server.kill('SIGTERM');
	}
}
