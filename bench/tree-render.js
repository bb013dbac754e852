// How long a big problem tree takes to lay out and draw in Chromium: `node bench/tree-render.js [boxes] [runs]`.
// Seeds a tree board of `boxes` boxes (300 by default, the figure) into a fresh Narada,
// opens it `runs` times in a fresh browser context (no local copy of the doc) and reads the
// diagram's own performance entry 'narada:tree-rendered': from the moment the diagram reads
// the synced doc to the frame after the boxes are painted. The target is < 200 ms.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { generateNKeysBetween, measureBoard, median, seedBoard } from './lib/browser-bench.js';

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
	return seedBoard(databasePath, workshopId, 'problem-tree', title, update);
}

/** Waits for the diagram's entry with all `boxes` drawn. */
async function measureRender(page, boxes) {
	const entry = await page.waitForFunction(
		(count) => {
			const found = performance.getEntriesByName('narada:tree-rendered').find((e) => e.detail?.boxes === count);
			return found ? { duration: found.duration, end: found.startTime + found.duration } : null;
		},
		boxes,
		{ timeout: 60_000, polling: 50 }
	);
	return entry.jsonValue();
}

async function main() {
	const boxes = Number(process.argv[2] ?? 300);
	const runs = Number(process.argv[3] ?? 5);
	const results = await measureBoard({
		seed: (databasePath, workshopId) => seedTreeBoard(databasePath, workshopId, buildTreeUpdate(boxes)),
		measure: (page) => measureRender(page, boxes),
		runs
	});
	const render = results.map((r) => r.duration);
	const load = results.map((r) => r.end);
	const fmt = (value) => value.toFixed(0);
	console.log(`tree ${boxes} boxes: layout+render median ${fmt(median(render))} ms, max ${fmt(Math.max(...render))} ms (target < 200 ms)`);
	console.log(`tree ${boxes} boxes: navigation to rendered median ${fmt(median(load))} ms, max ${fmt(Math.max(...load))} ms`);
	return { boxes, runs, layoutRenderMs: render, navigationToRenderedMs: load };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
	process.exit(0);
}
