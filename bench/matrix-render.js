// How fast a full need/gap matrix opens in Chromium: `node bench/matrix-render.js [services] [territories] [runs]`.
// Seeds a matrix board of 60 services × 20 territories by default (issue 6's figure), every cell
// filled in, into a fresh Narada (the build in NARADA_BUILD_DIR or build/), opens it `runs` times
// in a fresh browser context (no local copy of the doc) and reports the medians of:
// - navigation start → the grid holding every cell (as the page sees it, performance.now());
// - a click on "Mapa luk" → the heat map holding every cell, two animation frames later.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { generateNKeysBetween, measureBoard, median, seedBoard } from './lib/browser-bench.js';

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

/** Opens the grid, waits for every cell, then switches to the heat map and waits for it the same way. */
async function measureGridAndHeatMap(page, cells) {
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
}

async function main() {
	const services = Number(process.argv[2] ?? 60);
	const territories = Number(process.argv[3] ?? 20);
	const runs = Number(process.argv[4] ?? 5);
	const cells = services * territories;
	const results = await measureBoard({
		seed: (databasePath, workshopId) => seedBoard(databasePath, workshopId, 'need-gap-matrix', 'Matryca — benchmark', buildMatrixUpdate(services, territories)),
		measure: (page) => measureGridAndHeatMap(page, cells),
		runs
	});
	const grid = results.map((r) => r.gridMs);
	const heat = results.map((r) => r.heatMs);
	const fmt = (value) => value.toFixed(0);
	console.log(`matrix ${services}×${territories}: navigation to grid with ${cells} cells median ${fmt(median(grid))} ms, max ${fmt(Math.max(...grid))} ms`);
	console.log(`matrix ${services}×${territories}: switch to heat map median ${fmt(median(heat))} ms, max ${fmt(Math.max(...heat))} ms`);
	return { services, territories, runs, navigationToGridMs: grid, switchToHeatMapMs: heat };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
	process.exit(0);
}
