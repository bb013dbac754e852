// How fast a full need/gap matrix opens in Chromium: `node bench/matrix-render.js [services] [territories] [runs]`.
// Seeds a matrix board of 60 services × 20 territories by default (issue 6's figure), every cell
// filled in, into a fresh Narada (the build in NARADA_BUILD_DIR or build/), opens it `runs` times
// in a fresh browser context (no local copy of the doc) and reports the medians of:
// - navigation start → the grid holding every cell (as the page sees it, performance.now());
// - a click on "Mapa luk" → the heat map holding every cell, two animation frames later.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { benchServer } from './servers/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromApp = createRequire(resolve(root, 'package.json'));
const playwright = await import(pathToFileURL(requireFromApp.resolve('playwright-core')).href);
const chromium = playwright.chromium ?? playwright.default.chromium;
const { generateNKeysBetween } = await import(pathToFileURL(requireFromApp.resolve('fractional-indexing')).href);

const NEEDS = ['none', 'low', 'medium', 'high'];
const OFFERS = ['none', 'insufficient', 'sufficient'];

/**
 * A matrix doc as the domain writes it (lib/domain/need-gap-matrix/schema.ts): groups of 12
 * services, `territories` columns, and need, offer, a note and sometimes a priority per cell,
 * each field under its own `row|column|field` key.
 */
export function buildMatrixUpdate(services, territories) {
	const doc = new Y.Doc();
	const entry = (fields) => {
		const map = new Y.Map();
		for (const [key, value] of Object.entries(fields)) map.set(key, value);
		return map;
	};
	doc.transact(() => {
		doc.getMap('meta').set('schemaVersion', 1);
		const groupCount = Math.ceil(services / 12);
		const groupKeys = generateNKeysBetween(null, null, groupCount);
		const groupIds = groupKeys.map((order, i) => {
			const id = randomUUID();
			doc.getMap('groups').set(id, entry({ name: `Grupa docelowa ${i + 1}`, order }));
			return id;
		});
		const rowIds = [];
		for (let g = 0; g < groupCount; g++) {
			const count = Math.min(12, services - g * 12);
			for (const [i, order] of generateNKeysBetween(null, null, count).entries()) {
				const id = randomUUID();
				doc.getMap('rows').set(id, entry({ name: `Usługa ${g * 12 + i + 1} — wsparcie środowiskowe`, group: groupIds[g], order }));
				rowIds.push(id);
			}
		}
		const columnIds = generateNKeysBetween(null, null, territories).map((order, i) => {
			const id = randomUUID();
			doc.getMap('columns').set(id, entry({ name: `powiat ${i + 1}`, kind: 'territory', order }));
			return id;
		});
		const cells = doc.getMap('cells');
		rowIds.forEach((row, r) =>
			columnIds.forEach((column, c) => {
				cells.set(`${row}|${column}|need`, NEEDS[(r + c) % NEEDS.length]);
				cells.set(`${row}|${column}|offer`, OFFERS[(r * 2 + c) % OFFERS.length]);
				cells.set(`${row}|${column}|note`, `Uwagi do komórki ${r + 1}/${c + 1}`);
				if ((r + c) % 5 === 0) cells.set(`${row}|${column}|priority`, 1 + ((r + c) % 3));
			})
		);
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

function seedMatrixBoard(databasePath, workshopId, update) {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const { process_id: processId, created_by: userId } = db.prepare('select process_id, created_by from workshops where id = ?').get(workshopId);
		const boardId = randomUUID();
		const now = Date.now();
		db.transaction(() => {
			db.prepare('insert into boards (id, process_id, kind, title, area, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(boardId, processId, 'need-gap-matrix', 'Matryca — benchmark', null, userId, now);
			db.prepare('insert into workshop_boards (workshop_id, board_id, position) values (?, ?, ?)').run(workshopId, boardId, 100);
			db.prepare('insert into board_updates (board_id, "update", created_at) values (?, ?, ?)').run(boardId, update, now);
		})();
		return boardId;
	} finally {
		db.close();
	}
}

async function measureOnce(browser, url, token, cells) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	try {
		await context.addCookies([{ name: 'narada_session', value: token, url: new URL(url).origin }]);
		const page = await context.newPage();
		await page.goto(url);
		const grid = await page.waitForFunction(
			(count) => (document.querySelectorAll('[data-testid="matrix-grid"] td[data-key]').length === count ? performance.now() : null),
			cells,
			{ timeout: 60_000, polling: 'raf' }
		);
		const gridMs = await grid.jsonValue();
		const heatMs = await page.evaluate(
			(count) =>
				new Promise((done) => {
					const start = performance.now();
					document.querySelector('[data-testid="matrix-view-heatmap"]').click();
					const check = () => {
						if (document.querySelectorAll('[data-testid="heatmap-table"] td[data-gap]').length === count) {
							requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
						} else requestAnimationFrame(check);
					};
					check();
				}),
			cells
		);
		return { gridMs, heatMs };
	} finally {
		await context.close();
	}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const services = Number(process.argv[2] ?? 60);
	const territories = Number(process.argv[3] ?? 20);
	const runs = Number(process.argv[4] ?? 5);
	const cells = services * territories;
	const server = benchServer('narada');
	await server.start();
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	try {
		const boardId = seedMatrixBoard(server.databasePath, server.fixture.workshopId, buildMatrixUpdate(services, territories));
		const url = `http://127.0.0.1:${server.port}/boards/${boardId}`;
		// One unmeasured visit warms the server's board load and the browser's code cache.
		await measureOnce(browser, url, server.fixture.facilitatorToken, cells);
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, url, server.fixture.facilitatorToken, cells));
		const grid = results.map((r) => r.gridMs);
		const heat = results.map((r) => r.heatMs);
		const fmt = (value) => value.toFixed(0);
		console.log(`matrix ${services}×${territories}: navigation to grid with ${cells} cells median ${fmt(median(grid))} ms, max ${fmt(Math.max(...grid))} ms`);
		console.log(`matrix ${services}×${territories}: switch to heat map median ${fmt(median(heat))} ms, max ${fmt(Math.max(...heat))} ms`);
		return { services, territories, runs, navigationToGridMs: grid, switchToHeatMapMs: heat };
	} finally {
		await browser.close();
		await server.kill('SIGTERM');
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
	process.exit(0);
}
