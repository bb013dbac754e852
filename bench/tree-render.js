// How long a big problem tree takes to lay out and draw in Chromium: `node bench/tree-render.js [boxes] [runs]`.
// Seeds a tree board of `boxes` boxes (300 by default, the figure) into a fresh Narada,
// opens it `runs` times in a fresh browser context (no local copy of the doc) and reads the
// diagram's own performance entry 'narada:tree-rendered': from the moment the diagram reads
// the synced doc to the frame after the boxes are painted. The target is < 200 ms.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { benchServer } from './servers/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The app's own dependencies, not the bench's: the browser driver and the key generator the tree uses.
const requireFromApp = createRequire(resolve(root, 'package.json'));
const playwright = await import(pathToFileURL(requireFromApp.resolve('playwright-core')).href);
const chromium = playwright.chromium ?? playwright.default.chromium;
const { generateNKeysBetween } = await import(pathToFileURL(requireFromApp.resolve('fractional-indexing')).href);

const STATEMENTS = [
	'Brak koordynacji działań między instytucjami',
	'Niewystarczająca liczba miejsc w mieszkaniach chronionych',
	'Długi czas oczekiwania na terapię uzależnień',
	'Niski poziom kompetencji wychowawczych rodziców',
	'Rotacja kadr w ośrodkach pomocy społecznej',
	'Izolacja społeczna osób starszych mieszkających samotnie na terenach wiejskich',
	'Mała dostępność poradnictwa psychologicznego dla dzieci i młodzieży',
	'Przemoc',
	'Ubóstwo energetyczne',
	'Niewystarczające wsparcie rodzin zastępczych w powiecie, zwłaszcza w pierwszym roku po umieszczeniu dziecka'
];

/**
 * A problem tree doc as the domain writes it (lib/domain/problem-tree/operations.ts): `boxes`
 * boxes in all, six effects and six causes on the core, then three children per box, breadth
 * first, so both halves grow several levels deep like a long workshop's tree.
 */
export function buildTreeUpdate(boxes, treeKind = 'problem') {
	const doc = new Y.Doc();
	const now = Date.now();
	const map = doc.getMap('boxes');
	const add = (id, text, parent, side, order) => {
		const box = new Y.Map();
		box.set('text', new Y.Text(text));
		for (const [key, value] of Object.entries({ parent, side, order, createdBy: 'bench', createdAt: now, evidence: '', evidenceSource: '', scale: '' })) box.set(key, value);
		map.set(id, box);
	};
	doc.transact(() => {
		doc.getMap('meta').set('schemaVersion', 1);
		doc.getMap('meta').set('treeKind', treeKind);
		add('core', 'Wysoki poziom przemocy w rodzinach w powiecie', '', 'cause', 'a0');
		const queue = [];
		const coreKeys = generateNKeysBetween(null, null, 12);
		for (let i = 0; i < 12 && 1 + queue.length < boxes; i++) {
			const id = randomUUID();
			add(id, STATEMENTS[i % STATEMENTS.length], 'core', i % 2 ? 'effect' : 'cause', coreKeys[i]);
			queue.push(id);
		}
		let made = 1 + queue.length;
		for (let next = 0; made < boxes; next++) {
			const keys = generateNKeysBetween(null, null, 3);
			for (let i = 0; i < 3 && made < boxes; i++, made++) {
				const id = randomUUID();
				add(id, STATEMENTS[made % STATEMENTS.length], queue[next], 'cause', keys[i]);
				queue.push(id);
			}
		}
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** Adds a tree board holding `update` to the process and workshop the bench seed made. */
export function seedTreeBoard(databasePath, workshopId, update, title = 'Drzewo problemów — benchmark') {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const { process_id: processId, created_by: userId } = db.prepare('select process_id, created_by from workshops where id = ?').get(workshopId);
		const boardId = randomUUID();
		const now = Date.now();
		db.transaction(() => {
			db.prepare('insert into boards (id, process_id, kind, title, area, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)').run(boardId, processId, 'problem-tree', title, null, userId, now);
			db.prepare('insert into workshop_boards (workshop_id, board_id, position) values (?, ?, ?)').run(workshopId, boardId, 100);
			db.prepare('insert into board_updates (board_id, "update", created_at) values (?, ?, ?)').run(boardId, update, now);
		})();
		return boardId;
	} finally {
		db.close();
	}
}

/** Opens the board in a fresh context and waits for the diagram's entry with all `boxes` drawn. */
async function measureOnce(browser, url, token, boxes) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	try {
		await context.addCookies([{ name: 'narada_session', value: token, url: new URL(url).origin }]);
		const page = await context.newPage();
		await page.goto(url);
		const entry = await page.waitForFunction(
			(count) => {
				const found = performance.getEntriesByName('narada:tree-rendered').find((e) => e.detail?.boxes === count);
				return found ? { duration: found.duration, end: found.startTime + found.duration } : null;
			},
			boxes,
			{ timeout: 60_000, polling: 50 }
		);
		return entry.jsonValue();
	} finally {
		await context.close();
	}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const boxes = Number(process.argv[2] ?? 300);
	const runs = Number(process.argv[3] ?? 5);
	const server = benchServer('narada');
	await server.start();
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	try {
		const boardId = seedTreeBoard(server.databasePath, server.fixture.workshopId, buildTreeUpdate(boxes));
		const url = `http://127.0.0.1:${server.port}/boards/${boardId}`;
		// One unmeasured visit warms the server's board load and the browser's code cache.
		await measureOnce(browser, url, server.fixture.facilitatorToken, boxes);
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, url, server.fixture.facilitatorToken, boxes));
		const render = results.map((r) => r.duration);
		const load = results.map((r) => r.end);
		const fmt = (value) => value.toFixed(0);
		console.log(`tree ${boxes} boxes: layout+render median ${fmt(median(render))} ms, max ${fmt(Math.max(...render))} ms (target < 200 ms)`);
		console.log(`tree ${boxes} boxes: navigation to rendered median ${fmt(median(load))} ms, max ${fmt(Math.max(...load))} ms`);
		return { boxes, runs, layoutRenderMs: render, navigationToRenderedMs: load };
	} finally {
		await browser.close();
		await server.kill('SIGTERM');
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
	process.exit(0);
}
